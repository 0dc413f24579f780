using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// The runtime least-squares fit for any column count: AᵀWA and AᵀWb accumulated by the blocked
/// SYRK (the Gemm loop nest with a lower-triangle mask) over chunks of rows, then the runtime
/// Cholesky, then optionally one step of refinement with the residual computed from A itself.
/// </summary>
internal static class FitCore<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows per chunk: one packed rank-KC update of the Gram matrix.</summary>
    private static int ChunkRows => BlockSizes<T>.KC;

    /// <summary>Fits after the caller's checks; an empty <paramref name="w"/> with <paramref name="weighted"/> false means unit weights.</summary>
    public static SolveResult Fit(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, bool weighted, Span<T> x, int rows, int cols, T ridge, MatrixLayout layout, bool refine)
    {
        if (cols == 0)
        {
            return SolveResult.Succeeded;
        }

        if (Vector512.IsHardwareAccelerated)
        {
            return Fit<MicroKernel512<T>>(a, b, w, weighted, x, rows, cols, ridge, layout, refine);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return Fit<MicroKernel256<T>>(a, b, w, weighted, x, rows, cols, ridge, layout, refine);
        }

        return Vector128.IsHardwareAccelerated
            ? Fit<MicroKernel128<T>>(a, b, w, weighted, x, rows, cols, ridge, layout, refine)
            : Fit<MicroKernelScalar<T>>(a, b, w, weighted, x, rows, cols, ridge, layout, refine);
    }

    /// <summary>Elements of scratch one fit needs (see <see cref="Run{TKernel}"/> for how they are carved).</summary>
    private static int ScratchLength<TKernel>(int rows, int cols, bool weighted)
        where TKernel : struct, IMicroKernel<T>
    {
        int chunk = Math.Min(ChunkRows, rows);
        return cols * cols + 2 * cols + (weighted ? 2 : 1) * cols * chunk + chunk
            + PackBuffers<T>.Length(Math.Max(cols, chunk), cols, TKernel.MR, TKernel.NR);
    }

    private static SolveResult Fit<TKernel>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, bool weighted, Span<T> x, int rows, int cols, T ridge, MatrixLayout layout, bool refine)
        where TKernel : struct, IMicroKernel<T>
    {
        int length = ScratchLength<TKernel>(rows, cols, weighted);
        if (length <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            return Run<TKernel>(a, b, w, weighted, x, rows, cols, ridge, layout, refine, stackalloc T[length]);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(length);
        try
        {
            return Run<TKernel>(a, b, w, weighted, x, rows, cols, ridge, layout, refine, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SolveResult Run<TKernel>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, bool weighted, Span<T> x, int rows, int cols, T ridge, MatrixLayout layout, bool refine, Span<T> scratch)
        where TKernel : struct, IMicroKernel<T>
    {
        int chunk = Math.Min(ChunkRows, rows);
        Span<T> gram = scratch.Slice(0, cols * cols);
        Span<T> solution = scratch.Slice(cols * cols, cols);
        Span<T> correction = scratch.Slice(cols * cols + cols, cols);
        Span<T> rest = scratch.Slice(cols * cols + 2 * cols);
        Span<T> columns = rest.Slice(0, cols * chunk);
        Span<T> weightedColumns = weighted ? rest.Slice(cols * chunk, cols * chunk) : columns;
        Span<T> residual = rest.Slice((weighted ? 2 : 1) * cols * chunk, chunk);
        var buffers = new PackBuffers<T>(rest.Slice((weighted ? 2 : 1) * cols * chunk + chunk), Math.Max(cols, chunk), cols, TKernel.MR, TKernel.NR);

        gram.Clear();
        solution.Clear();
        var g = new MatrixRef<T>(ref gram[0], cols, 1);
        for (int first = 0; first < rows; first += chunk)
        {
            int count = Math.Min(chunk, rows - first);
            Transpose(a, layout, rows, cols, first, count, columns);
            Weigh(w, weighted, first, count, cols, columns, weightedColumns);

            // gram −= X·(WX)ᵀ on the lower triangle: the Cholesky below reads nothing else.
            var xs = new MatrixRef<T>(ref columns[0], count, 1);
            var wxs = new MatrixRef<T>(ref weightedColumns[0], count, 1);
            Gemm<T, TKernel>.Update(g, xs, wxs, cols, cols, count, TriangleMask.Lower, buffers);
            ReadOnlySpan<T> observations = b.Slice(first, count);
            for (int j = 0; j < cols; j++)
            {
                solution[j] += VectorOps.Dot<T>(weightedColumns.Slice(j * count, count), observations);
            }
        }

        for (int i = 0; i < cols; i++)
        {
            VectorOps.Scale(T.NegativeOne, gram.Slice(i * cols, i + 1));
            gram[i * cols + i] += ridge;
        }

        SolveResult result = BlockedCholesky<T>.Factor(gram, cols, rowWise: true);
        if (!result.Success)
        {
            return result;
        }

        BlockedCholesky<T>.Solve(gram, solution, cols, 1, rowWise: true);
        if (refine)
        {
            Refine(a, b, w, weighted, rows, cols, ridge, layout, gram, solution, correction, columns, residual);
        }

        solution.CopyTo(x);
        return result;
    }

    /// <summary>
    /// One step of semi-normal refinement: r = b − A·x from A itself (not from the Gram matrix, whose
    /// rounding is what limits x), then (AᵀWA + ridge·I)·dx = AᵀW·r − ridge·x with the same factor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Refine(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, bool weighted, int rows, int cols, T ridge, MatrixLayout layout, ReadOnlySpan<T> factor, Span<T> solution, Span<T> correction, Span<T> columns, Span<T> residual)
    {
        int chunk = residual.Length;
        for (int j = 0; j < cols; j++)
        {
            correction[j] = -ridge * solution[j];
        }

        for (int first = 0; first < rows; first += chunk)
        {
            int count = Math.Min(chunk, rows - first);
            Transpose(a, layout, rows, cols, first, count, columns);
            Span<T> r = residual.Slice(0, count);
            b.Slice(first, count).CopyTo(r);
            for (int j = 0; j < cols; j++)
            {
                VectorOps.Axpy(-solution[j], columns.Slice(j * count, count), r);
            }

            if (weighted)
            {
                for (int t = 0; t < count; t++)
                {
                    r[t] *= w[first + t];
                }
            }

            for (int j = 0; j < cols; j++)
            {
                correction[j] += VectorOps.Dot<T>(columns.Slice(j * count, count), r);
            }
        }

        BlockedCholesky<T>.Solve(factor, correction, cols, 1, rowWise: true);
        for (int j = 0; j < cols; j++)
        {
            solution[j] += correction[j];
        }
    }

    // columns[j·count + t] = A(first + t, j): each column of the chunk contiguous, for the dots and the packing.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ReadOnlySpan<T> a, MatrixLayout layout, int rows, int cols, int first, int count, Span<T> columns)
    {
        if (layout == MatrixLayout.ColumnMajor)
        {
            for (int j = 0; j < cols; j++)
            {
                a.Slice(j * rows + first, count).CopyTo(columns.Slice(j * count, count));
            }

            return;
        }

        for (int t = 0; t < count; t++)
        {
            ReadOnlySpan<T> row = a.Slice((first + t) * cols, cols);
            for (int j = 0; j < cols; j++)
            {
                columns[j * count + t] = row[j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Weigh(ReadOnlySpan<T> w, bool weighted, int first, int count, int cols, ReadOnlySpan<T> columns, Span<T> weightedColumns)
    {
        if (!weighted)
        {
            return;
        }

        ReadOnlySpan<T> weights = w.Slice(first, count);
        for (int j = 0; j < cols; j++)
        {
            ReadOnlySpan<T> source = columns.Slice(j * count, count);
            Span<T> target = weightedColumns.Slice(j * count, count);
            for (int t = 0; t < count; t++)
            {
                target[t] = source[t] * weights[t];
            }
        }
    }
}
