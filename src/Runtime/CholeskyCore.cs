using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>Argument checks and scratch handling shared by the double and float entry points.</summary>
internal static class CholeskyCore<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static SolveResult Factor(Span<T> a, int n, Triangle triangle, MatrixLayout layout)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, 0, triangle, layout);
        return CholeskyKernel<T>.Factor(a.Slice(0, n * n), n, rowWise);
    }

    public static void SolveFactored(ReadOnlySpan<T> factor, Span<T> b, int n, int nrhs, Triangle triangle, MatrixLayout layout)
    {
        bool rowWise = CheckShape(factor.Length, nameof(factor), n, nrhs, triangle, layout);
        CheckVector(b.Length, n, nrhs, nameof(b));
        CholeskyKernel<T>.Solve(factor.Slice(0, n * n), b.Slice(0, n * nrhs), n, nrhs, rowWise);
    }

    public static SolveResult SolveInPlace(Span<T> a, Span<T> b, int n, int nrhs, Triangle triangle, MatrixLayout layout)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, nrhs, triangle, layout);
        CheckVector(b.Length, n, nrhs, nameof(b));
        Span<T> factor = a.Slice(0, n * n);
        SolveResult result = CholeskyKernel<T>.Factor(factor, n, rowWise);
        if (result.Success)
        {
            CholeskyKernel<T>.Solve(factor, b.Slice(0, n * nrhs), n, nrhs, rowWise);
        }

        return result;
    }

    public static SolveResult Solve(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int nrhs, Triangle triangle, MatrixLayout layout)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, nrhs, triangle, layout);
        CheckVector(b.Length, n, nrhs, nameof(b));
        CheckVector(x.Length, n, nrhs, nameof(x));
        int size = n * n;
        if (size <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            return SolveCopy(a, b, x, n, nrhs, rowWise, stackalloc T[size]);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(size);
        try
        {
            return SolveCopy(a, b, x, n, nrhs, rowWise, rented.AsSpan(0, size));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    public static SolveResult Invert(ReadOnlySpan<T> a, Span<T> inverse, int n, Triangle triangle, MatrixLayout layout)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, 0, triangle, layout);
        if ((long)n * n > inverse.Length)
        {
            throw new ArgumentException($"The inverse span holds {inverse.Length} elements; an n x n inverse with n = {n} needs {(long)n * n}.", nameof(inverse));
        }

        int size = n * n;
        if (size <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            return InvertCopy(a, inverse.Slice(0, size), n, rowWise, stackalloc T[size]);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(size);
        try
        {
            return InvertCopy(a, inverse.Slice(0, size), n, rowWise, rented.AsSpan(0, size));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    // Factors a column-wise copy of a's stored triangle and, only on success, writes the inverse,
    // so the inverse is untouched on failure (and may even be a's own memory).
    private static SolveResult InvertCopy(ReadOnlySpan<T> a, Span<T> inverse, int n, bool rowWise, Span<T> scratch)
    {
        CholeskyKernel<T>.CopyTriangleColumnWise(a, scratch, n, rowWise);
        SolveResult result = CholeskyKernel<T>.Factor(scratch, n, rowWise: false);
        if (result.Success)
        {
            CholeskyKernel<T>.InvertFactored(scratch, inverse, n);
        }

        return result;
    }

    // Factors a copy of a's stored triangle, and only on success copies b to x and solves there,
    // so x is untouched on failure.
    private static SolveResult SolveCopy(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int nrhs, bool rowWise, Span<T> scratch)
    {
        CholeskyKernel<T>.CopyTriangle(a, scratch, n, rowWise);
        SolveResult result = CholeskyKernel<T>.Factor(scratch, n, rowWise);
        if (result.Success)
        {
            Span<T> xs = x.Slice(0, n * nrhs);
            b.Slice(0, n * nrhs).CopyTo(xs);
            CholeskyKernel<T>.Solve(scratch, xs, n, nrhs, rowWise);
        }

        return result;
    }

    /// <summary>
    /// Checks n, nrhs, the enums and the matrix length; returns the factor's storage. aName is the
    /// caller's public name for the matrix (a or factor), so ParamName matches the signature.
    /// </summary>
    private static bool CheckShape(int aLength, string aName, int n, int nrhs, Triangle triangle, MatrixLayout layout)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be zero or positive.");
        }

        if (nrhs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nrhs), nrhs, "nrhs must be zero or positive.");
        }

        if (triangle is not (Triangle.Lower or Triangle.Upper))
        {
            throw new ArgumentOutOfRangeException(nameof(triangle), triangle, "Unknown triangle.");
        }

        if (layout is not (MatrixLayout.RowMajor or MatrixLayout.ColumnMajor))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout.");
        }

        if ((long)n * n > aLength)
        {
            throw new ArgumentException($"The matrix span holds {aLength} elements; an n x n matrix with n = {n} needs {(long)n * n}.", aName);
        }

        return FactorStorage.IsRowWise(triangle, layout);
    }

    private static void CheckVector(int length, int n, int nrhs, string name)
    {
        if ((long)n * nrhs > length)
        {
            throw new ArgumentException($"The span holds {length} elements; n x nrhs = {n} x {nrhs} needs {(long)n * nrhs}.", name);
        }
    }
}
