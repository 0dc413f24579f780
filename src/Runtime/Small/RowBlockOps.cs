using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// Eight rows of a matrix against one vector, in one pass over the vector: eight dot products, or
/// the vector minus a combination of the eight rows. A substitution blocked by eight runs on these
/// instead of one dot or axpy per row: eight independent sums instead of one chain, one load of the
/// vector per eight rows, and no load of an element the previous row has just stored.
/// </summary>
internal static partial class RowBlockOps
{
    /// <summary>The rows each call takes.</summary>
    public const int Rows = 8;

    /// <summary>
    /// sums[r] = Σ row r[k]·x[k] over k &lt; x.Length, row r at rows[r·stride..]; each row is read
    /// only over its first x.Length elements.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot<T>(ReadOnlySpan<T> rows, int stride, ReadOnlySpan<T> x, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = x.Length;
        rows = rows.Slice(0, (Rows - 1) * stride + length);
        sums = sums.Slice(0, Rows);
        ref T r0 = ref MemoryMarshal.GetReference(rows);
        ref T xr = ref MemoryMarshal.GetReference(x);
        if (Vector512.IsHardwareAccelerated && length >= Vector512<T>.Count)
        {
            Dot512(ref r0, (nuint)stride, ref xr, (nuint)length, sums);
        }
        else if (Vector.IsHardwareAccelerated && length >= Vector<T>.Count)
        {
            DotVector(ref r0, (nuint)stride, ref xr, (nuint)length, sums);
        }
        else
        {
            for (int r = 0; r < Rows; r++)
            {
                T sum = T.Zero;
                for (int k = 0; k < length; k++)
                {
                    sum += rows[r * stride + k] * x[k];
                }

                sums[r] = sum;
            }
        }
    }

    /// <summary>x[k] −= Σ c[r]·row r[k] over k &lt; x.Length, row r at rows[r·stride..]; x must not overlap the rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Subtract<T>(ReadOnlySpan<T> rows, int stride, ReadOnlySpan<T> c, Span<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = x.Length;
        rows = rows.Slice(0, (Rows - 1) * stride + length);
        c = c.Slice(0, Rows);
        ref T r0 = ref MemoryMarshal.GetReference(rows);
        ref T xr = ref MemoryMarshal.GetReference(x);
        if (Vector512.IsHardwareAccelerated && length >= Vector512<T>.Count)
        {
            Subtract512(ref r0, (nuint)stride, c, ref xr, (nuint)length);
        }
        else if (Vector.IsHardwareAccelerated && length >= Vector<T>.Count)
        {
            SubtractVector(ref r0, (nuint)stride, c, ref xr, (nuint)length);
        }
        else
        {
            for (int k = 0; k < length; k++)
            {
                T value = x[k];
                for (int r = 0; r < Rows; r++)
                {
                    value -= c[r] * rows[r * stride + k];
                }

                x[k] = value;
            }
        }
    }
}
