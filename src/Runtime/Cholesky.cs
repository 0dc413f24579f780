using System;

namespace Specialized;

/// <summary>
/// Cholesky factorization and solves for symmetric positive definite matrices of any size: the
/// runtime fallback that generated solvers call above their <c>MaxN</c>, usable directly too.
/// </summary>
/// <remarks>
/// <para>Only the triangle named by <c>triangle</c> is read or written; the other may hold anything.
/// Right-hand sides b and solutions x are n x nrhs, row-major, whatever the matrix layout.</para>
/// <para>Nothing here allocates on one thread. The forms that keep their inputs (<c>Solve</c> into x, <c>Invert</c>,
/// <c>LogDeterminant</c>) factor a copy of the matrix: on the stack when it fits in <see cref="StackScratchBytes"/>,
/// otherwise in an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> and returned before the call ends.</para>
/// <para>From n = <see cref="BlockedFrom"/> on, the factorization is blocked: panels are packed into scratch of about
/// (144 + n)·2 KiB plus 16 KiB (rented from the same pool, like every scratch larger than <see cref="StackScratchBytes"/>),
/// and solves with 8 or more right-hand sides are blocked the same way, with (144 + nrhs)·2 KiB. Solves with 2 to 7
/// right-hand sides use an n-element copy of one column at a time.</para>
/// <para>The overloads with <c>degreeOfParallelism</c> share the large updates and panel solves of a factorization of order
/// <see cref="BlockedFrom"/> or more among up to that many threads (at most <see cref="Environment.ProcessorCount"/>);
/// each extra thread adds its own packing scratch of about (144 + n / degreeOfParallelism)·2 KiB to the rented array, and
/// the shared steps reuse one job object per calling thread, so nothing is allocated once warm, except by a call that finds
/// the library's worker threads busy with another: it shares its steps through
/// <see cref="System.Threading.Tasks.Parallel.For(int, int, System.Threading.Tasks.ParallelOptions, Action{int})"/>, which allocates a few small objects each.
/// Every element sees the same operations in the same order as on one thread, so the result is bit-identical
/// whatever the degree of parallelism. The default, one thread, suits callers that already run one solve per core.</para>
/// <para>Bad shapes throw <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/>
/// before any element is touched; a matrix that is not positive definite returns a failed
/// <see cref="SolveResult"/> and leaves the right-hand side (in place) or x (keep-inputs) unchanged.</para>
/// </remarks>
public static partial class Cholesky
{
    /// <summary>The largest copy of the matrix, in bytes, that the keep-inputs forms put on the stack.</summary>
    public const int StackScratchBytes = 32 * 1024;

    /// <summary>The order from which factorizations are blocked (packed panels, register-blocked SIMD updates).</summary>
    public const int BlockedFrom = BlockedCholesky<double>.Crossover;

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
    /// LAPACK's potrf (blocked from <see cref="BlockedFrom"/> on) then potri, unblocked: A = L·Lᵀ is factored in a copy (on the stack up to
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

    /// <summary>Factors A in place as <see cref="Factor(Span{double}, int, Triangle, MatrixLayout)"/> does, on up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read and written (partial results on failure).</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="triangle">The triangle that holds A and receives the factor.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <param name="degreeOfParallelism">The most threads to share the factorization among (1 or more; see the remarks on <see cref="Cholesky"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Factor(Span<double> a, int n, Triangle triangle, MatrixLayout layout, int degreeOfParallelism) =>
        CholeskyCore<double>.Factor(a, n, triangle, layout, degreeOfParallelism);

    /// <inheritdoc cref="Factor(Span{double}, int, Triangle, MatrixLayout, int)"/>
    public static SolveResult Factor(Span<float> a, int n, Triangle triangle, MatrixLayout layout, int degreeOfParallelism) =>
        CholeskyCore<float>.Factor(a, n, triangle, layout, degreeOfParallelism);

