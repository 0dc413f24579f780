using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>The eight-row kernels on <see cref="Vector{T}"/> (256 or 128 bits), for hardware without Vector512.</summary>
internal static partial class RowBlockOps
{
    // Lanes as in the Vector512 kernels: masked last vector for the dots, tail stored last for the subtraction.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DotVector<T>(ref T r0, nuint stride, ref T x, nuint length, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector<T>.Count;
        ref T r1 = ref Unsafe.Add(ref r0, stride);
        ref T r2 = ref Unsafe.Add(ref r1, stride);
        ref T r3 = ref Unsafe.Add(ref r2, stride);
        ref T r4 = ref Unsafe.Add(ref r3, stride);
        ref T r5 = ref Unsafe.Add(ref r4, stride);
        ref T r6 = ref Unsafe.Add(ref r5, stride);
        ref T r7 = ref Unsafe.Add(ref r6, stride);
        Vector<T> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        nuint i = 0;
        for (; i + width <= length; i += width)
        {
            Vector<T> xv = Vector.LoadUnsafe(ref x, i);
            s0 += Vector.LoadUnsafe(ref r0, i) * xv;
            s1 += Vector.LoadUnsafe(ref r1, i) * xv;
            s2 += Vector.LoadUnsafe(ref r2, i) * xv;
            s3 += Vector.LoadUnsafe(ref r3, i) * xv;
            s4 += Vector.LoadUnsafe(ref r4, i) * xv;
            s5 += Vector.LoadUnsafe(ref r5, i) * xv;
            s6 += Vector.LoadUnsafe(ref r6, i) * xv;
            s7 += Vector.LoadUnsafe(ref r7, i) * xv;
        }

        if (i < length)
        {
            nuint last = length - width;
            Vector<T> fresh = Vector.GreaterThanOrEqual(LaneIndices<T>.VectorLanes, new Vector<T>(T.CreateTruncating(i - last)));
            Vector<T> xv = Vector.LoadUnsafe(ref x, last) & fresh;
            s0 += (Vector.LoadUnsafe(ref r0, last) & fresh) * xv;
            s1 += (Vector.LoadUnsafe(ref r1, last) & fresh) * xv;
            s2 += (Vector.LoadUnsafe(ref r2, last) & fresh) * xv;
            s3 += (Vector.LoadUnsafe(ref r3, last) & fresh) * xv;
            s4 += (Vector.LoadUnsafe(ref r4, last) & fresh) * xv;
            s5 += (Vector.LoadUnsafe(ref r5, last) & fresh) * xv;
            s6 += (Vector.LoadUnsafe(ref r6, last) & fresh) * xv;
            s7 += (Vector.LoadUnsafe(ref r7, last) & fresh) * xv;
        }

        sums[0] = Vector.Sum(s0);
        sums[1] = Vector.Sum(s1);
        sums[2] = Vector.Sum(s2);
        sums[3] = Vector.Sum(s3);
        sums[4] = Vector.Sum(s4);
        sums[5] = Vector.Sum(s5);
        sums[6] = Vector.Sum(s6);
        sums[7] = Vector.Sum(s7);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SubtractVector<T>(ref T r0, nuint stride, ReadOnlySpan<T> c, ref T x, nuint length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector<T>.Count;
        ref T r1 = ref Unsafe.Add(ref r0, stride);
        ref T r2 = ref Unsafe.Add(ref r1, stride);
        ref T r3 = ref Unsafe.Add(ref r2, stride);
        ref T r4 = ref Unsafe.Add(ref r3, stride);
        ref T r5 = ref Unsafe.Add(ref r4, stride);
        ref T r6 = ref Unsafe.Add(ref r5, stride);
        ref T r7 = ref Unsafe.Add(ref r6, stride);
        Vector<T> c0 = new(c[0]), c1 = new(c[1]), c2 = new(c[2]), c3 = new(c[3]), c4 = new(c[4]), c5 = new(c[5]), c6 = new(c[6]), c7 = new(c[7]);
        nuint last = length - width;
        Vector<T> tail = CombineVector(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, c0, c1, c2, c3, c4, c5, c6, c7, Vector.LoadUnsafe(ref x, last), last);
        for (nuint i = 0; i < last; i += width)
        {
            CombineVector(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, c0, c1, c2, c3, c4, c5, c6, c7, Vector.LoadUnsafe(ref x, i), i).StoreUnsafe(ref x, i);
        }

        tail.StoreUnsafe(ref x, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> CombineVector<T>(
        ref T r0, ref T r1, ref T r2, ref T r3, ref T r4, ref T r5, ref T r6, ref T r7,
        Vector<T> c0, Vector<T> c1, Vector<T> c2, Vector<T> c3, Vector<T> c4, Vector<T> c5, Vector<T> c6, Vector<T> c7,
        Vector<T> x, nuint i)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> even = c0 * Vector.LoadUnsafe(ref r0, i) + c2 * Vector.LoadUnsafe(ref r2, i) + (c4 * Vector.LoadUnsafe(ref r4, i) + c6 * Vector.LoadUnsafe(ref r6, i));
        Vector<T> odd = c1 * Vector.LoadUnsafe(ref r1, i) + c3 * Vector.LoadUnsafe(ref r3, i) + (c5 * Vector.LoadUnsafe(ref r5, i) + c7 * Vector.LoadUnsafe(ref r7, i));
        return x - (even + odd);
    }
}
