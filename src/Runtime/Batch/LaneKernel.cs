using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// One pass of a batch with one system per lane of a <see cref="Vector256{T}"/>: the stored
/// triangles and right-hand sides are transposed into lane-interleaved scratch, factored as
/// A = L·D·Lᵀ (no square roots) and solved there, then each lane's x is written back.
/// </summary>
/// <remarks>
/// Systems are independent, so the pivots' divisions of different systems overlap instead of
/// waiting on each other. A lane whose pivot fails records its own result and keeps computing
/// garbage that is never written; its lane-mates are untouched by it.
/// </remarks>
internal static class LaneKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Past this order the lane scratch outgrows the L1 cache and one system at a time is faster.</summary>
    public const int MaxOrder = 32;

    /// <summary>Elements of scratch <see cref="SolveGroup"/> needs for order n: the packed triangle, the right-hand sides, the reciprocal pivots.</summary>
    public static int ScratchLength(int n) => (n * (n + 1) / 2 + 2 * n) * Vector256<T>.Count;

    /// <summary>
    /// Solves the live (1..width) systems from <paramref name="first"/> on. Lanes past the live
    /// ones repeat the last live system, so every load stays inside the spans; their results are dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SolveGroup(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<SolveResult> results, int first, int live, int n, bool rowWise, Span<T> scratch)
    {
        int width = Vector256<T>.Count;
        int triangle = n * (n + 1) / 2;
        Span<Vector256<T>> lanes = MemoryMarshal.Cast<T, Vector256<T>>(scratch.Slice(0, ScratchLength(n)));
        Span<Vector256<T>> tri = lanes.Slice(0, triangle);
        Span<Vector256<T>> rhs = lanes.Slice(triangle, n);
        Span<Vector256<T>> reciprocal = lanes.Slice(triangle + n, n);
        Gather(a, b, scratch, first, live, n, rowWise);

        uint liveMask = (1u << live) - 1;
        uint failed = 0;
        Vector256<T> infinity = Vector256.Create(T.PositiveInfinity);
        for (int k = 0; k < n; k++)
        {
            int rowK = k * (k + 1) / 2;
            Vector256<T> d = tri[rowK + k];
            uint valid = (Vector256.GreaterThan(d, Vector256<T>.Zero) & Vector256.LessThan(d, infinity)).ExtractMostSignificantBits();
            uint bad = ~valid & liveMask & ~failed;
            if (bad != 0)
            {
                MarkFailed(results.Slice(first), bad, k);
                failed |= bad;
                if (failed == liveMask)
                {
                    return;
                }
            }

            Vector256<T> r = Vector256<T>.One / d;
            reciprocal[k] = r;

            // Rows from the bottom up, so row j < i still holds the unscaled A(j, k) when row i needs it.
            for (int i = n - 1; i > k; i--)
            {
                int rowI = i * (i + 1) / 2;
                Vector256<T> l = tri[rowI + k] * r;
                for (int j = k + 1; j <= i; j++)
                {
                    tri[rowI + j] = FusedMultiplyAdd.Negated(l, tri[j * (j + 1) / 2 + k], tri[rowI + j]);
                }

                tri[rowI + k] = l;
                rhs[i] = FusedMultiplyAdd.Negated(l, rhs[k], rhs[i]);
            }
        }

        // D·Lᵀ·x = y, bottom up; rhs[i] becomes x(i).
        for (int i = n - 1; i >= 0; i--)
        {
            Vector256<T> v = rhs[i] * reciprocal[i];
            for (int j = i + 1; j < n; j++)
            {
                v = FusedMultiplyAdd.Negated(tri[j * (j + 1) / 2 + i], rhs[j], v);
            }

            rhs[i] = v;
        }

        ReadOnlySpan<T> solved = scratch.Slice(triangle * width, n * width);
        for (int s = 0; s < live; s++)
        {
            if ((failed & (1u << s)) != 0)
            {
                continue;
            }

            Span<T> xs = x.Slice((first + s) * n, n);
            for (int i = 0; i < n; i++)
            {
                xs[i] = solved[i * width + s];
            }

            results[first + s] = SolveResult.Succeeded;
        }
    }

    // Element (i, j) of lane s's stored triangle goes to scratch[(i(i+1)/2 + j)·width + s].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> scratch, int first, int live, int n, bool rowWise)
    {
        int width = Vector256<T>.Count;
        int size = n * n;
        int rhsStart = n * (n + 1) / 2 * width;
        for (int s = 0; s < width; s++)
        {
            int system = first + Math.Min(s, live - 1);
            ReadOnlySpan<T> matrix = a.Slice(system * size, size);
            int packed = s;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    scratch[packed] = matrix[rowWise ? i * n + j : j * n + i];
                    packed += width;
                }
            }

            ReadOnlySpan<T> rhs = b.Slice(system * n, n);
            for (int i = 0; i < n; i++)
            {
                scratch[rhsStart + i * width + s] = rhs[i];
            }
        }
    }

    private static void MarkFailed(Span<SolveResult> results, uint lanes, int pivot)
    {
        for (; lanes != 0; lanes &= lanes - 1)
        {
            results[BitOperations.TrailingZeroCount(lanes)] = SolveResult.Failed(pivot);
        }
    }
}
