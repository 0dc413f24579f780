using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>Argument checks and the loop over lane groups behind <see cref="Cholesky.SolveBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{SolveResult}, int, Triangle, MatrixLayout)"/>.</summary>
internal static class BatchCore<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<SolveResult> results, int n, Triangle triangle, MatrixLayout layout)
    {
        int count = results.Length;
        CheckShape(a.Length, b.Length, x.Length, count, n, triangle, layout);
        if (n == 0)
        {
            results.Fill(SolveResult.Succeeded);
            return;
        }

        if (!Vector256.IsHardwareAccelerated || n > LaneKernel<T>.MaxOrder)
        {
            int size = n * n;
            for (int k = 0; k < count; k++)
            {
                results[k] = CholeskyCore<T>.Solve(a.Slice(k * size, size), b.Slice(k * n, n), x.Slice(k * n, n), n, 1, triangle, layout);
            }

            return;
        }

        bool rowWise = FactorStorage.IsRowWise(triangle, layout);
        Span<T> scratch = stackalloc T[LaneKernel<T>.ScratchLength(n)];
        int width = Vector256<T>.Count;
        for (int first = 0; first < count; first += width)
        {
            LaneKernel<T>.SolveGroup(a, b, x, results, first, Math.Min(width, count - first), n, rowWise, scratch);
        }
    }

    /// <summary>Checks n, the enums and every length (count systems) before anything is read.</summary>
    public static void CheckShape(int aLength, int bLength, int xLength, int count, int n, Triangle triangle, MatrixLayout layout)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be zero or positive.");
        }

        if (triangle is not (Triangle.Lower or Triangle.Upper))
        {
            throw new ArgumentOutOfRangeException(nameof(triangle), triangle, "Unknown triangle.");
        }

        if (layout is not (MatrixLayout.RowMajor or MatrixLayout.ColumnMajor))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout.");
        }

        if ((long)count * n * n > aLength)
        {
            throw new ArgumentException($"The matrix span holds {aLength} elements; {count} matrices of {n} x {n} need {(long)count * n * n}.", "a");
        }

        if ((long)count * n > bLength)
        {
            throw new ArgumentException($"The right-hand side span holds {bLength} elements; {count} systems of order {n} need {(long)count * n}.", "b");
        }

        if ((long)count * n > xLength)
        {
            throw new ArgumentException($"The solution span holds {xLength} elements; {count} systems of order {n} need {(long)count * n}.", "x");
        }
    }
}
