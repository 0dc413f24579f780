using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>Argument checks and scratch handling shared by the double and float entry points.</summary>
internal static class CholeskyCore<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static SolveResult Factor(Span<T> a, int n, Triangle triangle, MatrixLayout layout, int degreeOfParallelism = 1)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, 0, triangle, layout);
        int workers = Workers(degreeOfParallelism);
        return BlockedCholesky<T>.Factor(a.Slice(0, n * n), n, rowWise, workers);
    }

    public static void SolveFactored(ReadOnlySpan<T> factor, Span<T> b, int n, int nrhs, Triangle triangle, MatrixLayout layout)
    {
        bool rowWise = CheckShape(factor.Length, nameof(factor), n, nrhs, triangle, layout);
        CheckVector(b.Length, n, nrhs, nameof(b));
        BlockedCholesky<T>.Solve(factor.Slice(0, n * n), b.Slice(0, n * nrhs), n, nrhs, rowWise);
    }

    public static SolveResult SolveInPlace(Span<T> a, Span<T> b, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degreeOfParallelism = 1)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, nrhs, triangle, layout);
        CheckVector(b.Length, n, nrhs, nameof(b));
        int workers = Workers(degreeOfParallelism);
        Span<T> factor = a.Slice(0, n * n);
        SolveResult result = BlockedCholesky<T>.Factor(factor, n, rowWise, workers);
        if (result.Success)
        {
            BlockedCholesky<T>.Solve(factor, b.Slice(0, n * nrhs), n, nrhs, rowWise);
        }

        return result;
    }

    public static SolveResult Solve(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degreeOfParallelism = 1)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, nrhs, triangle, layout);
        CheckVector(b.Length, n, nrhs, nameof(b));
        CheckVector(x.Length, n, nrhs, nameof(x));
        int workers = Workers(degreeOfParallelism);
        int ld = BlockSizes<T>.Stride(n);
        int size = ld * n;
        if (size <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            return SolveCopy(a, b, x, n, ld, nrhs, rowWise, workers, stackalloc T[size]);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(size);
        try
        {
            return SolveCopy(a, b, x, n, ld, nrhs, rowWise, workers, rented.AsSpan(0, size));
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
        SolveResult result = BlockedCholesky<T>.Factor(scratch, n, rowWise: false);
        if (result.Success)
        {
            CholeskyKernel<T>.InvertFactored(scratch, inverse, n);
        }

        return result;
    }

    // Factors a copy of a's stored triangle (buffer rows ld apart, BlockSizes.Stride), and only on
    // success copies b to x and solves there, so x is untouched on failure. Several right-hand sides
    // are solved on the factor closed up to stride n, which those solves take.
    private static SolveResult SolveCopy(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int ld, int nrhs, bool rowWise, int workers, Span<T> scratch)
    {
        SolveResult result = BlockedCholesky<T>.FactorCopy(a.Slice(0, n * n), scratch, n, ld, rowWise, workers);
        if (result.Success)
        {
            Span<T> xs = x.Slice(0, n * nrhs);
            b.Slice(0, n * nrhs).CopyTo(xs);
            if (nrhs == 1)
            {
                VectorSubstitution<T>.Solve(scratch, xs, n, ld, rowWise);
            }
            else
            {
                CloseUp(scratch, n, ld);
                BlockedCholesky<T>.Solve(scratch, xs, n, nrhs, rowWise);
            }
        }

        return result;
    }

    // Moves buffer rows ld apart to n apart, front to back (each row's new place starts no later
    // than its old one, and CopyTo allows the overlap).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CloseUp(Span<T> scratch, int n, int ld)
    {
        if (ld == n)
        {
            return;
        }

        for (int i = 1; i < n; i++)
        {
            scratch.Slice(i * ld, n).CopyTo(scratch.Slice(i * n, n));
        }
    }

    public static SolveResult LogDeterminant(ReadOnlySpan<T> a, out T logDeterminant, int n, Triangle triangle, MatrixLayout layout, int degreeOfParallelism)
    {
        bool rowWise = CheckShape(a.Length, nameof(a), n, 0, triangle, layout);
        int workers = Workers(degreeOfParallelism);
        int ld = BlockSizes<T>.Stride(n);
        int size = ld * n;
        if (size <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            return LogDeterminantCopy(a, out logDeterminant, n, ld, rowWise, workers, stackalloc T[size]);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(size);
        try
        {
            return LogDeterminantCopy(a, out logDeterminant, n, ld, rowWise, workers, rented.AsSpan(0, size));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    public static T LogDeterminantFactored(ReadOnlySpan<T> factor, int n, Triangle triangle, MatrixLayout layout)
    {
        CheckShape(factor.Length, nameof(factor), n, 0, triangle, layout);
        return LogDeterminantOf(factor, n, n);
    }

    private static SolveResult LogDeterminantCopy(ReadOnlySpan<T> a, out T logDeterminant, int n, int ld, bool rowWise, int workers, Span<T> scratch)
    {
        SolveResult result = BlockedCholesky<T>.FactorCopy(a.Slice(0, n * n), scratch, n, ld, rowWise, workers);
        logDeterminant = result.Success ? LogDeterminantOf(scratch, n, ld) : T.NaN;
        return result;
    }

    // log det A = 2·Σ log L(i, i); the diagonal sits at i·(ld + 1) in every storage. Summed in double
    // so float factors of large n do not lose the small terms.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T LogDeterminantOf(ReadOnlySpan<T> factor, int n, int ld)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Log(double.CreateTruncating(factor[i * (ld + 1)]));
        }

        return T.CreateTruncating(2 * sum);
    }

    // At most one worker per processor: more would only add scratch and contention.
    private static int Workers(int degreeOfParallelism)
    {
        if (degreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "degreeOfParallelism must be at least 1.");
        }

        return Math.Min(degreeOfParallelism, Environment.ProcessorCount);
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
