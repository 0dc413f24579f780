using System;

namespace Specialized;

/// <summary>
/// Marks a <c>static partial</c> method <c>(Span&lt;T&gt; a, int n)</c> returning <see cref="bool"/> or
/// <see cref="SolveResult"/> as a Cholesky factorization in place, specialized for n up to <see cref="MaxN"/>.
/// </summary>
/// <remarks>
/// The factor is LAPACK's: with <see cref="Triangle.Lower"/>, A = L·Lᵀ and L overwrites the lower
/// triangle; with <see cref="Triangle.Upper"/>, A = Uᵀ·U and U overwrites the upper triangle; the other
/// triangle is never read or written. A matrix that is not positive definite returns a failure at
/// dpotrf's pivot; for n up to <see cref="MaxN"/> a is then left unchanged, above it the runtime
/// fallback (<see cref="Cholesky"/>) may leave part of the stored triangle overwritten, as dpotrf does.
/// An <see cref="SpdSolveAttribute"/> method <c>void (ReadOnlySpan&lt;T&gt; factor, Span&lt;T&gt; b, int n)</c>
/// with the same <see cref="Triangle"/> and <see cref="Layout"/> solves with the factor.
/// </remarks>
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
