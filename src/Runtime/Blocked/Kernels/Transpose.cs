using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// Strided out-of-place transposes for packing and the panel solve: register transposes of 8 x 8
/// doubles (AVX-512) and 4 x 4 doubles, or 8 x 8 and 4 x 4 floats, where AVX is available; element by
/// element for the edges.
/// </summary>
internal static class Transpose
{
    /// <summary>
    /// destination[c·<paramref name="destinationStride"/> + r] = source[r·<paramref name="sourceStride"/> + c]
    /// for r &lt; rows, c &lt; cols. The caller has checked both extents.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T>(ref T source, nint sourceStride, int rows, int cols, ref T destination, nint destinationStride)
        where T : unmanaged
    {
        int r = 0;
        if (Avx.IsSupported && typeof(T) == typeof(double))
        {
            if (Avx512F.IsSupported)
            {
                for (; r + 8 <= rows; r += 8)
                {
                    int c = 0;
                    for (; c + 8 <= cols; c += 8)
                    {
                        Block8(
                            ref Unsafe.As<T, double>(ref Unsafe.Add(ref source, r * sourceStride + c)), sourceStride,
                            ref Unsafe.As<T, double>(ref Unsafe.Add(ref destination, c * destinationStride + r)), destinationStride);
                    }

                    Scalar(ref Unsafe.Add(ref source, r * sourceStride), sourceStride, 8, c, cols, ref Unsafe.Add(ref destination, r), destinationStride);
                }
            }

            for (; r + 4 <= rows; r += 4)
            {
                int c = 0;
                for (; c + 4 <= cols; c += 4)
                {
                    Block4(
                        ref Unsafe.As<T, double>(ref Unsafe.Add(ref source, r * sourceStride + c)), sourceStride,
                        ref Unsafe.As<T, double>(ref Unsafe.Add(ref destination, c * destinationStride + r)), destinationStride);
                }

                Scalar(ref Unsafe.Add(ref source, r * sourceStride), sourceStride, 4, c, cols, ref Unsafe.Add(ref destination, r), destinationStride);
            }
        }
        else if (Avx.IsSupported && typeof(T) == typeof(float))
        {
            for (; r + 8 <= rows; r += 8)
            {
                int c = 0;
                for (; c + 8 <= cols; c += 8)
                {
                    Block8(
                        ref Unsafe.As<T, float>(ref Unsafe.Add(ref source, r * sourceStride + c)), sourceStride,
                        ref Unsafe.As<T, float>(ref Unsafe.Add(ref destination, c * destinationStride + r)), destinationStride);
                }

                Scalar(ref Unsafe.Add(ref source, r * sourceStride), sourceStride, 8, c, cols, ref Unsafe.Add(ref destination, r), destinationStride);
            }

            // A 12-row micro-panel leaves four rows: 4 x 4 transposes rather than element by element.
            if (r + 4 <= rows)
            {
                int c = 0;
                for (; c + 4 <= cols; c += 4)
                {
                    Block4(
                        ref Unsafe.As<T, float>(ref Unsafe.Add(ref source, r * sourceStride + c)), sourceStride,
                        ref Unsafe.As<T, float>(ref Unsafe.Add(ref destination, c * destinationStride + r)), destinationStride);
                }

                Scalar(ref Unsafe.Add(ref source, r * sourceStride), sourceStride, 4, c, cols, ref Unsafe.Add(ref destination, r), destinationStride);
                r += 4;
            }
        }

        Scalar(ref Unsafe.Add(ref source, r * sourceStride), sourceStride, rows - r, 0, cols, ref Unsafe.Add(ref destination, r), destinationStride);
    }

