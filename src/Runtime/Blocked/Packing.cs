using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// Copies a rows x kc block of an operand into micro-panels of <c>width</c> rows, each stored
/// p-major (element (r, p) of a panel at p·width + r), rows past the end zero. The micro-kernel
/// then streams both operands contiguously, whatever the source's strides, and the source's
/// leading dimension (a power of two or not) no longer maps its rows onto the same cache sets.
/// </summary>
internal static class Packing
{
    public static void Pack<T>(MatrixRef<T> source, int rows, int kc, int width, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        ref T dst = ref MemoryMarshal.GetReference(destination);
        for (int i0 = 0; i0 < rows; i0 += width)
        {
            int height = Math.Min(width, rows - i0);
            ref T panel = ref Unsafe.Add(ref dst, (nint)i0 * kc);
            if (source.ColumnStride == 1)
            {
                PackRows(source.Block(i0, 0), height, kc, width, ref panel);
            }
            else
            {
                // Each p is a contiguous run of the panel's rows in the source: copy it as vectors.
                for (nint p = 0; p < kc; p++)
                {
                    CopyRun(ref source[i0, p], ref Unsafe.Add(ref panel, p * width), height, source.RowStride);
                }
            }

            for (int r = height; r < width; r++)
            {
                for (nint p = 0; p < kc; p++)
                {
                    Unsafe.Add(ref panel, p * width + r) = T.Zero;
                }
            }
        }
    }

    // The panel's rows are contiguous along p: a transpose. Four double rows at a time go through
    // 4 x 4 register transposes (AVX); the rest, and float, element by element.
    private static void PackRows<T>(MatrixRef<T> source, int height, int kc, int width, ref T panel)
        where T : unmanaged, INumberBase<T>
    {
        int r = 0;
        if (typeof(T) == typeof(double) && Avx.IsSupported)
        {
            int p4 = kc & ~3;
            for (; r + 4 <= height; r += 4)
            {
                ref double row0 = ref Unsafe.As<T, double>(ref source[r, 0]);
                ref double row1 = ref Unsafe.As<T, double>(ref source[r + 1, 0]);
                ref double row2 = ref Unsafe.As<T, double>(ref source[r + 2, 0]);
                ref double row3 = ref Unsafe.As<T, double>(ref source[r + 3, 0]);
                ref double slot = ref Unsafe.As<T, double>(ref Unsafe.Add(ref panel, r));
                for (int p = 0; p < p4; p += 4)
                {
                    Vector256<double> v0 = Vector256.LoadUnsafe(ref row0, (nuint)p);
                    Vector256<double> v1 = Vector256.LoadUnsafe(ref row1, (nuint)p);
                    Vector256<double> v2 = Vector256.LoadUnsafe(ref row2, (nuint)p);
                    Vector256<double> v3 = Vector256.LoadUnsafe(ref row3, (nuint)p);
                    Vector256<double> t0 = Avx.UnpackLow(v0, v1), t1 = Avx.UnpackHigh(v0, v1);
                    Vector256<double> t2 = Avx.UnpackLow(v2, v3), t3 = Avx.UnpackHigh(v2, v3);
                    Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref slot, (nuint)(p * width));
                    Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref slot, (nuint)((p + 1) * width));
                    Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref slot, (nuint)((p + 2) * width));
                    Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref slot, (nuint)((p + 3) * width));
                }

                for (int p = p4; p < kc; p++)
                {
                    Unsafe.Add(ref slot, p * width) = Unsafe.Add(ref row0, p);
                    Unsafe.Add(ref slot, p * width + 1) = Unsafe.Add(ref row1, p);
                    Unsafe.Add(ref slot, p * width + 2) = Unsafe.Add(ref row2, p);
                    Unsafe.Add(ref slot, p * width + 3) = Unsafe.Add(ref row3, p);
                }
            }
        }

        for (; r < height; r++)
        {
            ref T row = ref source[r, 0];
            for (nint p = 0; p < kc; p++)
            {
                Unsafe.Add(ref panel, p * width + r) = Unsafe.Add(ref row, p);
            }
        }
    }

    // Copies count elements that sit stride apart in the source (1: contiguous) to a contiguous run.
    private static void CopyRun<T>(ref T source, ref T destination, int count, nint stride)
        where T : unmanaged
    {
        int q = 0;
        if (stride == 1)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                for (; q + Vector256<T>.Count <= count; q += Vector256<T>.Count)
                {
                    Vector256.LoadUnsafe(ref source, (nuint)q).StoreUnsafe(ref destination, (nuint)q);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; q + Vector128<T>.Count <= count; q += Vector128<T>.Count)
                {
                    Vector128.LoadUnsafe(ref source, (nuint)q).StoreUnsafe(ref destination, (nuint)q);
                }
            }
        }

        for (; q < count; q++)
        {
            Unsafe.Add(ref destination, q) = Unsafe.Add(ref source, q * stride);
        }
    }
}
