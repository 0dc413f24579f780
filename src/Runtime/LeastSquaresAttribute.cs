using System;

namespace Specialized;

/// <summary>
/// Marks a <c>static partial</c> method <c>(ReadOnlySpan&lt;T&gt; a, ReadOnlySpan&lt;T&gt; b, Span&lt;T&gt; x, int rows, int cols)</c>
/// as a least-squares fit minimizing ‖A·x − b‖₂ through the normal equations, specialized for cols up to <see cref="MaxCols"/>.
/// </summary>
/// <remarks>Part of the v1 contract; this version of the generator does not emit it yet (SPD0002 says so).</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LeastSquaresAttribute : Attribute
{
    /// <summary>The largest column count that gets unrolled code; 1 to 32, default 8.</summary>
    public int MaxCols { get; set; } = 8;

    /// <summary>The storage order of the rows x cols matrix A. Default <see cref="MatrixLayout.RowMajor"/>.</summary>
    public MatrixLayout Layout { get; set; } = MatrixLayout.RowMajor;
}
