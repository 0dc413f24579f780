using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// The vector updates of one conjugate-gradient step, over x, r and the product in double and p in T. Each sum runs in
/// several vector accumulators in a fixed order (the same on every call and thread count): a single scalar accumulator
/// waits an add's latency per element, which at N = 10⁵ made these loops a sixth of a solve.
/// </summary>
internal static class CgVectors<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>pᵀa.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<T> p, ReadOnlySpan<double> a)
    {
        int n = Math.Min(p.Length, a.Length), i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double ab = ref MemoryMarshal.GetReference(a);
            Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i + 16 <= n; i += 16)
            {
                (Vector256<double> p0, Vector256<double> p1) = Load8(p, i);
                (Vector256<double> p2, Vector256<double> p3) = Load8(p, i + 8);
                s0 += p0 * Vector256.LoadUnsafe(ref ab, (nuint)i);
                s1 += p1 * Vector256.LoadUnsafe(ref ab, (nuint)i + 4);
                s2 += p2 * Vector256.LoadUnsafe(ref ab, (nuint)i + 8);
                s3 += p3 * Vector256.LoadUnsafe(ref ab, (nuint)i + 12);
            }

            sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < n; i++)
        {
            sum += double.CreateTruncating(p[i]) * a[i];
        }

        return sum;
    }

    /// <summary>x += step·p, r −= step·a; returns rᵀr of the new r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Update(Span<double> x, Span<double> r, ReadOnlySpan<T> p, ReadOnlySpan<double> a, double step)
    {
        int n = Math.Min(Math.Min(x.Length, r.Length), Math.Min(p.Length, a.Length)), i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double xb = ref MemoryMarshal.GetReference(x), rb = ref MemoryMarshal.GetReference(r), ab = ref MemoryMarshal.GetReference(a);
            Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, factor = Vector256.Create(step);
            for (; i + 8 <= n; i += 8)
            {
                (Vector256<double> p0, Vector256<double> p1) = Load8(p, i);
                (Vector256.LoadUnsafe(ref xb, (nuint)i) + factor * p0).StoreUnsafe(ref xb, (nuint)i);
                (Vector256.LoadUnsafe(ref xb, (nuint)i + 4) + factor * p1).StoreUnsafe(ref xb, (nuint)i + 4);
                Vector256<double> r0 = Vector256.LoadUnsafe(ref rb, (nuint)i) - factor * Vector256.LoadUnsafe(ref ab, (nuint)i);
                Vector256<double> r1 = Vector256.LoadUnsafe(ref rb, (nuint)i + 4) - factor * Vector256.LoadUnsafe(ref ab, (nuint)i + 4);
                r0.StoreUnsafe(ref rb, (nuint)i);
                r1.StoreUnsafe(ref rb, (nuint)i + 4);
                s0 += r0 * r0;
                s1 += r1 * r1;
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < n; i++)
        {
            x[i] += step * double.CreateTruncating(p[i]);
            double ri = r[i] - step * a[i];
            r[i] = ri;
            sum += ri * ri;
        }

        return sum;
    }

    /// <summary>p = r + beta·p, rounded to T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Direction(Span<T> p, ReadOnlySpan<double> r, double beta)
    {
        int n = Math.Min(p.Length, r.Length), i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double rb = ref MemoryMarshal.GetReference(r);
            Vector256<double> factor = Vector256.Create(beta);
            for (; i + 8 <= n; i += 8)
            {
                (Vector256<double> p0, Vector256<double> p1) = Load8(p, i);
                Store8(p, i, Vector256.LoadUnsafe(ref rb, (nuint)i) + factor * p0, Vector256.LoadUnsafe(ref rb, (nuint)i + 4) + factor * p1);
            }
        }

        for (; i < n; i++)
        {
            p[i] = T.CreateTruncating(r[i] + beta * double.CreateTruncating(p[i]));
        }
    }

    // p[i .. i + 7] in double; the callers keep i + 8 within p.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Lower, Vector256<double> Upper) Load8(ReadOnlySpan<T> p, int i)
    {
        ref T pb = ref MemoryMarshal.GetReference(p);
        if (typeof(T) == typeof(float))
        {
            return Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<T, float>(ref pb), (nuint)i));
        }

        ref double d = ref Unsafe.As<T, double>(ref pb);
        return (Vector256.LoadUnsafe(ref d, (nuint)i), Vector256.LoadUnsafe(ref d, (nuint)i + 4));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store8(Span<T> p, int i, Vector256<double> lower, Vector256<double> upper)
    {
        ref T pb = ref MemoryMarshal.GetReference(p);
        if (typeof(T) == typeof(float))
        {
            Vector256.Narrow(lower, upper).StoreUnsafe(ref Unsafe.As<T, float>(ref pb), (nuint)i);
        }
        else
        {
            ref double d = ref Unsafe.As<T, double>(ref pb);
            lower.StoreUnsafe(ref d, (nuint)i);
            upper.StoreUnsafe(ref d, (nuint)i + 4);
        }
    }
}
