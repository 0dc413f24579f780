using System;
using System.Numerics;
using System.Threading.Tasks;

namespace Specialized;

public static partial class LeastSquares
{
    /// <summary>Fits per work item at least when a batch is split over threads.</summary>
    public const int MinFitsPerItem = 16;

    /// <summary>
    /// Fits count = <c>results.Length</c> problems with ragged row counts, one after another in the
    /// same spans: fit k uses rows <c>rowStarts[k]</c> to <c>rowStarts[k + 1] − 1</c>, its own
    /// (rowStarts[k+1] − rowStarts[k]) x cols block of A (in <paramref name="layout"/>) starting at
    /// <c>a[rowStarts[k]·cols]</c>, its observations at <c>b[rowStarts[k]]</c> and its coefficients at <c>x[k·cols]</c>.
    /// </summary>
    /// <remarks>Every argument is checked before the first fit starts. A fit that fails gets its own result and keeps its x; the others are unaffected.</remarks>
    /// <param name="a">The blocks of A, one after another.</param>
    /// <param name="b">The observations, one block after another.</param>
    /// <param name="rowStarts">count + 1 non-decreasing row offsets, from ≥ 0 (or empty when count is 0).</param>
    /// <param name="x">Receives count x cols coefficients.</param>
    /// <param name="results">One result per fit; its length is the count.</param>
    /// <param name="cols">The column count of every fit.</param>
    /// <param name="layout">The storage order of each block of A.</param>
    public static void FitBatch(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<int> rowStarts, Span<double> x, Span<SolveResult> results, int cols, MatrixLayout layout = MatrixLayout.RowMajor)
    {
        FitAll(a, b, rowStarts, x, results, cols, layout);
    }

    /// <inheritdoc cref="FitBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, Span{SolveResult}, int, MatrixLayout)"/>
    public static void FitBatch(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<int> rowStarts, Span<float> x, Span<SolveResult> results, int cols, MatrixLayout layout = MatrixLayout.RowMajor)
    {
        FitAll(a, b, rowStarts, x, results, cols, layout);
    }

    /// <summary>
    /// Fits a ragged batch laid out as in <see cref="FitBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, Span{SolveResult}, int, MatrixLayout)"/>
    /// with <paramref name="fit"/> (typically a generated <c>[LeastSquares]</c> method in a lambda) on up
    /// to <paramref name="degreeOfParallelism"/> threads of the thread pool.
    /// </summary>
    /// <remarks>
    /// Contiguous runs of whole fits (at least <see cref="MinFitsPerItem"/>, a few per thread) go to each
    /// work item; each result is what <paramref name="fit"/> gives for that fit alone. With one thread, or
    /// a batch too small to split, everything runs on the caller's thread and nothing is allocated;
    /// otherwise <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> allocates a few small
    /// objects per call. Exceptions <paramref name="fit"/> throws reach the caller inside an <see cref="AggregateException"/>.
    /// </remarks>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="fit">The single-fit solver.</param>
    /// <param name="a">The blocks of A, one after another.</param>
    /// <param name="b">The observations, one block after another.</param>
    /// <param name="rowStarts">count + 1 non-decreasing row offsets, from ≥ 0 (or empty when count is 0).</param>
    /// <param name="x">Receives count x cols coefficients.</param>
    /// <param name="results">One result per fit; its length is the count.</param>
    /// <param name="cols">The column count of every fit.</param>
    /// <param name="degreeOfParallelism">The most threads to use, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public static void FitBatch<T>(LeastSquaresSolver<T> fit, ReadOnlyMemory<T> a, ReadOnlyMemory<T> b, ReadOnlyMemory<int> rowStarts, Memory<T> x, Memory<SolveResult> results, int cols, int degreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(fit);
        CheckParallelism(degreeOfParallelism);
        int count = results.Length;
        CheckBatch(a.Length, b.Length, rowStarts.Span, x.Length, count, cols, MatrixLayout.RowMajor);
        int perItem = PerItem(count, degreeOfParallelism);
        if (perItem >= count)
        {
            FitRange(fit, a.Span, b.Span, rowStarts.Span, x.Span, results.Span, cols, 0, count);
            return;
        }

