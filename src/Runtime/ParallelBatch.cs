using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Specialized;

/// <summary>Splits a batch of same-size systems over cores, each core running a <see cref="BatchSolver{T}"/> on its own contiguous part.</summary>
public static class ParallelBatch
{
    /// <summary>Systems per work item at least: fewer would spend more on scheduling than on solving.</summary>
    public const int MinSystemsPerItem = 1024;

    // The generated float batch kernels from n = 14 run 16 lanes on batches of up to 16 MiB of
    // matrices and 8 on larger ones, which stream from memory (16 lanes measured up to 1.6x slower
    // there); the generator's BatchWidth holds the same two numbers. Parts of such a larger batch keep
    // more than 16 MiB, so the kernel follows the whole batch; other batches keep their finer parts.
    private const int StreamedMinOrder = 14;
    private const long StreamedMatrixBytes = 16 << 20;

    /// <summary>
    /// Solves count = <c>results.Length</c> systems with <paramref name="solver"/> (a generated batch
    /// method such as <c>Fits.Solve</c>, or <c>Cholesky.SolveBatch</c> in a lambda), on up to
    /// <paramref name="degreeOfParallelism"/> threads of the thread pool.
    /// </summary>
    /// <remarks>
    /// <para>The batch is cut into contiguous parts of whole systems (a multiple of 16, at least
    /// <see cref="MinSystemsPerItem"/>), a few per thread so that a slow thread does not hold up the end;
    /// each part's results are exactly what the solver gives for it alone. A float batch of order 14 or
    /// more with more than 16 MiB of matrices is cut into parts of more than 16 MiB each: the generated
    /// kernels for those orders choose their vector width by the size of the batch they are given. With
    /// <paramref name="degreeOfParallelism"/> = 1, or a batch too small to split, the solver runs once
    /// on the caller's thread and nothing is allocated; otherwise <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
    /// allocates a few small objects per call (not per system).</para>
    /// <para>Exceptions the solver throws reach the caller inside an <see cref="AggregateException"/>.</para>
    /// </remarks>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="solver">The batch solver to run on each part.</param>
    /// <param name="a">count matrices, n x n each.</param>
    /// <param name="b">count right-hand sides of n elements.</param>
    /// <param name="x">Receives count solutions of n elements.</param>
    /// <param name="results">One result per system; its length is the count.</param>
    /// <param name="n">The order of every system.</param>
    /// <param name="degreeOfParallelism">The most threads to use, at least 1 (for example <see cref="Environment.ProcessorCount"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="solver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n is negative or <paramref name="degreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A span is shorter than count systems need.</exception>
    public static void Solve<T>(BatchSolver<T> solver, ReadOnlyMemory<T> a, ReadOnlyMemory<T> b, Memory<T> x, Memory<SolveResult> results, int n, int degreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (degreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "The degree of parallelism must be at least 1.");
        }

        int count = results.Length;
        BatchCore<T>.CheckShape(a.Length, b.Length, x.Length, count, n, Triangle.Lower, MatrixLayout.RowMajor);
        int perItem = Math.Max(MinSystemsPerItem, (count / (4 * degreeOfParallelism) + 15) & ~15);
        long matrixBytes = (long)n * n * Unsafe.SizeOf<T>();
        if (Unsafe.SizeOf<T>() == sizeof(float) && n >= StreamedMinOrder && count * matrixBytes > StreamedMatrixBytes)
        {
            perItem = Math.Max(perItem, (int)((StreamedMatrixBytes / matrixBytes) + 16) & ~15);
        }
        int items = (count + perItem - 1) / perItem;
        if (degreeOfParallelism == 1 || items <= 1)
        {
            solver(a.Span, b.Span, x.Span, results.Span, n);
            return;
        }

        int size = n * n;
        Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, item =>
        {
            int first = item * perItem;
            int length = Math.Min(perItem, count - first);
            solver(
                a.Span.Slice(first * size, length * size),
                b.Span.Slice(first * n, length * n),
                x.Span.Slice(first * n, length * n),
                results.Span.Slice(first, length),
                n);
        });
    }
}
