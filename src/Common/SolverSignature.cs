namespace Specialized.Common;

/// <summary>Element type of the spans.</summary>
internal enum ElementType
{
    Double,
    Float,
}

/// <summary>The parameter pattern of a recognized form.</summary>
internal enum SolveForm
{
    /// <summary>[SpdSolve] (Span a, Span b, int n[, int nrhs]): a's triangle becomes the factor, b becomes x.</summary>
    InPlace,

    /// <summary>[SpdSolve] (ReadOnlySpan a, ReadOnlySpan b, Span x, int n[, int nrhs]).</summary>
    KeepInputs,

    /// <summary>[SpdSolve] void (ReadOnlySpan factor, Span b, int n[, int nrhs]): solves with a factor made by [SpdFactor], b becomes x.</summary>
    Factored,

    /// <summary>[SpdFactor] (Span a, int n): the Cholesky factor overwrites a's stored triangle.</summary>
    Factor,

    /// <summary>[SpdInverse] (ReadOnlySpan a, Span inverse, int n): the full symmetric inverse.</summary>
    Inverse,

    /// <summary>[SpdSolve] void (ReadOnlySpan a, ReadOnlySpan b, Span x, Span&lt;SolveResult&gt; results, int n): results.Length systems of order n.</summary>
    Batch,

    /// <summary>[LeastSquares] (ReadOnlySpan a, ReadOnlySpan b[, ReadOnlySpan w], Span x, int rows, int cols[, T ridge]).</summary>
    LeastSquares,
}

/// <summary>What a recognized method looks like; value-equatable, holds no symbols.</summary>
/// <remarks>
/// <see cref="ReturnsSolveResult"/> is false for the void forms (<see cref="SolveForm.Factored"/>, <see cref="SolveForm.Batch"/>); see <see cref="ReturnsVoid"/>.
/// <see cref="HasWeights"/> and <see cref="HasRidge"/> belong to <see cref="SolveForm.LeastSquares"/> only.
/// </remarks>
internal sealed record SolverSignature(SolverKind Kind, SolveForm Form, ElementType Element, bool ReturnsSolveResult, bool HasNrhs, bool HasWeights = false, bool HasRidge = false)
{
    /// <summary>The solve with a given factor cannot fail; the batch reports each system in its results span.</summary>
    public bool ReturnsVoid => Form is SolveForm.Factored or SolveForm.Batch;
}
