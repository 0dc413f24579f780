using System;

namespace Specialized;

/// <summary>
/// Marks a <c>static partial</c> method <c>(ReadOnlySpan&lt;T&gt; a, ReadOnlySpan&lt;T&gt; b, Span&lt;T&gt; x, int rows, int cols)</c>
/// as a least-squares fit minimizing ‖A·x − b‖₂ through the normal equations, specialized for cols up to <see cref="MaxCols"/>.
/// </summary>
/// <remarks>
/// The method may also take <c>ReadOnlySpan&lt;T&gt; w</c> after b (row weights: Σ wᵢ(Aᵢ·x − bᵢ)²) and/or
/// <c>T ridge</c> last (adds ridge·‖x‖²), and return bool or <see cref="SolveResult"/>. Column counts above
/// MaxCols call <see cref="LeastSquares"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LeastSquaresAttribute : Attribute
{
    /// <summary>The largest column count that gets unrolled code; 1 to 32, default 8.</summary>
    public int MaxCols { get; set; } = 8;

    /// <summary>The storage order of the rows x cols matrix A. Default <see cref="MatrixLayout.RowMajor"/>.</summary>
    public MatrixLayout Layout { get; set; } = MatrixLayout.RowMajor;

    /// <summary>
    /// Whether to add one step of refinement: r = b − A·x computed from A (a second pass over it), then
    /// x += the solution of the normal equations for r with the same Gram matrix. Worth it when κ(A)
    /// exceeds about 1/√ε (1e4 in float, 1e8 in double); default false.
    /// </summary>
    public bool Refine { get; set; }
}