    // Columns [c0, c1) of a rows-high strip.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scalar<T>(ref T source, nint sourceStride, int rows, int c0, int c1, ref T destination, nint destinationStride)
    {
        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref source, r * sourceStride);
            for (int c = c0; c < c1; c++)
            {
                Unsafe.Add(ref destination, c * destinationStride + r) = Unsafe.Add(ref row, c);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4(ref double source, nint sourceStride, ref double destination, nint destinationStride)
    {
        Vector256<double> v0 = Vector256.LoadUnsafe(ref source);
        Vector256<double> v1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref source, sourceStride));
        Vector256<double> v2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref source, 2 * sourceStride));
        Vector256<double> v3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref source, 3 * sourceStride));
        Vector256<double> t0 = Avx.UnpackLow(v0, v1), t1 = Avx.UnpackHigh(v0, v1);
        Vector256<double> t2 = Avx.UnpackLow(v2, v3), t3 = Avx.UnpackHigh(v2, v3);
        Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref Unsafe.Add(ref destination, destinationStride));
        Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 2 * destinationStride));
        Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 3 * destinationStride));
    }

    // 8 x 8 doubles: pairs of rows interleaved within 128-bit lanes, then lanes gathered twice.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(ref double source, nint sourceStride, ref double destination, nint destinationStride)
    {
        Vector512<double> r0 = Vector512.LoadUnsafe(ref source);
        Vector512<double> r1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, sourceStride));
        Vector512<double> r2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 2 * sourceStride));
        Vector512<double> r3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 3 * sourceStride));
        Vector512<double> r4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 4 * sourceStride));
        Vector512<double> r5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 5 * sourceStride));
        Vector512<double> r6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 6 * sourceStride));
        Vector512<double> r7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 7 * sourceStride));
        Vector512<double> t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1);
        Vector512<double> t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);
        Vector512<double> t4 = Avx512F.UnpackLow(r4, r5), t5 = Avx512F.UnpackHigh(r4, r5);
        Vector512<double> t6 = Avx512F.UnpackLow(r6, r7), t7 = Avx512F.UnpackHigh(r6, r7);

        // u0 holds columns 0 and 4 of rows 0-3, u4 the same of rows 4-7; u2/u6 columns 1 and 5, and so on.
        Vector512<double> u0 = Avx512F.Shuffle4x128(t0, t2, 0x88), u1 = Avx512F.Shuffle4x128(t0, t2, 0xDD);
        Vector512<double> u2 = Avx512F.Shuffle4x128(t1, t3, 0x88), u3 = Avx512F.Shuffle4x128(t1, t3, 0xDD);
        Vector512<double> u4 = Avx512F.Shuffle4x128(t4, t6, 0x88), u5 = Avx512F.Shuffle4x128(t4, t6, 0xDD);
        Vector512<double> u6 = Avx512F.Shuffle4x128(t5, t7, 0x88), u7 = Avx512F.Shuffle4x128(t5, t7, 0xDD);
        Avx512F.Shuffle4x128(u0, u4, 0x88).StoreUnsafe(ref destination);
        Avx512F.Shuffle4x128(u2, u6, 0x88).StoreUnsafe(ref Unsafe.Add(ref destination, destinationStride));
        Avx512F.Shuffle4x128(u1, u5, 0x88).StoreUnsafe(ref Unsafe.Add(ref destination, 2 * destinationStride));
        Avx512F.Shuffle4x128(u3, u7, 0x88).StoreUnsafe(ref Unsafe.Add(ref destination, 3 * destinationStride));
        Avx512F.Shuffle4x128(u0, u4, 0xDD).StoreUnsafe(ref Unsafe.Add(ref destination, 4 * destinationStride));
        Avx512F.Shuffle4x128(u2, u6, 0xDD).StoreUnsafe(ref Unsafe.Add(ref destination, 5 * destinationStride));
        Avx512F.Shuffle4x128(u1, u5, 0xDD).StoreUnsafe(ref Unsafe.Add(ref destination, 6 * destinationStride));
        Avx512F.Shuffle4x128(u3, u7, 0xDD).StoreUnsafe(ref Unsafe.Add(ref destination, 7 * destinationStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4(ref float source, nint sourceStride, ref float destination, nint destinationStride)
    {
        Vector128<float> v0 = Vector128.LoadUnsafe(ref source);
        Vector128<float> v1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref source, sourceStride));
        Vector128<float> v2 = Vector128.LoadUnsafe(ref Unsafe.Add(ref source, 2 * sourceStride));
        Vector128<float> v3 = Vector128.LoadUnsafe(ref Unsafe.Add(ref source, 3 * sourceStride));
        Vector128<float> t0 = Sse.UnpackLow(v0, v1), t1 = Sse.UnpackHigh(v0, v1);
        Vector128<float> t2 = Sse.UnpackLow(v2, v3), t3 = Sse.UnpackHigh(v2, v3);
        Sse.MoveLowToHigh(t0, t2).StoreUnsafe(ref destination);
        Sse.MoveHighToLow(t2, t0).StoreUnsafe(ref Unsafe.Add(ref destination, destinationStride));
        Sse.MoveLowToHigh(t1, t3).StoreUnsafe(ref Unsafe.Add(ref destination, 2 * destinationStride));
        Sse.MoveHighToLow(t3, t1).StoreUnsafe(ref Unsafe.Add(ref destination, 3 * destinationStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(ref float source, nint sourceStride, ref float destination, nint destinationStride)
    {
        Vector256<float> t0 = Avx.UnpackLow(Row(ref source, sourceStride, 0), Row(ref source, sourceStride, 1));
        Vector256<float> t1 = Avx.UnpackHigh(Row(ref source, sourceStride, 0), Row(ref source, sourceStride, 1));
        Vector256<float> t2 = Avx.UnpackLow(Row(ref source, sourceStride, 2), Row(ref source, sourceStride, 3));
        Vector256<float> t3 = Avx.UnpackHigh(Row(ref source, sourceStride, 2), Row(ref source, sourceStride, 3));
        Vector256<float> t4 = Avx.UnpackLow(Row(ref source, sourceStride, 4), Row(ref source, sourceStride, 5));
        Vector256<float> t5 = Avx.UnpackHigh(Row(ref source, sourceStride, 4), Row(ref source, sourceStride, 5));
        Vector256<float> t6 = Avx.UnpackLow(Row(ref source, sourceStride, 6), Row(ref source, sourceStride, 7));
        Vector256<float> t7 = Avx.UnpackHigh(Row(ref source, sourceStride, 6), Row(ref source, sourceStride, 7));

        // Each 128-bit lane of s0..s3 now holds four rows of one column; s4..s7 the other four rows.
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(s0, s4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(s1, s5, 0x20).StoreUnsafe(ref Unsafe.Add(ref destination, destinationStride));
        Avx.Permute2x128(s2, s6, 0x20).StoreUnsafe(ref Unsafe.Add(ref destination, 2 * destinationStride));
        Avx.Permute2x128(s3, s7, 0x20).StoreUnsafe(ref Unsafe.Add(ref destination, 3 * destinationStride));
        Avx.Permute2x128(s0, s4, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 4 * destinationStride));
        Avx.Permute2x128(s1, s5, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 5 * destinationStride));
        Avx.Permute2x128(s2, s6, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 6 * destinationStride));
        Avx.Permute2x128(s3, s7, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 7 * destinationStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref float source, nint stride, int r) => Vector256.LoadUnsafe(ref Unsafe.Add(ref source, r * stride));
}
