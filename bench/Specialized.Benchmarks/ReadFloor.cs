using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized.Benchmarks;

/// <summary>
/// A read-bandwidth floor for the suites: one pass that sums every element of a span in the widest
/// accelerated vector, four independent sums so the adds never wait on each other.
/// </summary>
public static class ReadFloor
{
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
