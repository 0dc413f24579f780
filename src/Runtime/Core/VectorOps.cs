using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>Dot, axpy and scale over contiguous spans, vectorized with <see cref="Vector{T}"/>.</summary>
internal static class VectorOps
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            ReadOnlySpan<Vector<T>> xv = MemoryMarshal.Cast<T, Vector<T>>(x);
            ReadOnlySpan<Vector<T>> yv = MemoryMarshal.Cast<T, Vector<T>>(y.Slice(0, x.Length));
            Vector<T> acc = Vector<T>.Zero;
            for (int k = 0; k < xv.Length; k++)
            {
                acc += xv[k] * yv[k];
            }

            sum = Vector.Sum(acc);
            i = xv.Length * Vector<T>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>y += alpha · x, over x.Length elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy<T>(T alpha, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            ReadOnlySpan<Vector<T>> xv = MemoryMarshal.Cast<T, Vector<T>>(x);
            Span<Vector<T>> yv = MemoryMarshal.Cast<T, Vector<T>>(y.Slice(0, x.Length));
            Vector<T> av = new(alpha);
            for (int k = 0; k < xv.Length; k++)
            {
                yv[k] += av * xv[k];
            }

            i = xv.Length * Vector<T>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale<T>(T alpha, Span<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            Span<Vector<T>> xv = MemoryMarshal.Cast<T, Vector<T>>(x);
            Vector<T> av = new(alpha);
            for (int k = 0; k < xv.Length; k++)
            {
                xv[k] *= av;
            }

            i = xv.Length * Vector<T>.Count;
        }

        for (; i < x.Length; i++)
        {
            x[i] *= alpha;
        }
    }
}
