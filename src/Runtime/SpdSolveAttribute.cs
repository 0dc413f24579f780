using System;

namespace Specialized;

/// <summary>
/// Generates a solver for symmetric positive definite systems A·x = b on a <c>static partial</c> method.
/// Every n from 1 to <see cref="MaxN"/> gets a fully unrolled Cholesky factor and solve; larger n
/// call the runtime fallback (<see cref="Cholesky"/>).
/// </summary>
/// <remarks>
/// Recognized forms, with T = <see cref="double"/> or <see cref="float"/> and a return type of
/// <see cref="bool"/> or <see cref="SolveResult"/>:
/// <c>(Span&lt;T&gt; a, Span&lt;T&gt; b, int n)</c> (in place: a's triangle becomes the factor, b becomes x);
/// <c>(ReadOnlySpan&lt;T&gt; a, ReadOnlySpan&lt;T&gt; b, Span&lt;T&gt; x, int n)</c> (keeps the inputs);
/// either with <c>int nrhs</c> after n, where b and x are n x nrhs, row-major. And, returning
/// <c>void</c>, <c>(ReadOnlySpan&lt;T&gt; factor, Span&lt;T&gt; b, int n)</c>, optionally with <c>int nrhs</c>:
/// solves in place of b with the factor that <see cref="SpdFactorAttribute"/> or <see cref="Cholesky"/>'s
/// <c>Factor</c> made for the same <see cref="Triangle"/> and <see cref="Layout"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SpdSolveAttribute : Attribute
{
    /// <summary>The largest n that gets unrolled code; 1 to 32, default 8.</summary>
    public int MaxN { get; set; } = 8;

    /// <summary>The triangle of A that is read (and, in place, overwritten by the factor), or that holds the given factor. Default <see cref="Triangle.Lower"/>.</summary>
    public Triangle Triangle { get; set; } = Triangle.Lower;

    /// <summary>The storage order of A. Default <see cref="MatrixLayout.RowMajor"/>.</summary>
    public MatrixLayout Layout { get; set; } = MatrixLayout.RowMajor;
}