        Parallel.For(0, (count + perItem - 1) / perItem, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, item =>
        {
            int first = item * perItem;
            FitRange(fit, a.Span, b.Span, rowStarts.Span, x.Span, results.Span, cols, first, Math.Min(count, first + perItem));
        });
    }

    /// <summary>
    /// The weighted form of <see cref="FitBatch{T}(LeastSquaresSolver{T}, ReadOnlyMemory{T}, ReadOnlyMemory{T}, ReadOnlyMemory{int}, Memory{T}, Memory{SolveResult}, int, int)"/>:
    /// fit k's weights sit at <c>w[rowStarts[k]]</c>, next to its observations.
    /// </summary>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="fit">The single weighted-fit solver.</param>
    /// <param name="a">The blocks of A, one after another.</param>
    /// <param name="b">The observations, one block after another.</param>
    /// <param name="w">The weights, laid out like <paramref name="b"/>.</param>
    /// <param name="rowStarts">count + 1 non-decreasing row offsets, from ≥ 0 (or empty when count is 0).</param>
    /// <param name="x">Receives count x cols coefficients.</param>
    /// <param name="results">One result per fit; its length is the count.</param>
    /// <param name="cols">The column count of every fit.</param>
    /// <param name="degreeOfParallelism">The most threads to use, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public static void FitBatch<T>(WeightedLeastSquaresSolver<T> fit, ReadOnlyMemory<T> a, ReadOnlyMemory<T> b, ReadOnlyMemory<T> w, ReadOnlyMemory<int> rowStarts, Memory<T> x, Memory<SolveResult> results, int cols, int degreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(fit);
        CheckParallelism(degreeOfParallelism);
        int count = results.Length;
        CheckBatch(a.Length, b.Length, rowStarts.Span, x.Length, count, cols, MatrixLayout.RowMajor);
        if (!rowStarts.IsEmpty && rowStarts.Span[^1] > w.Length)
        {
            throw new ArgumentException($"The weight span holds {w.Length} elements; the fits need {rowStarts.Span[^1]}.", nameof(w));
        }

        int perItem = PerItem(count, degreeOfParallelism);
        if (perItem >= count)
        {
            FitRange(fit, a.Span, b.Span, w.Span, rowStarts.Span, x.Span, results.Span, cols, 0, count);
            return;
        }

        Parallel.For(0, (count + perItem - 1) / perItem, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, item =>
        {
            int first = item * perItem;
            FitRange(fit, a.Span, b.Span, w.Span, rowStarts.Span, x.Span, results.Span, cols, first, Math.Min(count, first + perItem));
        });
    }

    private static void FitAll<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<int> rowStarts, Span<T> x, Span<SolveResult> results, int cols, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBatch(a.Length, b.Length, rowStarts, x.Length, results.Length, cols, layout);
        for (int k = 0; k < results.Length; k++)
        {
            (int first, int rows) = (rowStarts[k], rowStarts[k + 1] - rowStarts[k]);
            results[k] = FitCore<T>.Fit(a.Slice(first * cols, rows * cols), b.Slice(first, rows), default, false, x.Slice(k * cols, cols), rows, cols, T.Zero, layout, refine: false);
        }
    }

    // Fits per work item: a few items per thread so that a slow thread does not hold up the end; the
    // whole count when one thread is asked for, so the caller's thread runs it without Parallel.For.
    private static int PerItem(int count, int degreeOfParallelism) =>
        degreeOfParallelism == 1 ? Math.Max(count, 1) : Math.Max(MinFitsPerItem, count / (4 * degreeOfParallelism));

    private static void FitRange<T>(LeastSquaresSolver<T> fit, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<int> rowStarts, Span<T> x, Span<SolveResult> results, int cols, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            (int first, int rows) = (rowStarts[k], rowStarts[k + 1] - rowStarts[k]);
            results[k] = fit(a.Slice(first * cols, rows * cols), b.Slice(first, rows), x.Slice(k * cols, cols), rows, cols);
        }
    }

    private static void FitRange<T>(WeightedLeastSquaresSolver<T> fit, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, ReadOnlySpan<int> rowStarts, Span<T> x, Span<SolveResult> results, int cols, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            (int first, int rows) = (rowStarts[k], rowStarts[k + 1] - rowStarts[k]);
            results[k] = fit(a.Slice(first * cols, rows * cols), b.Slice(first, rows), w.Slice(first, rows), x.Slice(k * cols, cols), rows, cols);
        }
    }

    private static void CheckParallelism(int degreeOfParallelism)
    {
        if (degreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "The degree of parallelism must be at least 1.");
        }
    }

    private static void CheckBatch(int aLength, int bLength, ReadOnlySpan<int> rowStarts, int xLength, int count, int cols, MatrixLayout layout)
    {
        FitShape.CheckLayout(layout);
        if (cols < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, "cols must be zero or positive.");
        }

        if (count == 0 && rowStarts.IsEmpty)
        {
            return;
        }

        if (rowStarts.Length != count + 1)
        {
            throw new ArgumentException($"rowStarts needs count + 1 = {count + 1} offsets; it holds {rowStarts.Length}.", nameof(rowStarts));
        }

        if (rowStarts[0] < 0)
        {
            throw new ArgumentException($"rowStarts[0] = {rowStarts[0]} is negative.", nameof(rowStarts));
        }

        for (int k = 0; k < count; k++)
        {
            if ((long)rowStarts[k + 1] - rowStarts[k] < cols)
            {
                throw new ArgumentException($"Fit {k} has {(long)rowStarts[k + 1] - rowStarts[k]} rows; each fit needs at least cols = {cols} (offsets must not decrease).", nameof(rowStarts));
            }
        }

        long end = rowStarts[count];
        if (end * cols > aLength)
        {
            throw new ArgumentException($"The matrix span holds {aLength} elements; the fits need {end * cols}.", "a");
        }

        if (end > bLength)
        {
            throw new ArgumentException($"The observation span holds {bLength} elements; the fits need {end}.", "b");
        }

        if ((long)count * cols > xLength)
        {
            throw new ArgumentException($"The solution span holds {xLength} elements; count x cols needs {(long)count * cols}.", "x");
        }
    }
}
