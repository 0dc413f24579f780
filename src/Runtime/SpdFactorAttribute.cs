using System;

namespace Specialized;

/// <summary>
/// Marks a <c>static partial</c> method <c>(Span&lt;T&gt; a, int n)</c> returning <see cref="bool"/> or
/// <see cref="SolveResult"/> as a Cholesky factorization in place, specialized for n up to <see cref="MaxN"/>.
/// </summary>
/// <remarks>Part of the v1 contract; this version of the generator does not emit it yet (SPD0002 says so).</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SpdFactorAttribute : Attribute
{
    /// <summary>The largest n that gets unrolled code; 1 to 32, default 8.</summary>
    public int MaxN { get; set; } = 8;

    /// <summary>The triangle of A that is read and overwritten by the factor. Default <see cref="Triangle.Lower"/>.</summary>
    public Triangle Triangle { get; set; } = Triangle.Lower;

    /// <summary>The storage order of A. Default <see cref="MatrixLayout.RowMajor"/>.</summary>
    public MatrixLayout Layout { get; set; } = MatrixLayout.RowMajor;
}
