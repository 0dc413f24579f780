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
    /// <summary>(Span a, Span b, int n[, int nrhs]): a's triangle becomes the factor, b becomes x.</summary>
    InPlace,

    /// <summary>(ReadOnlySpan a, ReadOnlySpan b, Span x, int n[, int nrhs]).</summary>
    KeepInputs,
}

/// <summary>What a recognized method looks like; value-equatable, holds no symbols.</summary>
internal sealed record SolverSignature(SolverKind Kind, SolveForm Form, ElementType Element, bool ReturnsSolveResult, bool HasNrhs);
