using System;

namespace Specialized;

/// <summary>
/// Marks a <c>static partial</c> method <c>(ReadOnlySpan&lt;T&gt; a, Span&lt;T&gt; inverse, int n)</c> returning
/// <see cref="bool"/> or <see cref="SolveResult"/> as a full symmetric inverse, specialized for n up to <see cref="MaxN"/>.
/// </summary>
/// <remarks>
/// Both triangles of the inverse are written, so it reads the same in either layout; a is never
/// written, and the inverse is left unchanged when A is not positive definite. Larger n call
/// <see cref="Cholesky"/>'s <c>Invert</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SpdInverseAttribute : Attribute
{
    /// <summary>The largest n that gets unrolled code; 1 to 32, default 8.</summary>
    public int MaxN { get; set; } = 8;

    /// <summary>The triangle of A that is read. Default <see cref="Triangle.Lower"/>.</summary>
    public Triangle Triangle { get; set; } = Triangle.Lower;

    /// <summary>The storage order of A (the inverse, symmetric and written in full, is the same either way). Default <see cref="MatrixLayout.RowMajor"/>.</summary>
    public MatrixLayout Layout { get; set; } = MatrixLayout.RowMajor;
}
