using System;

namespace Specialized;

/// <summary>
/// Least-squares fits through the normal equations for any column count: the runtime fallback that
/// <c>[LeastSquares]</c> methods call above their <c>MaxCols</c>, usable directly too.
/// </summary>
/// <remarks>
/// <para>A is rows x cols, row-major (element (i, j) at i·cols + j) or column-major (at j·rows + i);
/// b has rows elements and x receives cols. The fit forms AᵀWA + ridge·I and AᵀWb in one pass over A
/// (blocked, a chunk of rows at a time) and solves with the Cholesky factorization.</para>
/// <para>Normal equations square the condition number: with κ(A) = 10^k, expect about 2k digits
/// lost in x (k with <c>refine</c> as long as κ(A)² stays below 1/ε). <c>refine</c> reads A a second
/// time to compute r = b − A·x directly and adds the solution of (AᵀWA + ridge·I)·dx = AᵀW·r − ridge·x.</para>
/// <para>Bad shapes (negative sizes, rows &lt; cols, short spans, a negative or non-finite ridge) throw
/// before any element is read. A Gram matrix that is not positive definite (A rank-deficient, a NaN,
/// negative weights) returns a failed <see cref="SolveResult"/> at the pivot where the factorization
/// stopped and leaves x unchanged. Scratch (cols² + a chunk of rows x cols) comes from the stack up to
/// <see cref="Cholesky.StackScratchBytes"/>, beyond that from <see cref="System.Buffers.ArrayPool{T}.Shared"/>.</para>
/// </remarks>
public static partial class LeastSquares
{
    /// <summary>Finds x minimizing ‖A·x − b‖₂² + ridge·‖x‖₂².</summary>
    /// <param name="a">The rows x cols matrix A in <paramref name="layout"/>.</param>
    /// <param name="b">The rows observations.</param>
    /// <param name="x">Receives the cols coefficients; unchanged on failure.</param>
    /// <param name="rows">The number of rows of A, at least <paramref name="cols"/>.</param>
    /// <param name="cols">The number of columns of A.</param>
    /// <param name="ridge">The Tikhonov term, finite and ≥ 0.</param>
    /// <param name="layout">The storage order of A.</param>
    /// <param name="refine">Whether to add one step of refinement with the residual computed from A.</param>
    /// <returns>Success, or the first pivot of AᵀA + ridge·I that is not positive or not finite.</returns>
    public static SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols, double ridge = 0, MatrixLayout layout = MatrixLayout.RowMajor, bool refine = false)
    {
        FitShape.Check(a.Length, b.Length, -1, x.Length, rows, cols, ridge, layout);
        return FitCore<double>.Fit(a, b, default, false, x, rows, cols, ridge, layout, refine);
    }

    /// <inheritdoc cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, double, MatrixLayout, bool)"/>
    public static SolveResult Fit(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols, float ridge = 0, MatrixLayout layout = MatrixLayout.RowMajor, bool refine = false)
    {
        FitShape.Check(a.Length, b.Length, -1, x.Length, rows, cols, ridge, layout);
        return FitCore<float>.Fit(a, b, default, false, x, rows, cols, ridge, layout, refine);
    }

    /// <summary>Finds x minimizing Σᵢ wᵢ·(Aᵢ·x − bᵢ)² + ridge·‖x‖₂².</summary>
    /// <param name="a">The rows x cols matrix A in <paramref name="layout"/>.</param>
    /// <param name="b">The rows observations.</param>
    /// <param name="w">The rows weights; a negative or non-finite weight usually makes the fit fail.</param>
    /// <param name="x">Receives the cols coefficients; unchanged on failure.</param>
    /// <param name="rows">The number of rows of A, at least <paramref name="cols"/>.</param>
    /// <param name="cols">The number of columns of A.</param>
    /// <param name="ridge">The Tikhonov term, finite and ≥ 0.</param>
    /// <param name="layout">The storage order of A.</param>
    /// <param name="refine">Whether to add one step of refinement with the residual computed from A.</param>
    /// <returns>Success, or the first pivot of AᵀWA + ridge·I that is not positive or not finite.</returns>
    public static SolveResult FitWeighted(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols, double ridge = 0, MatrixLayout layout = MatrixLayout.RowMajor, bool refine = false)
    {
        FitShape.Check(a.Length, b.Length, w.Length, x.Length, rows, cols, ridge, layout);
        return FitCore<double>.Fit(a, b, w, true, x, rows, cols, ridge, layout, refine);
    }

    /// <inheritdoc cref="FitWeighted(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, double, MatrixLayout, bool)"/>
    public static SolveResult FitWeighted(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> w, Span<float> x, int rows, int cols, float ridge = 0, MatrixLayout layout = MatrixLayout.RowMajor, bool refine = false)
    {
        FitShape.Check(a.Length, b.Length, w.Length, x.Length, rows, cols, ridge, layout);
        return FitCore<float>.Fit(a, b, w, true, x, rows, cols, ridge, layout, refine);
    }
}
