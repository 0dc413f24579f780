using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// The 128-bit micro-kernel (SSE, NEON): a 6 x (2·Vector128&lt;T&gt;.Count) tile (6 x 4 doubles or 8 floats) held in twelve
/// accumulators, two B loads and six broadcasts per rank-1 step — fifteen of the sixteen vector registers.
/// </summary>
internal readonly struct MicroKernel128<T> : IMicroKernel<T>
    where T : unmanaged
{
    public static int MR => 6;

    public static int NR => 2 * Vector128<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySubtract(nint kc, ref T a, ref T b, ref T from, nint ldFrom, ref T c, nint ldc)
    {
        Vector128<T> c00 = default, c01 = default;
        Vector128<T> c10 = default, c11 = default;
        Vector128<T> c20 = default, c21 = default;
        Vector128<T> c30 = default, c31 = default;
        Vector128<T> c40 = default, c41 = default;
        Vector128<T> c50 = default, c51 = default;
        nint width = Vector128<T>.Count;
        for (nint p = 0; p < kc; p++)
        {
            Vector128<T> b0 = Vector128.LoadUnsafe(ref b);
            Vector128<T> b1 = Vector128.LoadUnsafe(ref b, (nuint)width);
            Vector128<T> ar;
            ar = Vector128.Create(a);
            c00 = FusedMultiplyAdd.Apply(ar, b0, c00);
            c01 = FusedMultiplyAdd.Apply(ar, b1, c01);
            ar = Vector128.Create(Unsafe.Add(ref a, 1));
            c10 = FusedMultiplyAdd.Apply(ar, b0, c10);
            c11 = FusedMultiplyAdd.Apply(ar, b1, c11);
            ar = Vector128.Create(Unsafe.Add(ref a, 2));
            c20 = FusedMultiplyAdd.Apply(ar, b0, c20);
            c21 = FusedMultiplyAdd.Apply(ar, b1, c21);
            ar = Vector128.Create(Unsafe.Add(ref a, 3));
            c30 = FusedMultiplyAdd.Apply(ar, b0, c30);
            c31 = FusedMultiplyAdd.Apply(ar, b1, c31);
            ar = Vector128.Create(Unsafe.Add(ref a, 4));
            c40 = FusedMultiplyAdd.Apply(ar, b0, c40);
            c41 = FusedMultiplyAdd.Apply(ar, b1, c41);
            ar = Vector128.Create(Unsafe.Add(ref a, 5));
            c50 = FusedMultiplyAdd.Apply(ar, b0, c50);
            c51 = FusedMultiplyAdd.Apply(ar, b1, c51);
            a = ref Unsafe.Add(ref a, 6);
            b = ref Unsafe.Add(ref b, 2 * width);
        }

        Subtract(ref Unsafe.Add(ref from, 0 * ldFrom), ref Unsafe.Add(ref c, 0 * ldc), c00, c01);
        Subtract(ref Unsafe.Add(ref from, 1 * ldFrom), ref Unsafe.Add(ref c, 1 * ldc), c10, c11);
        Subtract(ref Unsafe.Add(ref from, 2 * ldFrom), ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
        Subtract(ref Unsafe.Add(ref from, 3 * ldFrom), ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
        Subtract(ref Unsafe.Add(ref from, 4 * ldFrom), ref Unsafe.Add(ref c, 4 * ldc), c40, c41);
        Subtract(ref Unsafe.Add(ref from, 5 * ldFrom), ref Unsafe.Add(ref c, 5 * ldc), c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(ref T from, ref T row, Vector128<T> left, Vector128<T> right)
    {
        nuint width = (nuint)Vector128<T>.Count;
        (Vector128.LoadUnsafe(ref from) - left).StoreUnsafe(ref row);
        (Vector128.LoadUnsafe(ref from, width) - right).StoreUnsafe(ref row, width);
    }
}
