using System;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace Specialized;

/// <summary>
/// y = (αI + K)·v over every pair (no truncation), each pair's kernel formed once for both of its points: K is symmetric,
/// so the block of tiles (a, b) gives tile a's rows their sums over tile b and tile b's rows their sums over tile a.
/// </summary>
/// <remarks>
/// The points are cut into tiles of <see cref="KernelOperator{T}.TileLength"/>. The items are the tiles' own blocks, then
/// every pair of tiles once, in rounds of a round-robin tournament: no two items of a round share a tile, so a round's items
/// run on any threads without writing the same rows, and each row receives its items' sums in round order. The bits do not
/// depend on the number of threads.
/// </remarks>
internal sealed class SymmetricSweep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows per call into the kernel: their sums fit a small stack buffer.</summary>
    private const int RowBlock = 64;

    /// <summary>
    /// Rows whose sums a point accumulates in T before they are added in double: no more terms per lane than a row's
    /// lanes take over a tile (<see cref="KernelOperator{T}.TileLength"/> / 16), so the points' sums round no worse.
    /// </summary>
    private const int FoldRows = 128;

    private readonly PointGrid<T> _grid;
    private readonly PairKernel<T> _kernel;
    private readonly PairConstants<T> _constants;
    private readonly double _alpha;
    private readonly int _padded;
    private readonly int[] _items;
    private readonly int[] _roundStart;
    private Job? _cachedJob;

    public SymmetricSweep(PointGrid<T> grid, PairKernel<T> kernel, PairConstants<T> constants, double alpha, int workers)
    {
        _grid = grid;
        _kernel = kernel;
        _constants = constants;
        _alpha = alpha;
        _padded = grid.ColumnStart[^1];
        int tiles = (_padded + KernelOperator<T>.TileLength - 1) / KernelOperator<T>.TileLength;
        (_items, _roundStart) = Schedule(tiles);
        Workers = workers;
    }

    /// <summary>Threads a round uses at most.</summary>
    public int Workers { get; }

    /// <summary>Same contract as <see cref="KernelOperator{T}.Apply"/>.</summary>
    public void Apply(T[] v, double[] y, int[] columns, int columnCount, WorkerTeam? team)
    {
        Job job = Interlocked.Exchange(ref _cachedJob, null) ?? new Job(this);
        job.Start(v, y, columns, columnCount);
        for (int round = 0; round + 1 < _roundStart.Length; round++)
        {
            int items = _roundStart[round + 1] - _roundStart[round];
            job.StartRound(_roundStart[round], _roundStart[round + 1]);
            if (team is not null && items > 1)
            {
                team.Run(job, Math.Min(Workers, items));
            }
            else
            {
                job.Run(0);
            }
        }

        job.Clear();
        _cachedJob = job;
    }

    /// <summary>
    /// The items as tile pairs (a, b), by round: first (a, a) for every tile, then the circle method's rounds, in which
    /// each tile meets one other (or sits out, for an odd count).
    /// </summary>
    internal static (int[] Items, int[] RoundStart) Schedule(int tiles)
    {
        var items = new int[2 * (tiles + tiles * (tiles - 1) / 2)];
        int m = tiles % 2 == 0 ? tiles : tiles + 1;
        var roundStart = new int[1 + (tiles > 0 ? 1 : 0) + Math.Max(0, m - 1)];
        int count = 0, round = 0;
        if (tiles > 0)
        {
            for (int a = 0; a < tiles; a++)
            {
                items[2 * count] = a;
                items[2 * count++ + 1] = a;
            }

            roundStart[++round] = count;
        }

        for (int r = 0; r < m - 1; r++)
        {
            for (int k = 0; k < m / 2; k++)
            {
                int a = k == 0 ? m - 1 : (r + k) % (m - 1), b = k == 0 ? r : (r - k + m - 1) % (m - 1);
                if (a < tiles && b < tiles)
                {
                    items[2 * count] = a;
                    items[2 * count++ + 1] = b;
                }
            }

            roundStart[++round] = count;
        }

        return (items, roundStart);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Item(int a, int b, T[] v, double[] y, ReadOnlySpan<int> columns, Span<double> rowSums, T[] columnSums, double[] columnTotals)
    {
        int length = KernelOperator<T>.TileLength, count = _grid.Count, nrhs = columns.Length;
        int rowFirst = a * length, rowEnd = Math.Min(rowFirst + length, _padded);
        int from = b * length, end = Math.Min(from + length, _padded), width = end - from;
        Span<int> run = stackalloc int[] { from, end };
        Span<T> points = columnSums.AsSpan(0, nrhs * width);
        Span<double> totals = columnTotals.AsSpan(0, nrhs * width);
        points.Clear();
        totals.Clear();
        for (int first = rowFirst; first < rowEnd; first += RowBlock)
        {
            // Whole row groups: past the last point the coordinates are padding and v is zero, so extra rows add nothing.
            int rows = Math.Min(RowBlock, (rowEnd - first + PairKernel<T>.RowGroup - 1) / PairKernel<T>.RowGroup * PairKernel<T>.RowGroup);
            Span<double> sums = rowSums.Slice(0, rows * nrhs);
            sums.Clear();
            if (a == b)
            {
                _kernel.Accumulate(_grid.Coordinates, _grid.Stride, _grid.Dimension, first, rows, run, v, columns, _constants, sums);
            }
            else
            {
                _kernel.AccumulateBoth(_grid.Coordinates, _grid.Stride, _grid.Dimension, first, rows, from, end, v, columns, _constants, sums, points);
            }

            if (a != b && ((first - rowFirst + rows) % FoldRows == 0 || first + rows >= rowEnd))
            {
                Fold(points, totals);
            }

            for (int i = 0; i < Math.Min(rows, count - first); i++)
            {
                for (int q = 0; q < nrhs; q++)
                {
                    int at = columns[q] + first + i;
                    y[at] = a == b ? _alpha * double.CreateTruncating(v[at]) + sums[i * nrhs + q] : y[at] + sums[i * nrhs + q];
                }
            }
        }

        if (a != b)
        {
            for (int q = 0; q < nrhs; q++)
            {
                ReadOnlySpan<double> sums = totals.Slice(q * width, width);
                Span<double> target = y.AsSpan(columns[q] + from, Math.Max(0, Math.Min(width, count - from)));
                for (int j = 0; j < target.Length; j++)
                {
                    target[j] += sums[j];
                }
            }
        }
    }

    /// <summary>total += partial in double, and partial cleared.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fold(Span<T> partial, Span<double> total)
    {
        if (total.Length < partial.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(total));
        }

        int j = 0;
        ref double t = ref MemoryMarshal.GetReference(total);
        if (Vector256.IsHardwareAccelerated && typeof(T) == typeof(float))
        {
            ref float p = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(partial));
            for (; j + Vector256<float>.Count <= partial.Length; j += Vector256<float>.Count)
            {
                (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(Vector256.LoadUnsafe(ref p, (nuint)j));
                (Vector256.LoadUnsafe(ref t, (nuint)j) + lower).StoreUnsafe(ref t, (nuint)j);
                (Vector256.LoadUnsafe(ref t, (nuint)(j + Vector256<double>.Count)) + upper).StoreUnsafe(ref t, (nuint)(j + Vector256<double>.Count));
            }
        }
        else if (Vector256.IsHardwareAccelerated && typeof(T) == typeof(double))
        {
            ref double p = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(partial));
            for (; j + Vector256<double>.Count <= partial.Length; j += Vector256<double>.Count)
            {
                (Vector256.LoadUnsafe(ref t, (nuint)j) + Vector256.LoadUnsafe(ref p, (nuint)j)).StoreUnsafe(ref t, (nuint)j);
            }
        }

        for (; j < partial.Length; j++)
        {
            total[j] += double.CreateTruncating(partial[j]);
        }

        partial.Clear();
    }

    /// <summary>One pass; a round at a time, its parts taking the round's items in turn.</summary>
    private sealed class Job(SymmetricSweep<T> owner) : IParallelJob
    {
        // Per part: the points' sums of one item, for every right-hand side of a pass, in T over a few rows and in double.
        private readonly T[][] _columnSums = Enumerable.Range(0, owner.Workers)
            .Select(_ => new T[KernelOperator<T>.TileLength * KernelOperator<T>.MaxColumnsPerPass]).ToArray();

        private readonly double[][] _columnTotals = Enumerable.Range(0, owner.Workers)
            .Select(_ => new double[KernelOperator<T>.TileLength * KernelOperator<T>.MaxColumnsPerPass]).ToArray();

        private T[] _v = [];
        private double[] _y = [];
        private int[] _columns = [];
        private int _columnCount;
        private int _next;
        private int _end;

        public void Start(T[] v, double[] y, int[] columns, int columnCount)
        {
            _v = v;
            _y = y;
            _columns = columns;
            _columnCount = columnCount;
        }

        public void StartRound(int first, int end)
        {
            _next = first;
            _end = end;
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
            Span<double> rowSums = stackalloc double[RowBlock * KernelOperator<T>.MaxColumnsPerPass];
            T[] columnSums = _columnSums[part];
            double[] columnTotals = _columnTotals[part];
            int[] items = owner._items;
            for (int item = Interlocked.Increment(ref _next) - 1; item < _end; item = Interlocked.Increment(ref _next) - 1)
            {
                for (int q = 0; q < _columnCount; q += KernelOperator<T>.MaxColumnsPerPass)
                {
                    ReadOnlySpan<int> columns = _columns.AsSpan(q, Math.Min(KernelOperator<T>.MaxColumnsPerPass, _columnCount - q));
                    owner.Item(items[2 * item], items[2 * item + 1], _v, _y, columns, rowSums, columnSums, columnTotals);
                }
            }
        }
    }
}
