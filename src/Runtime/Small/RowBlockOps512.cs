using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>The eight-row kernels on Vector512: FMA, one 512-bit load of the vector per column step.</summary>
internal static partial class RowBlockOps
{
    // length ≥ one vector; the last vector overlaps the one before and masks the lanes already summed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Dot512<T>(ref T r0, nuint stride, ref T x, nuint length, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector512<T>.Count;
        ref T r1 = ref Unsafe.Add(ref r0, stride);
        ref T r2 = ref Unsafe.Add(ref r1, stride);
        ref T r3 = ref Unsafe.Add(ref r2, stride);
        ref T r4 = ref Unsafe.Add(ref r3, stride);
        ref T r5 = ref Unsafe.Add(ref r4, stride);
        ref T r6 = ref Unsafe.Add(ref r5, stride);
        ref T r7 = ref Unsafe.Add(ref r6, stride);
        Vector512<T> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        nuint i = 0;
        for (; i + width <= length; i += width)
        {
            Vector512<T> xv = Vector512.LoadUnsafe(ref x, i);
            s0 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r0, i), xv, s0);
            s1 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r1, i), xv, s1);
            s2 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r2, i), xv, s2);
            s3 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r3, i), xv, s3);
            s4 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r4, i), xv, s4);
            s5 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r5, i), xv, s5);
            s6 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r6, i), xv, s6);
            s7 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r7, i), xv, s7);
        }

        if (i < length)
        {
            // Masked on both sides: an infinite element already summed must not come back as ∞·0 = NaN.
            nuint last = length - width;
            Vector512<T> fresh = Vector512.GreaterThanOrEqual(LaneIndices<T>.Vector512Lanes, Vector512.Create(T.CreateTruncating(i - last)));
            Vector512<T> xv = Vector512.LoadUnsafe(ref x, last) & fresh;
            s0 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r0, last) & fresh, xv, s0);
            s1 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r1, last) & fresh, xv, s1);
            s2 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r2, last) & fresh, xv, s2);
            s3 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r3, last) & fresh, xv, s3);
            s4 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r4, last) & fresh, xv, s4);
            s5 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r5, last) & fresh, xv, s5);
            s6 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r6, last) & fresh, xv, s6);
            s7 = FusedMultiplyAdd.Apply(Vector512.LoadUnsafe(ref r7, last) & fresh, xv, s7);
        }

        if (typeof(T) == typeof(double) && Avx512F.IsSupported)
        {
            SumEight(s0.AsDouble(), s1.AsDouble(), s2.AsDouble(), s3.AsDouble(), s4.AsDouble(), s5.AsDouble(), s6.AsDouble(), s7.AsDouble())
                .As<double, T>().StoreUnsafe(ref MemoryMarshal.GetReference(sums));
            return;
        }

        if (typeof(T) == typeof(float) && Avx512F.IsSupported)
        {
            SumEight(s0.AsSingle(), s1.AsSingle(), s2.AsSingle(), s3.AsSingle(), s4.AsSingle(), s5.AsSingle(), s6.AsSingle(), s7.AsSingle())
                .As<float, T>().StoreUnsafe(ref MemoryMarshal.GetReference(sums));
            return;
        }

        sums[0] = Vector512.Sum(s0);
        sums[1] = Vector512.Sum(s1);
        sums[2] = Vector512.Sum(s2);
        sums[3] = Vector512.Sum(s3);
        sums[4] = Vector512.Sum(s4);
        sums[5] = Vector512.Sum(s5);
        sums[6] = Vector512.Sum(s6);
        sums[7] = Vector512.Sum(s7);
    }

    // The eight sums of eight vectors of doubles as one vector, in a tree of 21 shuffles and adds
    // rather than eight separate reductions of 6 each: adjacent pairs, then 128-bit lanes twice.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SumEight(
        Vector512<double> s0, Vector512<double> s1, Vector512<double> s2, Vector512<double> s3,
        Vector512<double> s4, Vector512<double> s5, Vector512<double> s6, Vector512<double> s7)
    {
        Vector512<double> p01 = Avx512F.UnpackLow(s0, s1) + Avx512F.UnpackHigh(s0, s1);
        Vector512<double> p23 = Avx512F.UnpackLow(s2, s3) + Avx512F.UnpackHigh(s2, s3);
        Vector512<double> p45 = Avx512F.UnpackLow(s4, s5) + Avx512F.UnpackHigh(s4, s5);
        Vector512<double> p67 = Avx512F.UnpackLow(s6, s7) + Avx512F.UnpackHigh(s6, s7);
        Vector512<double> q0123 = Avx512F.Shuffle4x128(p01, p23, 0x88) + Avx512F.Shuffle4x128(p01, p23, 0xDD);
        Vector512<double> q4567 = Avx512F.Shuffle4x128(p45, p67, 0x88) + Avx512F.Shuffle4x128(p45, p67, 0xDD);
        return Avx512F.Shuffle4x128(q0123, q4567, 0x88) + Avx512F.Shuffle4x128(q0123, q4567, 0xDD);
    }

    // The same for floats: adjacent pairs, then pairs of pairs as 64-bit elements, then the four
    // 128-bit lanes; the eight sums end in the low 256 bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SumEight(
        Vector512<float> s0, Vector512<float> s1, Vector512<float> s2, Vector512<float> s3,
        Vector512<float> s4, Vector512<float> s5, Vector512<float> s6, Vector512<float> s7)
    {
        Vector512<float> p01 = Avx512F.UnpackLow(s0, s1) + Avx512F.UnpackHigh(s0, s1);
        Vector512<float> p23 = Avx512F.UnpackLow(s2, s3) + Avx512F.UnpackHigh(s2, s3);
        Vector512<float> p45 = Avx512F.UnpackLow(s4, s5) + Avx512F.UnpackHigh(s4, s5);
        Vector512<float> p67 = Avx512F.UnpackLow(s6, s7) + Avx512F.UnpackHigh(s6, s7);
        Vector512<float> q0123 = Avx512F.UnpackLow(p01.AsDouble(), p23.AsDouble()).AsSingle() + Avx512F.UnpackHigh(p01.AsDouble(), p23.AsDouble()).AsSingle();
        Vector512<float> q4567 = Avx512F.UnpackLow(p45.AsDouble(), p67.AsDouble()).AsSingle() + Avx512F.UnpackHigh(p45.AsDouble(), p67.AsDouble()).AsSingle();
        Vector512<float> r = Avx512F.Shuffle4x128(q0123, q4567, 0x88) + Avx512F.Shuffle4x128(q0123, q4567, 0xDD);
        Vector512<float> total = r + Avx512F.Shuffle4x128(r, r, 0xB1);
        return Avx512F.Shuffle4x128(total, total, 0x08).GetLower();
    }

    // length ≥ one vector; the last vector is computed from the original x before the loop and
    // stored after it, so its overlapped lanes get the values the loop wrote.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Subtract512<T>(ref T r0, nuint stride, ReadOnlySpan<T> c, ref T x, nuint length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector512<T>.Count;
        ref T r1 = ref Unsafe.Add(ref r0, stride);
        ref T r2 = ref Unsafe.Add(ref r1, stride);
        ref T r3 = ref Unsafe.Add(ref r2, stride);
        ref T r4 = ref Unsafe.Add(ref r3, stride);
        ref T r5 = ref Unsafe.Add(ref r4, stride);
        ref T r6 = ref Unsafe.Add(ref r5, stride);
        ref T r7 = ref Unsafe.Add(ref r6, stride);
        Vector512<T> c0 = Vector512.Create(c[0]), c1 = Vector512.Create(c[1]), c2 = Vector512.Create(c[2]), c3 = Vector512.Create(c[3]);
        Vector512<T> c4 = Vector512.Create(c[4]), c5 = Vector512.Create(c[5]), c6 = Vector512.Create(c[6]), c7 = Vector512.Create(c[7]);
        nuint last = length - width;
        Vector512<T> tail = Combine(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, c0, c1, c2, c3, c4, c5, c6, c7, Vector512.LoadUnsafe(ref x, last), last);
        for (nuint i = 0; i < last; i += width)
        {
            Combine(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, c0, c1, c2, c3, c4, c5, c6, c7, Vector512.LoadUnsafe(ref x, i), i).StoreUnsafe(ref x, i);
        }

        tail.StoreUnsafe(ref x, last);
    }

    // x − Σ c_r·row r at column i, as two chains of four so the eight products do not wait on each other.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Combine<T>(
        ref T r0, ref T r1, ref T r2, ref T r3, ref T r4, ref T r5, ref T r6, ref T r7,
        Vector512<T> c0, Vector512<T> c1, Vector512<T> c2, Vector512<T> c3, Vector512<T> c4, Vector512<T> c5, Vector512<T> c6, Vector512<T> c7,
        Vector512<T> x, nuint i)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector512<T> even = FusedMultiplyAdd.Apply(c0, Vector512.LoadUnsafe(ref r0, i), FusedMultiplyAdd.Apply(c2, Vector512.LoadUnsafe(ref r2, i), Vector512.LoadUnsafe(ref r4, i) * c4));
        even = FusedMultiplyAdd.Apply(c6, Vector512.LoadUnsafe(ref r6, i), even);
        Vector512<T> odd = FusedMultiplyAdd.Apply(c1, Vector512.LoadUnsafe(ref r1, i), FusedMultiplyAdd.Apply(c3, Vector512.LoadUnsafe(ref r3, i), Vector512.LoadUnsafe(ref r5, i) * c5));
        odd = FusedMultiplyAdd.Apply(c7, Vector512.LoadUnsafe(ref r7, i), odd);
        return x - (even + odd);
    }
}
