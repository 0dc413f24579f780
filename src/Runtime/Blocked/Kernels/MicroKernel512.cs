using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// The AVX-512 micro-kernel: a 12 x (2·Vector512&lt;T&gt;.Count) tile (12 x 16 doubles or 32 floats) held in
/// twenty-four accumulators, two B loads and twelve broadcasts per rank-1 step — twenty-seven of the
/// thirty-two vector registers. Of the tiles that fill the registers (14 x 2, 8 x 3, 6 x 4 vectors),
/// 12 x 2 factored fastest in double and level in float, and twelve rows keep MC a multiple of every MR.
/// </summary>
internal readonly struct MicroKernel512<T> : IMicroKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public static int MR => 12;

    public static int NR => 2 * Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySubtract(nint kc, ref T a, ref T b, ref T from, nint ldFrom, ref T c, nint ldc)
    {
        // The tile's rows of C (and of the tile it starts from, when that is elsewhere) lie ldc apart, a
        // stride the hardware prefetcher does not follow, and are usually out of cache: they are asked
        // for PrefetchSteps rank-1 steps before the end, late enough that the streams of A and B do not
        // evict them first (earlier, at the start, measured 5% slower on the n = 3000 factorization's
        // largest update).
        nint prefetchAt = Math.Max(kc - PrefetchSteps, 0);
        Vector512<T> c00_0 = default, c00_1 = default;
        Vector512<T> c01_0 = default, c01_1 = default;
        Vector512<T> c02_0 = default, c02_1 = default;
        Vector512<T> c03_0 = default, c03_1 = default;
        Vector512<T> c04_0 = default, c04_1 = default;
        Vector512<T> c05_0 = default, c05_1 = default;
        Vector512<T> c06_0 = default, c06_1 = default;
        Vector512<T> c07_0 = default, c07_1 = default;
        Vector512<T> c08_0 = default, c08_1 = default;
        Vector512<T> c09_0 = default, c09_1 = default;
        Vector512<T> c10_0 = default, c10_1 = default;
        Vector512<T> c11_0 = default, c11_1 = default;
        nint width = Vector512<T>.Count;
        for (nint p = 0; p < kc; p++)
        {
            if (p == prefetchAt)
            {
                PrefetchRows(ref from, ldFrom, ref c, ldc);
            }

            Vector512<T> b0 = Vector512.LoadUnsafe(ref b);
            Vector512<T> b1 = Vector512.LoadUnsafe(ref b, (nuint)width);
            Vector512<T> ar;
            ar = Vector512.Create(a);
            c00_0 = FusedMultiplyAdd.Apply(ar, b0, c00_0);
            c00_1 = FusedMultiplyAdd.Apply(ar, b1, c00_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 1));
            c01_0 = FusedMultiplyAdd.Apply(ar, b0, c01_0);
            c01_1 = FusedMultiplyAdd.Apply(ar, b1, c01_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 2));
            c02_0 = FusedMultiplyAdd.Apply(ar, b0, c02_0);
            c02_1 = FusedMultiplyAdd.Apply(ar, b1, c02_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 3));
            c03_0 = FusedMultiplyAdd.Apply(ar, b0, c03_0);
            c03_1 = FusedMultiplyAdd.Apply(ar, b1, c03_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 4));
            c04_0 = FusedMultiplyAdd.Apply(ar, b0, c04_0);
            c04_1 = FusedMultiplyAdd.Apply(ar, b1, c04_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 5));
            c05_0 = FusedMultiplyAdd.Apply(ar, b0, c05_0);
            c05_1 = FusedMultiplyAdd.Apply(ar, b1, c05_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 6));
            c06_0 = FusedMultiplyAdd.Apply(ar, b0, c06_0);
            c06_1 = FusedMultiplyAdd.Apply(ar, b1, c06_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 7));
            c07_0 = FusedMultiplyAdd.Apply(ar, b0, c07_0);
            c07_1 = FusedMultiplyAdd.Apply(ar, b1, c07_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 8));
            c08_0 = FusedMultiplyAdd.Apply(ar, b0, c08_0);
            c08_1 = FusedMultiplyAdd.Apply(ar, b1, c08_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 9));
            c09_0 = FusedMultiplyAdd.Apply(ar, b0, c09_0);
            c09_1 = FusedMultiplyAdd.Apply(ar, b1, c09_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 10));
            c10_0 = FusedMultiplyAdd.Apply(ar, b0, c10_0);
            c10_1 = FusedMultiplyAdd.Apply(ar, b1, c10_1);
            ar = Vector512.Create(Unsafe.Add(ref a, 11));
            c11_0 = FusedMultiplyAdd.Apply(ar, b0, c11_0);
            c11_1 = FusedMultiplyAdd.Apply(ar, b1, c11_1);
            a = ref Unsafe.Add(ref a, 12);
            b = ref Unsafe.Add(ref b, 2 * width);
        }

        Subtract(ref Unsafe.Add(ref from, 0 * ldFrom), ref Unsafe.Add(ref c, 0 * ldc), c00_0, c00_1);
        Subtract(ref Unsafe.Add(ref from, 1 * ldFrom), ref Unsafe.Add(ref c, 1 * ldc), c01_0, c01_1);
        Subtract(ref Unsafe.Add(ref from, 2 * ldFrom), ref Unsafe.Add(ref c, 2 * ldc), c02_0, c02_1);
        Subtract(ref Unsafe.Add(ref from, 3 * ldFrom), ref Unsafe.Add(ref c, 3 * ldc), c03_0, c03_1);
        Subtract(ref Unsafe.Add(ref from, 4 * ldFrom), ref Unsafe.Add(ref c, 4 * ldc), c04_0, c04_1);
        Subtract(ref Unsafe.Add(ref from, 5 * ldFrom), ref Unsafe.Add(ref c, 5 * ldc), c05_0, c05_1);
        Subtract(ref Unsafe.Add(ref from, 6 * ldFrom), ref Unsafe.Add(ref c, 6 * ldc), c06_0, c06_1);
        Subtract(ref Unsafe.Add(ref from, 7 * ldFrom), ref Unsafe.Add(ref c, 7 * ldc), c07_0, c07_1);
        Subtract(ref Unsafe.Add(ref from, 8 * ldFrom), ref Unsafe.Add(ref c, 8 * ldc), c08_0, c08_1);
        Subtract(ref Unsafe.Add(ref from, 9 * ldFrom), ref Unsafe.Add(ref c, 9 * ldc), c09_0, c09_1);
        Subtract(ref Unsafe.Add(ref from, 10 * ldFrom), ref Unsafe.Add(ref c, 10 * ldc), c10_0, c10_1);
        Subtract(ref Unsafe.Add(ref from, 11 * ldFrom), ref Unsafe.Add(ref c, 11 * ldc), c11_0, c11_1);
    }

    /// <summary>
    /// <see cref="MultiplySubtract"/> on the first <paramref name="cols"/> ≤ Vector512&lt;T&gt;.Count
    /// columns of a full-height tile only (B's micro-panel still NR wide): half the multiply-adds, and C
    /// written through a lane mask instead of by a tile aside. The panel solve's 16-column updates are
    /// such tiles in float. Each element sees the operations of the full kernel, so the bits agree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MultiplySubtractNarrow(nint kc, ref T a, ref T b, ref T from, nint ldFrom, ref T c, nint ldc, int cols)
    {
        nint prefetchAt = Math.Max(kc - PrefetchSteps, 0);
        Vector512<T> c00 = default;
        Vector512<T> c01 = default;
        Vector512<T> c02 = default;
        Vector512<T> c03 = default;
        Vector512<T> c04 = default;
        Vector512<T> c05 = default;
        Vector512<T> c06 = default;
        Vector512<T> c07 = default;
        Vector512<T> c08 = default;
        Vector512<T> c09 = default;
        Vector512<T> c10 = default;
        Vector512<T> c11 = default;
        nint step = 2 * Vector512<T>.Count;
        for (nint p = 0; p < kc; p++)
        {
            if (p == prefetchAt)
            {
                PrefetchRows(ref from, ldFrom, ref c, ldc);
            }

            Vector512<T> b0 = Vector512.LoadUnsafe(ref b);
            c00 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 0)), b0, c00);
            c01 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 1)), b0, c01);
            c02 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 2)), b0, c02);
            c03 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 3)), b0, c03);
            c04 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 4)), b0, c04);
            c05 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 5)), b0, c05);
            c06 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 6)), b0, c06);
            c07 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 7)), b0, c07);
            c08 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 8)), b0, c08);
            c09 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 9)), b0, c09);
            c10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 10)), b0, c10);
            c11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref a, 11)), b0, c11);
            a = ref Unsafe.Add(ref a, 12);
            b = ref Unsafe.Add(ref b, step);
        }

        fixed (T* pf = &from, pc = &c)
        {
            SubtractMasked(pf + (0 * ldFrom), pc + (0 * ldc), cols, c00);
            SubtractMasked(pf + (1 * ldFrom), pc + (1 * ldc), cols, c01);
            SubtractMasked(pf + (2 * ldFrom), pc + (2 * ldc), cols, c02);
            SubtractMasked(pf + (3 * ldFrom), pc + (3 * ldc), cols, c03);
            SubtractMasked(pf + (4 * ldFrom), pc + (4 * ldc), cols, c04);
            SubtractMasked(pf + (5 * ldFrom), pc + (5 * ldc), cols, c05);
            SubtractMasked(pf + (6 * ldFrom), pc + (6 * ldc), cols, c06);
            SubtractMasked(pf + (7 * ldFrom), pc + (7 * ldc), cols, c07);
            SubtractMasked(pf + (8 * ldFrom), pc + (8 * ldc), cols, c08);
            SubtractMasked(pf + (9 * ldFrom), pc + (9 * ldc), cols, c09);
            SubtractMasked(pf + (10 * ldFrom), pc + (10 * ldc), cols, c10);
            SubtractMasked(pf + (11 * ldFrom), pc + (11 * ldc), cols, c11);
        }
    }

    private const int PrefetchSteps = 32;

    // The rows of the tile read and, when it is elsewhere, of the tile written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchRows(ref T from, nint ldFrom, ref T c, nint ldc)
    {
        PrefetchRows(ref from, ldFrom);
        if (!Unsafe.AreSame(ref from, ref c))
        {
            PrefetchRows(ref c, ldc);
        }
    }

    // Brings the 128 bytes of each of the tile's 12 rows (3 lines when a row is not line-aligned) to L1.
    // A prefetch never faults, so an address the collector has since moved costs nothing but the miss.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRows(ref T c, nint ldc)
    {
        if (Sse.IsSupported)
        {
            byte* row = (byte*)Unsafe.AsPointer(ref c);
            nint rowBytes = ldc * sizeof(T);
            for (int r = 0; r < 12; r++, row += rowBytes)
            {
                Sse.Prefetch0(row);
                Sse.Prefetch0(row + 64);
                Sse.Prefetch0(row + 127);
            }
        }
    }

    // row[lane] = from[lane] − v[lane] for the lanes below count; the others are neither read nor written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void SubtractMasked(T* from, T* row, int count, Vector512<T> v) =>
        LaneMask512.Store(row, count, LaneMask512.Load(from, count) - v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(ref T from, ref T row, Vector512<T> v0, Vector512<T> v1)
    {
        nuint width = (nuint)Vector512<T>.Count;
        (Vector512.LoadUnsafe(ref from) - v0).StoreUnsafe(ref row);
        (Vector512.LoadUnsafe(ref from, width) - v1).StoreUnsafe(ref row, width);
    }
}
