using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    public static void Update(MatrixRef<T> c, MatrixRef<T> a, MatrixRef<T> b, int m, int n, int k, TriangleMask mask, in PackBuffers<T> buffers, int diagonal = 0) =>
        UpdateFrom(c, c, a, b, m, n, k, mask, buffers, diagonal);

    /// <summary>
    /// C = F − A·Bᵀ where F is <paramref name="from"/>, the caller's matrix C is the runtime's copy of,
    /// read instead of C in the first rank-KC slice (C's own contents are never read then), or C
    /// itself. Each element the mask keeps is written; k must be at least 1 when F is not C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateFrom(MatrixRef<T> c, MatrixRef<T> from, MatrixRef<T> a, MatrixRef<T> b, int m, int n, int k, TriangleMask mask, in PackBuffers<T> buffers, int diagonal = 0)
    {
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        // The micro-kernel writes rows of C: when C's columns are the contiguous direction, update
        // Cᵀ −= B·Aᵀ instead, which touches the same memory.
        if (c.ColumnStride != 1)
        {
            UpdateFrom(c.Transposed, from.Transposed, b, a, n, m, k, mask.Transposed(), buffers, -diagonal);
            return;
        }

        if (buffers.Workers > 1 && (long)m * n * k >= ParallelGemm<T, TKernel>.MinimumWork)
        {
            ParallelGemm<T, TKernel>.Update(c, from, a, b, m, n, k, mask, buffers);
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
                    Macro(c.Block(ic, jc), (pc == 0 ? from : c).Block(ic, jc), buffers.A, buffers.B, mc, nc, kc, ic - jc + diagonal, mask);
                }
            }
        }
    }

    /// <summary>
    /// One packed MC x KC block of A against one packed KC x NC block of B: C = F − A·Bᵀ, F at
    /// <paramref name="from"/> (C itself, or the block C is a copy of). <paramref name="diagonal"/>
    /// is the block's row index minus its column index in the whole of C, for the mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Macro(MatrixRef<T> c, MatrixRef<T> from, Span<T> packedA, Span<T> packedB, int mc, int nc, int kc, int diagonal, TriangleMask mask)
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
                    TKernel.MultiplySubtract(kc, ref panelA, ref panelB, ref from[ir, jr], from.RowStride, ref c[ir, jr], c.RowStride);
                    continue;
                }

                if (typeof(TKernel) == typeof(MicroKernel512<T>) && Avx512F.IsSupported && rows == mr && cols <= Vector512<T>.Count && mask.Covers(i0, jr, rows, cols))
                {
                    MicroKernel512<T>.MultiplySubtractNarrow(kc, ref panelA, ref panelB, ref from[ir, jr], from.RowStride, ref c[ir, jr], c.RowStride, cols);
                    continue;
                }

                // Edge or diagonal tile: compute the whole tile aside, then add what belongs to C, a
                // contiguous run of each row (Update made C's rows the contiguous direction).
                tile.Clear();
                ref T aside = ref MemoryMarshal.GetReference(tile);
                TKernel.MultiplySubtract(kc, ref panelA, ref panelB, ref aside, nr, ref aside, nr);
                for (int r = 0; r < rows; r++)
                {
                    (int first, int end) = mask.KeptColumns(i0 + r - jr, cols);
                    if (first < end)
                    {
                        AddRun(ref tile[r * nr + first], ref from[ir + r, jr + first], ref c[ir + r, jr + first], end - first);
                    }
                }
            }
        }
    }

    // c[0, count) = f[0, count) + t[0, count): with AVX-512, a masked vector per 8 doubles or 16
    // floats (the generic loop's scalar tail cost more than the tile's kernel call at the tile widths
    // of float). The same single rounding f + t as the generic loop, so the bits do not change.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddRun(ref T t, ref T f, ref T c, int count)
    {
        if (Avx512F.IsSupported && (typeof(T) == typeof(double) || typeof(T) == typeof(float)))
        {
            fixed (T* pt = &t, pf = &f, pc = &c)
            {
                int width = Vector512<T>.Count;
                for (int q = 0; q < count; q += width)
                {
                    int lanes = Math.Min(width, count - q);
                    LaneMask512.Store(pc + q, lanes, LaneMask512.Load(pf + q, lanes) + LaneMask512.Load(pt + q, lanes));
                }
            }

            return;
        }

        Span<T> run = MemoryMarshal.CreateSpan(ref c, count);
        if (!Unsafe.AreSame(ref f, ref c))
        {
            MemoryMarshal.CreateReadOnlySpan(ref f, count).CopyTo(run);
        }

        VectorOps.Axpy(T.One, MemoryMarshal.CreateReadOnlySpan(ref t, count), run);
    }
}
