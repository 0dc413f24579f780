using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// B := B·L⁻ᵀ for an m x w panel B and a w x w lower-triangular L: the panel step of the blocked
/// factorization (LAPACK's dtrsm, right side, lower, transposed). Recursive on w, so all but
/// SolveBase-wide strips of the work are GEMM updates on the micro-kernel.
/// </summary>
internal static class PanelSolve<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    /// <summary>The solve in place.</summary>
    public static void Run(MatrixRef<T> l, MatrixRef<T> b, int m, int w, in PackBuffers<T> buffers) => Run(l, b, b, m, w, buffers);

    /// <summary>
    /// The solve with B's elements read first from <paramref name="from"/>: B itself, or the caller's
    /// matrix B is the runtime's copy of. Each block is then copied where the recursion first touches
    /// it: the leftmost strip before its substitution; every other column's first update reads it
    /// from there.
    /// </summary>
    public static void Run(MatrixRef<T> l, MatrixRef<T> b, MatrixRef<T> from, int m, int w, in PackBuffers<T> buffers)
    {
        if (buffers.Workers > 1 && (long)m * w * w >= ParallelGemm<T, TKernel>.MinimumWork)
        {
            ParallelPanelSolve<T, TKernel>.Run(l, b, from, m, w, buffers);
            return;
        }

        if (w <= BlockSizes<T>.SolveBase)
        {
            BlockCopy<T>.Rectangle(b, from, m, w);
            Substitute(l, b, m, w, buffers.Panel);
            return;
        }

        int w1 = BlockSizes<T>.Split(w);
        Run(l, b, from, m, w1, buffers);
        MatrixRef<T> right = b.Block(0, w1);
        Gemm<T, TKernel>.UpdateFrom(right, from.Block(0, w1), b, l.Block(w1, 0), m, w - w1, w1, TriangleMask.Full, buffers);
        Run(l.Block(w1, w1), right, right, m, w - w1, buffers);
    }

    // Row i of B solves L·xᵢᵀ = bᵢᵀ. Full 16-column strips go to PanelSubstitute512 a vector of rows at a
    // time where AVX-512 is there, the last rows through one zero-padded group (column by column, a few
    // rows cost a call per element pair). Other strips run down the columns of B, each a contiguous
    // vector, as scale and multiply-subtract over many rows at once: in place when B's columns are
    // contiguous, else on chunks of rows transposed into the scratch and back.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Substitute(MatrixRef<T> l, MatrixRef<T> b, int m, int w, Span<T> scratch)
    {
        if (w == PanelSubstitute512<T>.Width && PanelSubstitute512<T>.IsSupported)
        {
            int whole = m / PanelSubstitute512<T>.Group;
            if (b.RowStride == 1)
            {
                PanelSubstitute512<T>.RunColumns(ref l[0, 0], l.RowStride, l.ColumnStride, ref b[0, 0], b.ColumnStride, whole);
            }
            else
            {
                PanelSubstitute512<T>.Run(ref l[0, 0], l.RowStride, l.ColumnStride, ref b[0, 0], b.RowStride, whole);
            }

            int done = whole * PanelSubstitute512<T>.Group;
            if (done < m)
            {
                PanelSubstitute512<T>.RunPartial(ref l[0, 0], l.RowStride, l.ColumnStride, ref b[done, 0], b.RowStride, b.ColumnStride, m - done);
            }

            return;
        }

        if (b.RowStride == 1)
        {
            for (int i0 = 0; i0 < m; i0 += BlockSizes<T>.SolveChunk)
            {
                int rows = Math.Min(BlockSizes<T>.SolveChunk, m - i0);
                SubstituteColumns(l, MemoryMarshal.CreateSpan(ref b[i0, 0], (int)((w - 1) * b.ColumnStride) + rows), (int)b.ColumnStride, rows, w);
            }

            return;
        }

        // Otherwise B's rows are the contiguous direction (row-wise factor storage).
        for (int i0 = 0; i0 < m; i0 += BlockSizes<T>.SolveChunk)
        {
            int rows = Math.Min(BlockSizes<T>.SolveChunk, m - i0);
            ref T chunk = ref b[i0, 0];
            ref T columns = ref MemoryMarshal.GetReference(scratch);
            Transpose.Run(ref chunk, b.RowStride, rows, w, ref columns, rows);
            SubstituteColumns(l, scratch, rows, rows, w);
            Transpose.Run(ref columns, rows, w, rows, ref chunk, b.RowStride);
        }
    }

    // Column j of the rows x w block starts at columns[j·stride]; forward substitution by columns.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SubstituteColumns(MatrixRef<T> l, Span<T> columns, int stride, int rows, int w)
    {
        for (int j = 0; j < w; j++)
        {
            Span<T> xj = columns.Slice(j * stride, rows);
            VectorOps.Scale(T.One / l[j, j], xj);
            for (int c = j + 1; c < w; c++)
            {
                SubtractMultiple(l[c, j], xj, columns.Slice(c * stride, rows));
            }
        }
    }

    // y −= a·x, in one rounding where the hardware fuses (the rounding PanelSubstitute512 gives the rows
    // it solves, so each row's bits do not depend on which code, or which thread, solved it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SubtractMultiple(T a, ReadOnlySpan<T> x, Span<T> y)
    {
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y.Slice(0, x.Length));
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<T> na = Vector512.Create(-a);
            for (; i + Vector512<T>.Count <= x.Length; i += Vector512<T>.Count)
            {
                FusedMultiplyAdd.Apply(na, Vector512.LoadUnsafe(ref rx, (nuint)i), Vector512.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<T> va = Vector256.Create(a);
            for (; i + Vector256<T>.Count <= x.Length; i += Vector256<T>.Count)
            {
                FusedMultiplyAdd.Negated(va, Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }
        else if (Vector128.IsHardwareAccelerated && !Fma.IsSupported)
        {
            // Unfused like the scalar loop below; with FMA but no 256-bit vectors the scalar loop fuses alone.
            Vector128<T> va = Vector128.Create(a);
            for (; i + Vector128<T>.Count <= x.Length; i += Vector128<T>.Count)
            {
                (Vector128.LoadUnsafe(ref ry, (nuint)i) - va * Vector128.LoadUnsafe(ref rx, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            T xi = Unsafe.Add(ref rx, i);
            ref T yi = ref Unsafe.Add(ref ry, i);
            yi = Fma.IsSupported ? T.FusedMultiplyAdd(-a, xi, yi) : yi - a * xi;
        }
    }
}
