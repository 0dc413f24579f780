using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// Copies a rows x kc block of an operand into micro-panels of <c>width</c> rows, each stored
/// p-major (element (r, p) of a panel at p·width + r), rows past the end zero. The micro-kernel
/// then streams both operands contiguously, whatever the source's strides, and the source's
/// leading dimension (a power of two or not) no longer maps its rows onto the same cache sets.
/// </summary>
internal static class Packing
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                // The panel's rows are contiguous along p: a transpose.
                Transpose.Run(ref source[i0, 0], source.RowStride, height, kc, ref panel, width);
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

    // Copies count elements that sit stride apart in the source (1: contiguous) to a contiguous run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
