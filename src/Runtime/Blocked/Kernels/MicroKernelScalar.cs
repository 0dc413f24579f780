using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// The micro-kernel for hardware without accelerated vectors: a 4 x 4 tile in sixteen scalar
/// accumulators, so each loaded A and B value still serves four multiply-adds.
/// </summary>
internal readonly struct MicroKernelScalar<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 4;

    public static int NR => 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySubtract(nint kc, ref T a, ref T b, ref T from, nint ldFrom, ref T c, nint ldc)
    {
        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero;
        for (nint p = 0; p < kc; p++)
        {
            T b0 = b, b1 = Unsafe.Add(ref b, 1), b2 = Unsafe.Add(ref b, 2), b3 = Unsafe.Add(ref b, 3);
            T a0 = a;
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            T a1 = Unsafe.Add(ref a, 1);
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            T a2 = Unsafe.Add(ref a, 2);
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            T a3 = Unsafe.Add(ref a, 3);
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            a = ref Unsafe.Add(ref a, 4);
            b = ref Unsafe.Add(ref b, 4);
        }

        Subtract(ref from, ref c, c00, c01, c02, c03);
        Subtract(ref Unsafe.Add(ref from, ldFrom), ref Unsafe.Add(ref c, ldc), c10, c11, c12, c13);
        Subtract(ref Unsafe.Add(ref from, 2 * ldFrom), ref Unsafe.Add(ref c, 2 * ldc), c20, c21, c22, c23);
        Subtract(ref Unsafe.Add(ref from, 3 * ldFrom), ref Unsafe.Add(ref c, 3 * ldc), c30, c31, c32, c33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(ref T from, ref T row, T v0, T v1, T v2, T v3)
    {
        row = from - v0;
        Unsafe.Add(ref row, 1) = Unsafe.Add(ref from, 1) - v1;
        Unsafe.Add(ref row, 2) = Unsafe.Add(ref from, 2) - v2;
        Unsafe.Add(ref row, 3) = Unsafe.Add(ref from, 3) - v3;
    }
}
