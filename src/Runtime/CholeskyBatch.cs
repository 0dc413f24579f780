using System;

namespace Specialized;

public static partial class Cholesky
{
    /// <summary>
    /// Solves a batch of independent systems of one size, A_k·x_k = b_k for k = 0..count−1 with
    /// count = <c>results.Length</c>, leaving a and b unchanged.
    /// </summary>
    /// <remarks>
    /// <para>Matrix k is the n x n block at <c>a[k·n·n ..]</c>; b_k and x_k are the n elements at
    /// <c>[k·n ..]</c>. With 256-bit vectors accelerated and n ≤ <see cref="BatchLaneMaxN"/>, each pass
    /// puts one system in each vector lane (4 doubles or 8 floats), so the pivots' divisions of
    /// different systems overlap; otherwise the systems are solved one after another.</para>
    /// <para>A system that is not positive definite gets its own failed result and keeps its x unchanged;
    /// the others are unaffected. Nothing is allocated: the lane scratch lives on the stack.</para>
    /// <para>x may be b itself; other overlaps between x and a or b give undefined values (never an
    /// access outside the spans).</para>
    /// </remarks>
    /// <param name="a">count matrices, n x n each, one after another.</param>
    /// <param name="b">count right-hand sides of n elements each.</param>
    /// <param name="x">Receives count solutions of n elements each.</param>
    /// <param name="results">One result per system; its length is the batch's count.</param>
    /// <param name="n">The order of every matrix.</param>
    /// <param name="triangle">The triangle of each matrix that holds A.</param>
    /// <param name="layout">The storage order of each matrix.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is negative, or an enum value is unknown.</exception>
    /// <exception cref="ArgumentException">A span is shorter than count systems need.</exception>
    public static void SolveBatch(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        BatchCore<double>.Solve(a, b, x, results, n, triangle, layout);

    /// <inheritdoc cref="SolveBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{SolveResult}, int, Triangle, MatrixLayout)"/>
    public static void SolveBatch(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n, Triangle triangle = Triangle.Lower, MatrixLayout layout = MatrixLayout.RowMajor) =>
        BatchCore<float>.Solve(a, b, x, results, n, triangle, layout);

    /// <summary>The largest n that <see cref="SolveBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{SolveResult}, int, Triangle, MatrixLayout)"/> solves lane-parallel.</summary>
    public const int BatchLaneMaxN = LaneKernel<double>.MaxOrder;
}