    /// <summary>Solves A·X = B in place as <see cref="Solve(Span{double}, Span{double}, int, int, Triangle, MatrixLayout)"/> does, factoring on up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read and written.</param>
    /// <param name="b">The n x nrhs right-hand sides, row-major; overwritten by the solution, and unchanged on failure.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="triangle">The triangle that holds A.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <param name="degreeOfParallelism">The most threads to share the factorization among (1 or more; see the remarks on <see cref="Cholesky"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Solve(Span<double> a, Span<double> b, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degreeOfParallelism) =>
        CholeskyCore<double>.SolveInPlace(a, b, n, nrhs, triangle, layout, degreeOfParallelism);

    /// <inheritdoc cref="Solve(Span{double}, Span{double}, int, int, Triangle, MatrixLayout, int)"/>
    public static SolveResult Solve(Span<float> a, Span<float> b, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degreeOfParallelism) =>
        CholeskyCore<float>.SolveInPlace(a, b, n, nrhs, triangle, layout, degreeOfParallelism);

    /// <summary>Solves A·X = B into X as <see cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, Triangle, MatrixLayout)"/> does, factoring on up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read.</param>
    /// <param name="b">The n x nrhs right-hand sides, row-major.</param>
    /// <param name="x">Receives the n x nrhs solution, row-major; unchanged on failure.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="triangle">The triangle that holds A.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <param name="degreeOfParallelism">The most threads to share the factorization among (1 or more; see the remarks on <see cref="Cholesky"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degreeOfParallelism) =>
        CholeskyCore<double>.Solve(a, b, x, n, nrhs, triangle, layout, degreeOfParallelism);

    /// <inheritdoc cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, Triangle, MatrixLayout, int)"/>
    public static SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degreeOfParallelism) =>
        CholeskyCore<float>.Solve(a, b, x, n, nrhs, triangle, layout, degreeOfParallelism);

    /// <summary>
    /// Computes log det A = 2·Σ log L(i, i) of the symmetric positive definite A, leaving A as it was
    /// (the factor is made in a copy, as the keep-inputs <c>Solve</c> makes it).
    /// </summary>
    /// <param name="a">The n x n matrix; only <paramref name="triangle"/> is read.</param>
    /// <param name="logDeterminant">Receives the natural logarithm of det A (0 for n = 0); NaN on failure.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="triangle">The triangle that holds A.</param>
    /// <param name="layout">The storage order of <paramref name="a"/>.</param>
    /// <param name="degreeOfParallelism">The most threads to share the factorization among (1 or more; see the remarks on <see cref="Cholesky"/>).</param>
    /// <returns>Success, or the first pivot that is not positive or not finite.</returns>
    public static SolveResult LogDeterminant(ReadOnlySpan<double> a, out double logDeterminant, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor, int degreeOfParallelism = 1) =>
        CholeskyCore<double>.LogDeterminant(a, out logDeterminant, n, triangle, layout, degreeOfParallelism);

    /// <inheritdoc cref="LogDeterminant(ReadOnlySpan{double}, out double, int, Triangle, MatrixLayout, int)"/>
    public static SolveResult LogDeterminant(ReadOnlySpan<float> a, out float logDeterminant, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor, int degreeOfParallelism = 1) =>
        CholeskyCore<float>.LogDeterminant(a, out logDeterminant, n, triangle, layout, degreeOfParallelism);

    /// <summary>Returns log det A = 2·Σ log L(i, i) from the factor that <see cref="Factor(Span{double}, int, Triangle, MatrixLayout)"/> produced.</summary>
    /// <param name="factor">The factor, in the triangle and layout it was produced with; only its diagonal is read.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <param name="triangle">The triangle that holds the factor.</param>
    /// <param name="layout">The storage order of <paramref name="factor"/>.</param>
    /// <returns>The natural logarithm of det A (0 for n = 0), summed in double precision.</returns>
    public static double LogDeterminantFactored(ReadOnlySpan<double> factor, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<double>.LogDeterminantFactored(factor, n, triangle, layout);

    /// <inheritdoc cref="LogDeterminantFactored(ReadOnlySpan{double}, int, Triangle, MatrixLayout)"/>
    public static float LogDeterminantFactored(ReadOnlySpan<float> factor, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        CholeskyCore<float>.LogDeterminantFactored(factor, n, triangle, layout);
}
