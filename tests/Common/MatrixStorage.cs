using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Specialized.Testing;

/// <summary>
/// Puts dense symmetric matrices into solver buffers in a given <see cref="Triangle"/> and
/// <see cref="MatrixLayout"/>, reads factors back, and compares buffers bit for bit.
/// </summary>
public static class MatrixStorage
{
    /// <summary>Where element (i, j) of an n x n matrix sits: i·n + j row-major, j·n + i column-major.</summary>
    public static int Offset(int i, int j, int n, MatrixLayout layout) =>
        layout == MatrixLayout.RowMajor ? i * n + j : j * n + i;

    /// <summary>Whether (i, j) belongs to the declared triangle (the diagonal belongs to both).</summary>
    public static bool InTriangle(int i, int j, Triangle triangle) =>
        triangle == Triangle.Lower ? i >= j : i <= j;

    /// <summary>Whether buffer element <paramref name="offset"/> is part of the declared triangle of an n x n matrix.</summary>
    public static bool IsStored(int offset, int n, Triangle triangle, MatrixLayout layout)
    {
        if (offset >= n * n)
        {
            return false;
        }

        int major = offset / n, minor = offset % n;
        return layout == MatrixLayout.RowMajor ? InTriangle(major, minor, triangle) : InTriangle(minor, major, triangle);
    }

    /// <summary>
    /// A buffer of n·n + <paramref name="extra"/> elements holding the declared triangle of the
    /// dense row-major symmetric <paramref name="dense"/>; every other element (the other triangle
    /// and the tail) is <paramref name="fill"/>, NaN unless told, so a solver that reads it shows it.
    /// </summary>
    public static T[] Store<T>(ReadOnlySpan<double> dense, int n, Triangle triangle, MatrixLayout layout, int extra = 0, T? fill = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var buffer = new T[n * n + extra];
        Write(dense, n, triangle, layout, buffer, fill ?? T.NaN);
        return buffer;
    }

    /// <summary>Writes as <see cref="Store{T}"/> does into an existing buffer of at least n·n elements.</summary>
    public static void Write<T>(ReadOnlySpan<double> dense, int n, Triangle triangle, MatrixLayout layout, Span<T> buffer, T fill)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (dense.Length < n * n || buffer.Length < n * n)
        {
            throw new ArgumentException("Both spans need n x n elements.");
        }

        buffer.Fill(fill);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (InTriangle(i, j, triangle))
                {
                    buffer[Offset(i, j, n, layout)] = T.CreateTruncating(dense[i * n + j]);
                }
            }
        }
    }

    /// <summary>
    /// The factor in a buffer, as a dense row-major lower-triangular L with A = L·Lᵀ: the lower
    /// triangle itself, or Uᵀ when the factor is upper (A = Uᵀ·U). Zeros above the diagonal.
    /// </summary>
    public static double[] ReadFactorAsLower<T>(ReadOnlySpan<T> buffer, int n, Triangle triangle, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                // L(i, j) = U(j, i).
                int offset = triangle == Triangle.Lower ? Offset(i, j, n, layout) : Offset(j, i, n, layout);
                l[i * n + j] = double.CreateTruncating(buffer[offset]);
            }
        }

        return l;
    }

    /// <summary>
    /// The first offset outside the declared triangle (the other triangle or the tail past n·n)
    /// whose bits differ between <paramref name="before"/> and <paramref name="after"/>; -1 if none.
    /// </summary>
    public static int FirstChangeOutsideTriangle<T>(ReadOnlySpan<T> before, ReadOnlySpan<T> after, int n, Triangle triangle, MatrixLayout layout)
        where T : unmanaged
    {
        if (before.Length != after.Length)
        {
            throw new ArgumentException("The buffers differ in length.");
        }

        for (int k = 0; k < before.Length; k++)
        {
            if (!IsStored(k, n, triangle, layout) && !BitEqual(before[k], after[k]))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The first offset whose bits differ, or -1 when the spans are bit-identical (lengths must match).</summary>
    public static int FirstBitDifference<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged
    {
        if (x.Length != y.Length)
        {
            return Math.Min(x.Length, y.Length);
        }

        for (int k = 0; k < x.Length; k++)
        {
            if (!BitEqual(x[k], y[k]))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Whether the spans hold the same bits (NaN payloads and signed zeros included).</summary>
    public static bool BitIdentical<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged =>
        MemoryMarshal.AsBytes(x).SequenceEqual(MemoryMarshal.AsBytes(y));

    /// <summary>Rounds doubles to <typeparamref name="T"/> into a new array.</summary>
    public static T[] Convert<T>(ReadOnlySpan<double> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new T[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            result[k] = T.CreateTruncating(values[k]);
        }

        return result;
    }

    /// <summary>Widens to double into a new array.</summary>
    public static double[] ToDouble<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            result[k] = double.CreateTruncating(values[k]);
        }

        return result;
    }

    private static bool BitEqual<T>(T x, T y)
        where T : unmanaged =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in x)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in y)));
}
