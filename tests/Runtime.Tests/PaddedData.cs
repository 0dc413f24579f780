using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Xunit;

namespace Specialized.Runtime.Tests;

/// <summary>Vectors inside NaN padding, for the kernels that load and store them unchecked.</summary>
internal static class PaddedData
{
    /// <summary>Elements of padding before each vector.</summary>
    public const int Pad = 3;

    /// <summary>Values in [-1, 1) between NaN padding: <see cref="Pad"/> elements before the span and 64 after.</summary>
    public static T[] Create<T>(Random random, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] values = new T[Pad + length + 64];
        values.AsSpan().Fill(T.NaN);
        for (int i = Pad; i < Pad + length; i++)
        {
            values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    /// <summary>The padding of <paramref name="after"/> is bit for bit that of <paramref name="before"/>.</summary>
    public static void AssertIntact<T>(T[] before, T[] after, int length, string path)
        where T : unmanaged
    {
        string message = $"{path} length {length} wrote outside its span";
        AssertSameBits<T>(before.AsSpan(0, Pad), after.AsSpan(0, Pad), message);
        AssertSameBits<T>(before.AsSpan(Pad + length), after.AsSpan(Pad + length), message);
    }

    /// <summary>Bit for bit equal, so NaN payloads and the sign of zero count.</summary>
    public static void AssertSameBits<T>(ReadOnlySpan<T> before, ReadOnlySpan<T> after, string message)
        where T : unmanaged =>
        Assert.True(MemoryMarshal.AsBytes(before).SequenceEqual(MemoryMarshal.AsBytes(after)), message);

    /// <summary>Unit roundoff (half an ulp of 1).</summary>
    public static double Epsilon<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double) ? Math.Pow(2, -53) : Math.Pow(2, -24);

    /// <summary>
    /// The lengths a path takes: the width helpers need at least one full vector of theirs, the
    /// dispatch any length.
    /// </summary>
    public static IEnumerable<int> LengthsFor<T>(int[] lengths, string path)
        where T : unmanaged
    {
        int minimum = path switch
        {
            "Vector512" => Vector512<T>.Count,
            "Vector" => Vector<T>.Count,
            _ => 0,
        };
        return lengths.Where(length => length >= minimum);
    }
}
