using System;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Specialized;

/// <summary>
/// y = (αI + K)·v over the reordered points of a <see cref="PointGrid{T}"/>, for right-hand sides
/// stored by column (right-hand side q at v[columns[q] + position]), sums in double.
/// </summary>
/// <remarks>
/// Work is split into the grid's chunks, a fixed partition of the rows; threads take chunks in turn,
/// and each chunk's sums are formed in one fixed order whoever computes them, so the result does not
/// depend on the number of threads. Long ranges (no truncation) are cut into tiles of
/// <see cref="TileLength"/> points that stay in cache while the chunk's rows pass over them.
/// </remarks>
internal sealed class KernelOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Points per tile: coordinates and values of a tile stay in L1/L2 (3 coordinates + 1 value: 32 KB in float).</summary>
    public const int TileLength = 2048;

    /// <summary>Right-hand sides per pass over the pairs; more are done in several passes.</summary>
    public const int MaxColumnsPerPass = 8;

    /// <summary>
    /// Below this many pairs a pass (under 0.1 ms) runs on the calling thread: waking helpers and waiting for the slowest
    /// costs more, and on a busy machine a helper descheduled for a time slice stalls every pass (seen: N = 1,000 solves
    /// at 0.5 ms on one thread, 120-400 ms on two, with 20-30 runnable processes on 2 cores). Above it two threads pay on
    /// a quiet machine: N = 10⁴ (about 190,000 pairs a pass) multiplies in 0.09 ms on two against 0.15 ms on one.
    /// </summary>
    public const long MinPairsPerPassForThreads = 1 << 17;

    private const int MaxRunsPerTile = 64;

    private readonly PointGrid<T> _grid;
    private readonly PairKernel<T> _kernel;
    private readonly PairConstants<T> _constants;
    private readonly double _alpha;
    private Job? _cachedJob;

    /// <summary>The operator of <paramref name="grid"/>'s points; with <paramref name="everyPair"/> (no truncation) the pairs are
    /// swept once for both of their points (<see cref="SymmetricSweep{T}"/>).</summary>
    public KernelOperator(PointGrid<T> grid, PairKernel<T> kernel, PairConstants<T> constants, double alpha, int workers, bool everyPair)
    {
        _grid = grid;
        _kernel = kernel;
        _constants = constants;
        _alpha = alpha;
        Workers = grid.PairsVisited < MinPairsPerPassForThreads ? 1 : Math.Max(1, Math.Min(workers, grid.ChunkFirst.Length));

        // Chunks claimed together: enough pairs that the shared counter's cache line does not move between cores per chunk,
        // few enough that the last claims still even out the threads.
        int chunks = Math.Max(1, grid.ChunkFirst.Length);
        _claim = (int)Math.Clamp(PairsPerClaim * chunks / Math.Max(1, grid.PairsVisited), 1, Math.Max(1, chunks / (16 * Workers)));
        _sweep = everyPair ? new SymmetricSweep<T>(grid, kernel, constants, alpha, Workers) : null;
    }

    /// <summary>Pairs a thread takes per claim, about 20 µs of work.</summary>
    private const long PairsPerClaim = 1 << 17;

    private readonly int _claim;

    private readonly SymmetricSweep<T>? _sweep;

    public PointGrid<T> Grid => _grid;

    /// <summary>Threads a pass uses (at most the number of chunks).</summary>
    public int Workers { get; }

    /// <summary>
    /// y[columns[q] + p] = α·v[columns[q] + p] + Σⱼ k(p, j)·v[columns[q] + j] for every real row p; other entries of y are untouched.
    /// <paramref name="team"/> is the worker team held by the caller, or null to run on the calling thread alone:
    /// the team is taken only when another call holds it, and that call already keeps every core busy, so the
    /// thread pool would add allocations (Parallel.For) and no speed. Chunks are claimed one at a time and each
    /// row's sums are formed in one order, so the bits do not depend on which thread runs what.
    /// </summary>
    public void Apply(T[] v, double[] y, int[] columns, int columnCount, WorkerTeam? team)
    {
        if (_sweep is not null)
        {
            _sweep.Apply(v, y, columns, columnCount, team);
            return;
        }

        Job job = Interlocked.Exchange(ref _cachedJob, null) ?? new Job(this);
        job.Start(v, y, columns, columnCount);
        if (team is not null)
        {
            team.Run(job, Workers);
        }
        else
        {
            job.Run(0);
        }

        job.Clear();
        _cachedJob = job;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Chunk(int k, T[] v, double[] y, ReadOnlySpan<int> columns, Span<double> sums, Span<int> tile, T[] gathered)
    {
        int first = _grid.ChunkFirst[k], rows = _grid.ChunkRows[k];
        if (_grid.ListStart.Length > 0)
        {
            ListChunk(k, first, rows, v, y, columns, sums, tile, gathered);
            return;
        }

        ReadOnlySpan<int> runs = _grid.Runs.AsSpan(_grid.RunStart[k], _grid.RunStart[k + 1] - _grid.RunStart[k]);
        int nrhs = columns.Length;
        sums = sums.Slice(0, rows * nrhs);
        sums.Clear();

        // Tiles: the runs in order, a long one cut, at most TileLength points each.
        int used = 0, length = 0;
        for (int r = 0; r < runs.Length; r += 2)
        {
            for (int start = runs[r]; start < runs[r + 1];)
            {
                int end = Math.Min(runs[r + 1], start + (TileLength - length));
                tile[used++] = start;
                tile[used++] = end;
                length += end - start;
                start = end;
                if (length == TileLength || used == tile.Length)
                {
                    _kernel.Accumulate(_grid.Coordinates, _grid.Stride, _grid.Dimension, first, rows, tile.Slice(0, used), v, columns, _constants, sums);
                    used = 0;
                    length = 0;
                }
            }
        }

        if (used > 0)
        {
            _kernel.Accumulate(_grid.Coordinates, _grid.Stride, _grid.Dimension, first, rows, tile.Slice(0, used), v, columns, _constants, sums);
        }

        Store(first, rows, v, y, columns, sums);
    }

    // The chunk's list: its values gathered next to its coordinates (copied at Create), then one range over them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ListChunk(int k, int first, int rows, T[] v, double[] y, ReadOnlySpan<int> columns, Span<double> sums, Span<int> tile, T[] gathered)
    {
        int start = _grid.ListStart[k], length = _grid.ListStart[k + 1] - start, nrhs = columns.Length, dimension = _grid.Dimension;
        ReadOnlySpan<int> position = _grid.ListPosition.AsSpan(start, length);
        Span<int> offsets = tile.Slice(2, nrhs);
        for (int q = 0; q < nrhs; q++)
        {
            offsets[q] = q * length;
            ListGather.Gather<T>(v.AsSpan(columns[q], _grid.Stride), position, gathered.AsSpan(offsets[q], length));
        }

        tile[0] = 0;
        tile[1] = length;
        sums = sums.Slice(0, rows * nrhs);
        sums.Clear();
        _kernel.Accumulate(_grid.ListCoordinates.AsSpan(start * dimension, length * dimension), length, dimension, 0, rows,
            tile.Slice(0, 2), gathered, offsets, _constants, sums);
        Store(first, rows, v, y, columns, sums);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Store(int first, int rows, T[] v, double[] y, ReadOnlySpan<int> columns, ReadOnlySpan<double> sums)
    {
        int nrhs = columns.Length;
        for (int i = 0; i < rows; i++)
        {
            for (int q = 0; q < nrhs; q++)
            {
                int at = columns[q] + first + i;
                y[at] = _alpha * double.CreateTruncating(v[at]) + sums[i * nrhs + q];
            }
        }
    }

    /// <summary>One pass, as a parallel job whose parts take chunks in turn.</summary>
    private sealed class Job(KernelOperator<T> owner) : IParallelJob
    {
        // Per part: a chunk list's values, for every right-hand side of a pass.
        private readonly T[][] _gathered = Enumerable.Range(0, owner.Workers)
            .Select(_ => new T[owner._grid.MaxListLength * MaxColumnsPerPass]).ToArray();

        private T[] _v = [];
        private double[] _y = [];
        private int[] _columns = [];
        private int _columnCount;
        private int _next;

        public void Start(T[] v, double[] y, int[] columns, int columnCount)
        {
            _v = v;
            _y = y;
            _columns = columns;
            _columnCount = columnCount;
            _next = 0;
        }

        public void Clear()
        {
            _v = [];
            _y = [];
            _columns = [];
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int part)
        {
            Span<double> sums = stackalloc double[PointGrid<T>.FullChunkRows * MaxColumnsPerPass];
            Span<int> tile = stackalloc int[2 * MaxRunsPerTile];
            int chunks = owner._grid.ChunkFirst.Length, claim = owner._claim;
            T[] gathered = _gathered[part];
            for (int from = Interlocked.Add(ref _next, claim) - claim; from < chunks; from = Interlocked.Add(ref _next, claim) - claim)
            {
                for (int k = from; k < Math.Min(from + claim, chunks); k++)
                {
                    for (int q = 0; q < _columnCount; q += MaxColumnsPerPass)
                    {
                        ReadOnlySpan<int> columns = _columns.AsSpan(q, Math.Min(MaxColumnsPerPass, _columnCount - q));
                        owner.Chunk(k, _v, _y, columns, sums, tile, gathered);
                    }
                }
            }
        }
    }
}
