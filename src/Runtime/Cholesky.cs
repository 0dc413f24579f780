using System;

namespace Specialized;

/// <summary>
/// Cholesky factorization and solves for symmetric positive definite matrices of any size: the
/// runtime fallback that generated solvers call above their <c>MaxN</c>, usable directly too.
/// </summary>
/// <remarks>
/// <para>Only the triangle named by <c>triangle</c> is read or written; the other may hold anything.
/// Right-hand sides b and solutions x are n x nrhs, row-major, whatever the matrix layout.</para>
/// <para>Nothing here allocates. The forms that keep their inputs (and <c>Invert</c>) factor a copy of the matrix: on
/// the stack when it fits in <see cref="StackScratchBytes"/>, otherwise in an array rented from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/> and returned before the call ends.</para>
/// <para>Bad shapes throw <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/>
/// before any element is touched; a matrix that is not positive definite returns a failed
/// <see cref="SolveResult"/> and leaves the right-hand side (in place) or x (keep-inputs) unchanged.</para>
/// </remarks>
public static partial class Cholesky
{
    /// <summary>The largest copy of the matrix, in bytes, that the keep-inputs forms put on the stack.</summary>
    public const int StackScratchBytes = 32 * 1024;

    /// <summary>Factors A in place: A = L·Lᵀ (lower) or A = Uᵀ·U (upper); the factor overwrites the stored triangle.</summary>
    /// <param name="a">
    /// The n x n matrix; only <paramref name="triangle"/> is read and written. On failure the stored
    /// triangle holds partial results, as LAPACK's dpotrf leaves it: copy the matrix first if it is still needed.
    /// </param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="triangle">The triangle that holds A and receives the factor.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Factor(Span<double> a, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<double>.Factor(a, n, triangle, layout);

    /// <inheritdoc cref="Factor(Span{double}, int, Triangle, MatrixLayout)"/>
    public static SolveResult Factor(Span<float> a, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<float>.Factor(a, n, triangle, layout);

    /// <summary>Solves A·X = B in place of B, given the factor that <see cref="Factor(Span{double}, int, Triangle, MatrixLayout)"/> produced.</summary>
    /// <param name="factor">The factor, in the triangle and layout it was produced with.</param>
    /// <param name="b">The n x nrhs right-hand sides, row-major; overwritten by the solution.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="triangle">The triangle that holds the factor.</param>
    /// <param name="layout">The storage order of <paramref name="factor"/>.</param>
    public static void SolveFactored(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs = 1, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<double>.SolveFactored(factor, b, n, nrhs, triangle, layout);

    /// <inheritdoc cref="SolveFactored(ReadOnlySpan{double}, Span{double}, int, int, Triangle, MatrixLayout)"/>
    public static void SolveFactored(ReadOnlySpan<float> factor, Span<float> b, int n, int nrhs = 1, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<float>.SolveFactored(factor, b, n, nrhs, triangle, layout);

    /// <summary>Solves A·X = B in place: A's stored triangle becomes the factor and B becomes X.</summary>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read and written.</param>
    /// <param name="b">The n x nrhs right-hand sides, row-major; overwritten by the solution, and unchanged on failure.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="triangle">The triangle that holds A.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Solve(Span<double> a, Span<double> b, int n, int nrhs = 1, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<double>.SolveInPlace(a, b, n, nrhs, triangle, layout);

    /// <inheritdoc cref="Solve(Span{double}, Span{double}, int, int, Triangle, MatrixLayout)"/>
    public static SolveResult Solve(Span<float> a, Span<float> b, int n, int nrhs = 1, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<float>.SolveInPlace(a, b, n, nrhs, triangle, layout);

    /// <summary>Solves A·X = B into X, leaving A and B as they were.</summary>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read.</param>
    /// <param name="b">The n x nrhs right-hand sides, row-major.</param>
    /// <param name="x">Receives the n x nrhs solution, row-major; unchanged on failure.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="triangle">The triangle that holds A.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs = 1, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<double>.Solve(a, b, x, n, nrhs, triangle, layout);

    /// <inheritdoc cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, Triangle, MatrixLayout)"/>
    public static SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs = 1, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<float>.Solve(a, b, x, n, nrhs, triangle, layout);

    /// <summary>
    /// Writes the inverse of the symmetric positive definite A to <paramref name="inverse"/>, both
    /// triangles (so the result reads the same in either layout), leaving A as it was.
    /// </summary>
    /// <remarks>
    /// LAPACK's potrf then potri, unblocked: A = L·Lᵀ is factored in a copy (on the stack up to
    /// <see cref="StackScratchBytes"/>, else in an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>),
    /// L is inverted in place, and A⁻¹ = L⁻ᵀ·L⁻¹. Every element of <paramref name="a"/> is read before
    /// the first element of <paramref name="inverse"/> is written.
    /// </remarks>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read.</param>
    /// <param name="inverse">Receives the n x n inverse, both triangles; unchanged on failure.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="triangle">The triangle that holds A.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Invert(ReadOnlySpan<double> a, Span<double> inverse, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<double>.Invert(a, inverse, n, triangle, layout);

    /// <inheritdoc cref="Invert(ReadOnlySpan{double}, Span{double}, int, Triangle, MatrixLayout)"/>
    public static SolveResult Invert(ReadOnlySpan<float> a, Span<float> inverse, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<float>.Invert(a, inverse, n, triangle, layout);
}
