using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// L·Lᵀ·x = b for one right-hand side, in place, blocked by <see cref="RowBlockOps.Rows"/>: each
/// block's coupling to the part of x already solved is one <see cref="RowBlockOps"/> pass (eight
/// dot products, or x minus eight scaled rows), and only the block's own small triangle runs
/// element by element. Row by row, every dot or axpy waited on its own sum and re-read the element
/// the row before had just stored.
/// </summary>
/// <remarks>
/// In each triangle the element solved last is subtracted last, so the rest of the row's sum does
/// not wait for it, and the pivot is applied as a reciprocal, which does not depend on x and so
/// leaves the chain from one element to the next a multiply and a subtraction, not a division.
/// </remarks>
internal static class VectorSubstitution<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Block = RowBlockOps.Rows;

    /// <summary>
    /// Row-wise, L(i, j) sits at i·n + j; column-wise, buffer row j holds column j of L, L(i, j) at
    /// j·n + i. Callers have checked that l holds n·n elements and x at least n.
    /// </summary>
    public static void Solve(ReadOnlySpan<T> l, Span<T> x, int n, bool rowWise) => Solve(l, x, n, n, rowWise);

    /// <summary>As <see cref="Solve(ReadOnlySpan{T}, Span{T}, int, bool)"/> with buffer rows <paramref name="n"/> ≤ <paramref name="ld"/> apart.</summary>
    public static void Solve(ReadOnlySpan<T> l, Span<T> x, int n, int ld, bool rowWise)
    {
        l = l.Slice(0, n == 0 ? 0 : (n - 1) * ld + n);
        x = x.Slice(0, n);
        Span<T> sums = stackalloc T[Block];
        if (rowWise)
        {
            ForwardByRows(l, x, n, ld, sums);
            BackwardByRows(l, x, n, ld);
        }
        else
        {
            ForwardByColumns(l, x, n, ld);
            BackwardByColumns(l, x, n, ld, sums);
        }
    }

    // L·y = b with rows of L: block [p, end)'s rows against y[0, p), then its triangle.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardByRows(ReadOnlySpan<T> l, Span<T> x, int n, int ld, Span<T> sums)
    {
        for (int p = 0; p < n; p += Block)
        {
            int end = Math.Min(n, p + Block);
            Couple(l.Slice(p * ld), ld, end - p, x.Slice(0, p), sums);
            for (int i = p; i < end; i++)
            {
                T value = x[i] - sums[i - p];
                for (int k = p; k < i; k++)
                {
                    value -= l[i * ld + k] * x[k];
                }

                x[i] = value * (T.One / l[i * ld + i]);
            }
        }
    }

    // Lᵀ·x = y with rows of L, from the bottom: block [p, end)'s triangle (rows below it have been
    // taken out of x already), then x[0, p) minus the block's rows times its solution.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardByRows(ReadOnlySpan<T> l, Span<T> x, int n, int ld)
    {
        for (int end = n; end > 0; end -= Block)
        {
            int p = Math.Max(0, end - Block);
            for (int k = end - 1; k >= p; k--)
            {
                T value = x[k];
                for (int j = end - 1; j > k; j--)
                {
                    value -= l[j * ld + k] * x[j];
                }

                x[k] = value * (T.One / l[k * ld + k]);
            }

            Uncouple(l.Slice(p * ld), ld, x.Slice(p, end - p), x.Slice(0, p));
        }
    }

    // L·y = b with columns of L (buffer rows): block [p, end)'s triangle, then y[end, n) minus the
    // block's columns below it times its solution.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardByColumns(ReadOnlySpan<T> l, Span<T> x, int n, int ld)
    {
        for (int p = 0; p < n; p += Block)
        {
            int end = Math.Min(n, p + Block);
            for (int k = p; k < end; k++)
            {
                T value = x[k];
                for (int j = p; j < k; j++)
                {
                    value -= l[j * ld + k] * x[j];
                }

                x[k] = value * (T.One / l[k * ld + k]);
            }

            Uncouple(l.Slice(p * ld + end), ld, x.Slice(p, end - p), x.Slice(end));
        }
    }

    // Lᵀ·x = y with columns of L, from the bottom: block [p, end)'s columns below it against
    // x[end, n), then its triangle.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardByColumns(ReadOnlySpan<T> l, Span<T> x, int n, int ld, Span<T> sums)
    {
        for (int end = n; end > 0; end -= Block)
        {
            int p = Math.Max(0, end - Block);
            Couple(l.Slice(p * ld + end), ld, end - p, x.Slice(end), sums);
            for (int i = end - 1; i >= p; i--)
            {
                T value = x[i] - sums[i - p];
                for (int j = end - 1; j > i; j--)
                {
                    value -= l[i * ld + j] * x[j];
                }

                x[i] = value * (T.One / l[i * ld + i]);
            }
        }
    }

    // sums[r] = row r · solved for the block's `count` rows (stride apart from the start of rows).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Couple(ReadOnlySpan<T> rows, int stride, int count, ReadOnlySpan<T> solved, Span<T> sums)
    {
        if (count == Block)
        {
            RowBlockOps.Dot(rows, stride, solved, sums);
            return;
        }

        for (int r = 0; r < count; r++)
        {
            sums[r] = VectorOps.Dot(solved, rows.Slice(r * stride, solved.Length));
        }
    }

    // target −= Σ c[r]·row r, over the block's c.Length rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Uncouple(ReadOnlySpan<T> rows, int stride, ReadOnlySpan<T> c, Span<T> target)
    {
        if (c.Length == Block)
        {
            RowBlockOps.Subtract(rows, stride, c, target);
            return;
        }

        for (int r = 0; r < c.Length; r++)
        {
            VectorOps.Axpy(-c[r], rows.Slice(r * stride, target.Length), target);
        }
    }
}
