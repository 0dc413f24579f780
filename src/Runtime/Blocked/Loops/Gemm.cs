using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// C −= A·Bᵀ (C m x n, A m x k, B n x k) over packed blocks, BLIS's loop nest around one
/// micro-kernel: column blocks of C (NC), rank-KC slices packed from B, row blocks packed from
/// A (MC), then NR x MR tiles. A mask limits the writes to one triangle of C (SYRK).
/// </summary>
internal static class Gemm<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    /// <summary>
    /// The update; <paramref name="diagonal"/> is the row index minus the column index, in the
    /// masked matrix, of C's element (0, 0) (non-zero when C is one worker's share of a larger C).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(MatrixRef<T> c, MatrixRef<T> a, MatrixRef<T> b, int m, int n, int k, TriangleMask mask, in PackBuffers<T> buffers, int diagonal = 0)
    {
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        // The micro-kernel writes rows of C: when C's columns are the contiguous direction, update
        // Cᵀ −= B·Aᵀ instead, which touches the same memory.
        if (c.ColumnStride != 1)
        {
            Update(c.Transposed, b, a, n, m, k, mask.Transposed(), buffers, -diagonal);
            return;
        }

        if (buffers.Workers > 1 && (long)m * n * k >= ParallelGemm<T, TKernel>.MinimumWork)
        {
            ParallelGemm<T, TKernel>.Update(c, a, b, m, n, k, mask, buffers);
            return;
        }

        int mr = TKernel.MR, nr = TKernel.NR;
        int kcMax = BlockSizes<T>.KC;
        int ncMax = buffers.B.Length / Math.Min(kcMax, k) / nr * nr;
        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                bool packed = false;
                for (int ic = 0; ic < m; ic += BlockSizes<T>.MC)
                {
                    int mc = Math.Min(BlockSizes<T>.MC, m - ic);
                    if (mask.Excludes(ic + diagonal, jc, mc, nc))
                    {
                        continue;
                    }

                    if (!packed)
                    {
                        Packing.Pack(b.Block(jc, pc), nc, kc, nr, buffers.B);
                        packed = true;
                    }

                    Packing.Pack(a.Block(ic, pc), mc, kc, mr, buffers.A);
                    Macro(c.Block(ic, jc), buffers.A, buffers.B, mc, nc, kc, ic - jc + diagonal, mask);
                }
            }
        }
    }

    // One packed MC x KC block of A against one packed KC x NC block of B. diagonal is the
    // block's row index minus its column index in the whole of C, for the mask.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Macro(MatrixRef<T> c, Span<T> packedA, Span<T> packedB, int mc, int nc, int kc, int diagonal, TriangleMask mask)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        Span<T> tile = stackalloc T[mr * nr];
        ref T pa = ref MemoryMarshal.GetReference(packedA);
        ref T pb = ref MemoryMarshal.GetReference(packedB);
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            ref T panelB = ref Unsafe.Add(ref pb, (nint)jr * kc);
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                int i0 = diagonal + ir;
                if (mask.Excludes(i0, jr, rows, cols))
                {
                    continue;
                }

                ref T panelA = ref Unsafe.Add(ref pa, (nint)ir * kc);
                if (rows == mr && cols == nr && mask.Covers(i0, jr, rows, cols))
                {
                    TKernel.MultiplySubtract(kc, ref panelA, ref panelB, ref c[ir, jr], c.RowStride);
                    continue;
                }

                // Edge or diagonal tile: compute the whole tile aside, then add what belongs to C, a
                // contiguous run of each row (Update made C's rows the contiguous direction).
                tile.Clear();
                TKernel.MultiplySubtract(kc, ref panelA, ref panelB, ref MemoryMarshal.GetReference(tile), nr);
                for (int r = 0; r < rows; r++)
                {
                    (int first, int end) = mask.KeptColumns(i0 + r - jr, cols);
                    if (first < end)
                    {
                        VectorOps.Axpy(T.One, tile.Slice(r * nr + first, end - first), MemoryMarshal.CreateSpan(ref c[ir + r, jr + first], end - first));
                    }
                }
            }
        }
    }
}
