using System;

namespace Specialized;

/// <summary>The scratch one blocked factorization or solve packs into, carved from one span.</summary>
internal readonly ref struct PackBuffers<T>
    where T : unmanaged
{
    /// <summary>MC x KC block of A, in MR-row micro-panels.</summary>
    public readonly Span<T> A;

    /// <summary>KC x NC block of B, in NR-column micro-panels.</summary>
    public readonly Span<T> B;

    /// <summary>A transposed SolveBase x SolveChunk slice of a panel under direct substitution.</summary>
    public readonly Span<T> Panel;

    /// <summary>How many threads large updates and panel solves are shared among (1: none).</summary>
    public readonly int Workers;

    /// <summary>The helper threads the shared regions run on; null: <c>Parallel.For</c> (or one worker).</summary>
    public readonly WorkerTeam? Team;

    /// <summary>Workers x <see cref="WorkerLength"/> elements: each worker's own buffers.</summary>
    public readonly Span<T> WorkerScratch;

    /// <summary>The scratch of one worker, enough for its share of the widest update.</summary>
    public readonly int WorkerLength;

    /// <summary>The order of the problem, which bounds every update's rows and depth.</summary>
    public readonly int Order;

    public PackBuffers(Span<T> scratch, int n, int columns, int mr, int nr, int workers = 1, WorkerTeam? team = null)
    {
        (int a, int b, int panel) = Sizes(n, columns, mr, nr);
        A = scratch.Slice(0, a);
        B = scratch.Slice(a, b);
        Panel = scratch.Slice(a + b, panel);
        Order = n;
        Workers = workers;
        Team = team;
        WorkerLength = workers > 1 ? WorkerShare(n, columns, mr, nr, workers) : 0;
        WorkerScratch = scratch.Slice(a + b + panel, workers > 1 ? workers * WorkerLength : 0);
    }

    /// <summary>
    /// The buffers of worker <paramref name="part"/> of <paramref name="parts"/>, carved from
    /// <paramref name="workerScratch"/> (<see cref="WorkerScratch"/>, seen through a raw address by a
    /// worker thread). Only factorizations share work, so the widest update is order columns.
    /// </summary>
    public static unsafe PackBuffers<T> ForWorker(T* workerScratch, int workerLength, int part, int parts, int order, int mr, int nr) =>
        new(new Span<T>(workerScratch + (nint)part * workerLength, workerLength), order, (order + parts - 1) / parts + nr, mr, nr);

    /// <summary>
    /// Elements of scratch an order-n problem needs with an MR x NR micro-kernel, when its updates
    /// are at most <paramref name="columns"/> wide (n for a factorization, nrhs for a solve) and
    /// large ones are shared among <paramref name="workers"/> threads.
    /// </summary>
    public static int Length(int n, int columns, int mr, int nr, int workers = 1)
    {
        (int a, int b, int panel) = Sizes(n, columns, mr, nr);
        return a + b + panel + (workers > 1 ? workers * WorkerShare(n, columns, mr, nr, workers) : 0);
    }

    // A worker packs its own blocks for about columns/workers columns at a time; a wider share
    // just takes more column blocks.
    private static int WorkerShare(int n, int columns, int mr, int nr, int workers) =>
        Length(n, (columns + workers - 1) / workers + nr, mr, nr);

    // Every update has m ≤ n rows and a depth ≤ n; NC is the widest update itself.
    private static (int A, int B, int Panel) Sizes(int n, int columns, int mr, int nr)
    {
        int kc = Math.Min(BlockSizes<T>.KC, n);
        int mc = RoundUp(Math.Min(BlockSizes<T>.MC, n), mr);
        int nc = RoundUp(Math.Max(columns, 1), nr);
        return (mc * kc, kc * nc, BlockSizes<T>.SolveBase * BlockSizes<T>.SolveChunk);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
