using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized.Benchmarks;

/// <summary>
/// Bandwidth floors for the suites: one pass that sums every element of a span in the widest
/// accelerated vector, four independent sums so the adds never wait on each other; and the stream a
/// batch solve makes, its inputs read and its output written once.
/// </summary>
public static class ReadFloor
{
    /// <summary>
    /// Reads <paramref name="a"/> and <paramref name="b"/> and writes <paramref name="x"/> (b's elements
    /// plus a running sum of a's, so no pass can be skipped): the memory traffic of a batch solve of the same sizes.
    /// </summary>
    public static T Stream<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x)
        where T : unmanaged, INumber<T>
    {
        T sum = Sum(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rx = ref MemoryMarshal.GetReference(x);
        nuint length = (nuint)Math.Min(b.Length, x.Length), i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            nuint step = (nuint)Vector512<T>.Count;
            var s = Vector512.Create(sum);
            for (; i + step <= length; i += step)
            {
                (Vector512.LoadUnsafe(ref rb, i) + s).StoreUnsafe(ref rx, i);
            }
        }
        else
        {
            nuint step = (nuint)Vector256<T>.Count;
            var s = Vector256.Create(sum);
            for (; i + step <= length; i += step)
            {
                (Vector256.LoadUnsafe(ref rb, i) + s).StoreUnsafe(ref rx, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref rx, i) = Unsafe.Add(ref rb, i) + sum;
        }

        return sum;
    }

    public static T Sum<T>(ReadOnlySpan<T> data)
        where T : unmanaged, INumber<T>
    {
        ref T r = ref MemoryMarshal.GetReference(data);
        nuint length = (nuint)data.Length, i = 0;
        T sum;
        if (Vector512.IsHardwareAccelerated)
        {
            nuint step = (nuint)Vector512<T>.Count;
            Vector512<T> s0 = Vector512<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i + 4 * step <= length; i += 4 * step)
            {
                s0 += Vector512.LoadUnsafe(ref r, i);
                s1 += Vector512.LoadUnsafe(ref r, i + step);
                s2 += Vector512.LoadUnsafe(ref r, i + 2 * step);
                s3 += Vector512.LoadUnsafe(ref r, i + 3 * step);
            }

            sum = Vector512.Sum(s0 + s1 + s2 + s3);
        }
        else
        {
            nuint step = (nuint)Vector256<T>.Count;
            Vector256<T> s0 = Vector256<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i + 4 * step <= length; i += 4 * step)
            {
                s0 += Vector256.LoadUnsafe(ref r, i);
                s1 += Vector256.LoadUnsafe(ref r, i + step);
                s2 += Vector256.LoadUnsafe(ref r, i + 2 * step);
                s3 += Vector256.LoadUnsafe(ref r, i + 3 * step);
            }

            sum = Vector256.Sum(s0 + s1 + s2 + s3);
        }

        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref r, i);
        }

        return sum;
    }
}
