using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// The points reordered for the pair sums, built once by <see cref="KernelSystem{T}.Create"/>.
/// </summary>
/// <remarks>
/// <para>With a finite truncation radius r, the points fall into columns: a grid of cells at least r wide
/// over coordinates 1..3 (coordinate 0 and any beyond 3 are not gridded), each column sorted by
/// coordinate 0. A chunk of consecutive rows of one column then meets every point within r of it in
/// the 3^g neighbouring columns (g gridded coordinates), and within each only in the range of
/// coordinate 0 that the chunk's extent ± √(r² − gap²) allows, gap being the distance between the
/// chunk's and the column's bounding boxes over the gridded coordinates: a binary search per column.</para>
/// <para>Each column is padded to whole vectors plus one, so a range starts at its first point and is
/// rounded up to whole vectors without leaving its column: the extra lanes are points of the column beyond
/// the reach (masked by the cutoff) or padding, whose points copy a real one (so every distance stays finite)
/// and carry value 0.</para>
/// <para>Where it saves enough pairs, each chunk also gets a list: its own rows, then the points of its ranges within the cutoff of
/// at least one of its rows (by the very distance and mask the sums use, so the sums are unchanged), padded to whole vectors
/// with a padding point, and their coordinates copied in that order. Where the points are sparse next to the cutoff, most
/// of a range's vector lanes are padding or out of reach, and the list is several times shorter than the ranges.</para>
/// <para>Without truncation there is one column and every chunk ranges over all of it.</para>
/// </remarks>
internal sealed class PointGrid<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows per chunk with truncation: small, so the ranges fit the chunk closely.</summary>
    public const int TruncatedChunkRows = 8;

    /// <summary>Rows per chunk without truncation: each tile of points is reused by this many rows.</summary>
    public const int FullChunkRows = 64;

    /// <summary>A column is made at most this sparse (on average), or its ranges get shorter than a few vectors.</summary>
    private const int MinPointsPerColumn = 48;

    /// <summary>Lists are kept only if they cut the pairs of a pass to at most this share of the ranges'.</summary>
    private const double MaxListShare = 0.8;

    /// <summary>Lists are tried only where the ranges cover at most this many pairs per row.</summary>
    private const int MaxListRangePairs = 512;

    /// <summary>
    /// From this many points on, the chunks' ranges and lists are found on the worker team's threads (at N = 10⁴, γ = 1e4:
    /// Create 2.0-2.2 ms on one thread, 1.5-1.6 ms on two).
    /// </summary>
    private const int MinPointsForParallelBuild = 1 << 13;

    /// <summary>More points than this in one bin of coordinate 0 and the column is sorted by comparisons.</summary>
    private const int MaxPointsPerBin = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PointGrid(ReadOnlySpan<T> points, int count, int dimension, double cutoff, int lanes, int workers,
        PairKernel<T> near, PairConstants<T> constants)
    {
        Count = count;
        Dimension = dimension;
        int gridded = double.IsFinite(cutoff) ? Math.Min(dimension - 1, 3) : 0;
        var lo = new double[dimension];
        var hi = new double[dimension];
        Bounds(points, count, dimension, lo, hi);

        // Cells per gridded coordinate: as many as the cutoff allows, fewer if the columns would get too sparse.
        var cells = new int[gridded];
        double width = cutoff * (1 + 1e-6);
        long columns;
        while (true)
        {
            columns = 1;
            for (int a = 0; a < gridded; a++)
            {
                double extent = hi[a + 1] - lo[a + 1];
                cells[a] = (int)Math.Clamp(Math.Floor(extent / width), 1, 1 << 20);
                columns *= cells[a];
            }

            if (columns <= Math.Max(1, count / MinPointsPerColumn))
            {
                break;
            }

            width *= 1.25;
        }

        // Counting sort by (column, bin of coordinate 0), the bins about a point wide, then an insertion sort of
        // each column by coordinate 0 that only has to undo the order inside bins: linear time for spread points.
        // A column with a crowded bin (clustered points) is sorted by comparisons instead.
        int bins = (int)Math.Max(1, count / columns);
        double binScale = hi.Length > 0 && hi[0] > lo[0] ? bins / (hi[0] - lo[0]) : 0;
        var scratch = new PooledArrays();
        int[] bucket = scratch.Rent<int>(count);
        int[] bucketFill = scratch.RentCleared<int>(columns * bins + 1);
        var columnCount = new int[columns];
        for (int i = 0; i < count; i++)
        {
            int c = 0;
            for (int a = gridded - 1; a >= 0; a--)
            {
                double u = (double.CreateTruncating(points[i * dimension + a + 1]) - lo[a + 1]) / width;
                c = c * cells[a] + (int)Math.Clamp(Math.Floor(u), 0, cells[a] - 1);
            }

            double x = (double.CreateTruncating(points[i * dimension]) - lo[0]) * binScale;
            int k = c * bins + (int)Math.Clamp(Math.Floor(x), 0, bins - 1);
            bucket[i] = k;
            bucketFill[k + 1]++;
            columnCount[c]++;
        }

        ColumnStart = new int[columns + 1];
        var crowded = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            // A whole vector of padding past the last whole vector: a range may start anywhere and still end in the column.
            ColumnStart[c + 1] = ColumnStart[c] + (columnCount[c] + lanes - 1) / lanes * lanes + (gridded > 0 || double.IsFinite(cutoff) ? lanes : 0);

            // bucketFill becomes each bin's first position: the column's start plus the points of its earlier bins.
            int at = ColumnStart[c];
            for (int k = c * bins; k < (c + 1) * bins; k++)
            {
                int n = bucketFill[k + 1];
                crowded[c] |= n > MaxPointsPerBin;
                bucketFill[k] = at;
                at += n;
            }
        }

        Stride = ColumnStart[columns] + lanes;
        Position = _arrays.Rent<int>(count);
        int[] original = scratch.Rent<int>(Stride);
        double[] keys = scratch.Rent<double>(Stride);
        for (int i = 0; i < count; i++)
        {
            int p = bucketFill[bucket[i]]++;
            Position[i] = p;
            original[p] = i;
            keys[p] = double.CreateTruncating(points[i * dimension]);
        }

        for (int c = 0; c < columns; c++)
        {
            int start = ColumnStart[c], n = columnCount[c];
            if (crowded[c])
            {
                keys.AsSpan(start, n).Sort(original.AsSpan(start, n));
            }
            else
            {
                InsertionSort(keys, original, start, start + n);
            }

            for (int p = start; p < start + n; p++)
            {
                Position[original[p]] = p;
            }
        }

        // Coordinates by coordinate index; padding copies the column's first point (or point 0).
        Coordinates = _arrays.Rent<T>((long)dimension * Stride);
        for (int c = 0; c <= columns; c++)
        {
            int start = c < columns ? ColumnStart[c] : ColumnStart[columns];
            int end = c < columns ? ColumnStart[c + 1] : Stride;
            int n = c < columns ? columnCount[c] : 0;
            for (int p = start; p < end; p++)
            {
                int source = p < start + n ? original[p] : n > 0 ? original[start] : 0;
                for (int d = 0; d < dimension; d++)
                {
                    Coordinates[d * Stride + p] = count > 0 ? points[source * dimension + d] : T.Zero;
                }
            }
        }

        BuildChunks(columnCount, gridded, cells, keys, cutoff, lanes, workers, near, constants, scratch);
        scratch.ReturnAll();
    }

    /// <summary>Gives the grid's arrays back to the pools; the grid may not be used afterwards.</summary>
    public void Release() => _arrays.ReturnAll();

    // The arrays the grid keeps, until Release.
    private readonly PooledArrays _arrays = new();

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>Length of one coordinate's (or one right-hand side's) slice: every column padded, plus a vector.</summary>
    public int Stride { get; private set; }

    /// <summary>Position[i]: where original point i sits.</summary>
    public int[] Position { get; }

    /// <summary>Coordinate d of the point at position p: Coordinates[d·Stride + p].</summary>
    public T[] Coordinates { get; }

    /// <summary>Where each column starts, and (last) where the padded columns end.</summary>
    public int[] ColumnStart { get; }

    /// <summary>Chunk k: rows ChunkFirst[k] .. + ChunkRows[k] − 1, ranges Runs[RunStart[k] .. RunStart[k + 1]) (RunStart and Runs are empty when the grid has lists).</summary>
    public int[] ChunkFirst { get; private set; } = [];

    /// <inheritdoc cref="ChunkFirst"/>
    public int[] ChunkRows { get; private set; } = [];

    /// <inheritdoc cref="ChunkFirst"/>
    public int[] RunStart { get; private set; } = [];

    /// <summary>(start, end) position pairs, each a whole number of vectors long.</summary>
    public int[] Runs { get; private set; } = [];

    /// <summary>Chunk k's list (empty when the grid has no lists): entries ListStart[k] .. ListStart[k + 1] − 1, a whole number of vectors.</summary>
    public int[] ListStart { get; private set; } = [];

    /// <summary>The position of each list entry (padding entries point at a padding position, whose value is always 0).</summary>
    public int[] ListPosition { get; private set; } = [];

    /// <summary>Coordinate d of entry e of chunk k's list: ListCoordinates[ListStart[k]·Dimension + d·length + e], length that list's.</summary>
    public T[] ListCoordinates { get; private set; } = [];

    /// <summary>The longest list.</summary>
    public int MaxListLength { get; private set; }

    /// <summary>Pairs a pass covers, padding included: what one pass costs.</summary>
    public long PairsVisited { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Bounds(ReadOnlySpan<T> points, int count, int dimension, double[] lo, double[] hi)
    {
        Array.Fill(lo, double.PositiveInfinity);
        Array.Fill(hi, double.NegativeInfinity);
        for (int i = 0; i < count; i++)
        {
            for (int d = 0; d < dimension; d++)
            {
                double x = double.CreateTruncating(points[i * dimension + d]);
                lo[d] = Math.Min(lo[d], x);
                hi[d] = Math.Max(hi[d], x);
            }
        }
    }

    // Chunks of each column in turn; the ranges of a chunk go to a fixed slot first, so columns can be done in
    // parallel (for many points, on at most workers threads) and the result is the same whatever ran where.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildChunks(int[] columnCount, int gridded, int[] cells, double[] keys, double cutoff, int lanes, int workers,
        PairKernel<T> near, PairConstants<T> constants, PooledArrays scratch)
    {
        int columns = columnCount.Length;
        bool truncated = double.IsFinite(cutoff);
        int chunkRows = truncated ? TruncatedChunkRows : FullChunkRows;
        int neighbours = 1;
        for (int a = 0; a < gridded; a++)
        {
            neighbours *= 3;
        }

        var columnChunk = new int[columns + 1];
        for (int c = 0; c < columns; c++)
        {
            columnChunk[c + 1] = columnChunk[c] + (columnCount[c] + chunkRows - 1) / chunkRows;
        }

        int parts = workers > 1 && Count >= MinPointsForParallelBuild && columns > 1 ? Math.Min(workers, columns) : 1;

        // The library's worker team, not the thread pool: pool threads left spinning after a build took the cores from the
        // team's helpers in the solve that followed (one 1.7 ms solve took 13 ms). A build that finds the team busy runs alone.
        WorkerTeam? team = parts > 1 ? WorkerTeam.TryJoin(parts) : null;
        parts = team is null ? 1 : parts;
        try
        {
            LayChunks(columnCount, columnChunk, gridded, cells, keys, cutoff, lanes, chunkRows, neighbours, near, constants, scratch, team, parts);
        }
        finally
        {
            team?.Leave();
        }
    }

    // The chunks' rows and ranges, and their lists where those pay, on the team's threads if it has one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LayChunks(int[] columnCount, int[] columnChunk, int gridded, int[] cells, double[] keys, double cutoff, int lanes,
        int chunkRows, int neighbours, PairKernel<T> near, PairConstants<T> constants, PooledArrays scratch, WorkerTeam? team, int parts)
    {
        int columns = columnCount.Length;
        bool truncated = double.IsFinite(cutoff);
        int chunks = columnChunk[columns], slot = 2 * (truncated ? neighbours : 1);
        var layout = new ChunkLayout(columnCount, columnChunk, gridded, cells, keys, cutoff, lanes, chunkRows, neighbours,
            scratch.Rent<int>((long)chunks * slot), slot, scratch.Rent<int>((long)chunks * neighbours), scratch.Rent<int>(chunks));
        if (truncated)
        {
            ColumnBounds(columnCount, gridded, layout.ColumnLo, layout.ColumnHi);
        }

        // Each part takes a run of whole columns, so its lists follow one another in chunk order.
        var visited = new long[columns];
        RunParts(team, parts, columns, (c, _) => visited[c] = ColumnChunks(c, layout));
        foreach (long v in visited)
        {
            PairsVisited += v;
        }

        // Lists pay where ranges are mostly lanes out of reach; past MaxListRangePairs pairs per row the points are dense
        // next to the cutoff, the lists would be long and their gathers slower than the ranges' contiguous reads.
        var lists = new ListBuffer[parts];
        if (truncated && PairsVisited <= (long)MaxListRangePairs * Count)
        {
            for (int p = 0; p < parts; p++)
            {
                lists[p] = new ListBuffer(4096);
            }

            RunParts(team, parts, columns, (c, p) => ColumnLists(c, layout, near, constants, lists[p]));
        }

        long listPairs = 0, listEntries = 0;
        foreach (long v in layout.ListPairs)
        {
            listPairs += v;
        }

        foreach (ListBuffer? list in lists)
        {
            listEntries += list?.Count ?? 0;
        }

        ChunkFirst = layout.First;
        ChunkRows = layout.Rows;
        if (listEntries > 0 && listPairs <= MaxListShare * PairsVisited)
        {
            BuildLists(chunks, lists, layout.ListLength, listEntries);
            PairsVisited = listPairs;
        }
        else
        {
            // The ranges, packed: a pass over lists never reads them.
            var runStart = new int[chunks + 1];
            for (int k = 0; k < chunks; k++)
            {
                runStart[k + 1] = runStart[k] + layout.RunCount[k];
            }

            int[] runs = _arrays.Rent<int>(runStart[chunks]);
            for (int k = 0; k < chunks; k++)
            {
                Array.Copy(layout.Slots, k * slot, runs, runStart[k], layout.RunCount[k]);
            }

            RunStart = runStart;
            Runs = runs;
        }

        foreach (ListBuffer? list in lists)
        {
            list?.Release();
        }
    }

    // Calls body(column, part) for every column, part p taking the p-th run of whole columns, on the team's threads.
    private static void RunParts(WorkerTeam? team, int parts, int columns, Action<int, int> body)
    {
        if (team is not null && parts > 1)
        {
            team.Run(new PartsJob(parts, columns, body), parts);
        }
        else
        {
            PartColumns(0, 1, columns, body);
        }
    }

    private sealed class PartsJob(int parts, int columns, Action<int, int> body) : IParallelJob
    {
        public void Run(int part) => PartColumns(part, parts, columns, body);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PartColumns(int part, int parts, int columns, Action<int, int> body)
    {
        for (int c = (int)((long)columns * part / parts); c < (int)((long)columns * (part + 1) / parts); c++)
        {
            body(c, part);
        }
    }

    // The lists of every column, in chunk order, and their coordinates.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildLists(int chunks, ListBuffer?[] lists, int[] listLength, long entries)
    {
        var start = new int[chunks + 1];
        for (int k = 0; k < chunks; k++)
        {
            start[k + 1] = start[k] + listLength[k];
            MaxListLength = Math.Max(MaxListLength, listLength[k]);
        }

        int[] position = _arrays.Rent<int>(entries);
        int at = 0;
        foreach (ListBuffer? list in lists)
        {
            list!.Items.AsSpan(0, list.Count).CopyTo(position.AsSpan(at));
            at += list.Count;
        }

        foreach (int p in position.AsSpan(0, at))
        {
            if ((uint)p >= (uint)Stride)
            {
                throw new InvalidOperationException("A list entry lies outside the points.");
            }
        }

        // The coordinates in list order, read by every pass: gathering them each time from the points cost more than the copy.
        T[] coordinates = _arrays.Rent<T>(entries * Dimension);
        for (int k = 0; k < chunks; k++)
        {
            int first = start[k], length = start[k + 1] - first;
            for (int d = 0; d < Dimension; d++)
            {
                ListGather.Gather<T>(Coordinates.AsSpan(d * Stride, Stride), position.AsSpan(first, length),
                    coordinates.AsSpan(first * Dimension + d * length, length));
            }
        }

        ListStart = start;
        ListPosition = position;
        ListCoordinates = coordinates;
    }

    // The chunks of column c: their rows, and their ranges in their slots; returns the pairs they visit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long ColumnChunks(int c, ChunkLayout layout)
    {
        int[] columnCount = layout.ColumnCount, cells = layout.Cells;
        double[] keys = layout.Keys, columnLo = layout.ColumnLo, columnHi = layout.ColumnHi;
        int gridded = layout.Gridded, lanes = layout.Lanes, columns = columnCount.Length;
        double cutoff = layout.Cutoff;
        bool truncated = double.IsFinite(cutoff);
        Span<int> index = stackalloc int[3];
        Span<double> chunkLo = stackalloc double[3];
        Span<double> chunkHi = stackalloc double[3];
        long visited = 0;

        int chunk = layout.ColumnChunk[c];
        for (int r = 0; r < columnCount[c]; r += layout.ChunkRows, chunk++)
        {
            int start = ColumnStart[c] + r, n = Math.Min(layout.ChunkRows, columnCount[c] - r);
            layout.First[chunk] = start;
            layout.Rows[chunk] = n;
            Span<int> runs = layout.Slots.AsSpan(chunk * layout.Slot, layout.Slot);
            int used = 0;
            if (!truncated)
            {
                runs[used++] = 0;
                runs[used++] = ColumnStart[columns];
                visited += (long)n * ColumnStart[columns];
                layout.RunCount[chunk] = used;
                continue;
            }

            RangeBounds(start, n, gridded, chunkLo, chunkHi);
            double x0 = keys[start], x1 = keys[start + n - 1];
            int cc = c;
            for (int a = 0; a < gridded; a++)
            {
                index[a] = cc % cells[a];
                cc /= cells[a];
            }

            // Neighbour columns in storage order, so the ranges ascend.
            for (int m = 0; m < layout.Neighbours; m++)
            {
                int code = m, other = 0, scale = 1;
                bool inside = true;
                for (int a = 0; a < gridded; a++)
                {
                    int k = index[a] + code % 3 - 1;
                    code /= 3;
                    inside &= k >= 0 && k < cells[a];
                    other += k * scale;
                    scale *= cells[a];
                }

                if (!inside || columnCount[other] == 0)
                {
                    continue;
                }

                double gap2 = 0;
                for (int a = 0; a < gridded; a++)
                {
                    double g = Math.Max(0, Math.Max(columnLo[other * gridded + a] - chunkHi[a], chunkLo[a] - columnHi[other * gridded + a]));
                    gap2 += g * g;
                }

                double reach2 = cutoff * cutoff - gap2;
                if (reach2 < 0)
                {
                    continue;
                }

                double reach = Math.Sqrt(reach2);
                int os = ColumnStart[other], on = columnCount[other];
                int from = LowerBound(keys, os, os + on, x0 - reach);
                int to = LowerBound(keys, from, os + on, Math.BitIncrement(x1 + reach));
                if (from >= to)
                {
                    continue;
                }

                layout.Ends[chunk * layout.Neighbours + used / 2] = to;
                to = from + (to - from + lanes - 1) / lanes * lanes;
                runs[used++] = from;
                runs[used++] = to;
                visited += (long)n * (to - from);
            }

            layout.RunCount[chunk] = used;
        }

        return visited;
    }

    // The lists of column c's chunks, from their ranges, appended to list.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ColumnLists(int c, ChunkLayout layout, PairKernel<T> near, PairConstants<T> constants, ListBuffer list)
    {
        int lanes = layout.Lanes, columns = layout.ColumnCount.Length;
        long listPairs = 0;
        for (int chunk = layout.ColumnChunk[c]; chunk < layout.ColumnChunk[c + 1]; chunk++)
        {
            int start = layout.First[chunk], n = layout.Rows[chunk], used = layout.RunCount[chunk];
            ReadOnlySpan<int> runs = layout.Slots.AsSpan(chunk * layout.Slot, used);
            ReadOnlySpan<int> ends = layout.Ends.AsSpan(chunk * layout.Neighbours, used / 2);

            // The chunk's rows first (the sums read each row's coordinates from the list), then the points in reach.
            int before = list.Count, bound = n + lanes;
            for (int u = 0; u < used; u += 2)
            {
                bound += runs[u + 1] - runs[u];
            }

            Span<int> items = list.Reserve(bound);
            int length = 0;
            for (int p = start; p < start + n; p++)
            {
                items[length++] = p;
            }

            for (int u = 0; u < used; u += 2)
            {
                Span<int> kept = items.Slice(length);
                int found = near.Near(Coordinates, Stride, Dimension, start, n, runs[u], ends[u / 2], constants, kept);
                foreach (int j in kept.Slice(0, found))
                {
                    if (j < start || j >= start + n)
                    {
                        items[length++] = j;
                    }
                }
            }

            while (length % lanes != 0)
            {
                items[length++] = ColumnStart[columns];
            }

            list.Count = before + length;
            layout.ListLength[chunk] = length;
            listPairs += (long)n * length;
        }

        layout.ListPairs[c] = listPairs;
    }

    /// <summary>What the chunks of every column are built from, and the arrays they are built into.</summary>
    private sealed class ChunkLayout(int[] columnCount, int[] columnChunk, int gridded, int[] cells, double[] keys, double cutoff,
        int lanes, int chunkRows, int neighbours, int[] slots, int slot, int[] ends, int[] listLength)
    {
        public int[] ColumnCount { get; } = columnCount;

        public int[] ColumnChunk { get; } = columnChunk;

        public int Gridded { get; } = gridded;

        public int[] Cells { get; } = cells;

        public double[] Keys { get; } = keys;

        public double Cutoff { get; } = cutoff;

        public int Lanes { get; } = lanes;

        public int ChunkRows { get; } = chunkRows;

        public int Neighbours { get; } = neighbours;

        public int Slot { get; } = slot;

        public double[] ColumnLo { get; } = new double[columnCount.Length * gridded];

        public double[] ColumnHi { get; } = new double[columnCount.Length * gridded];

        public int[] First { get; } = new int[columnChunk[^1]];

        public int[] Rows { get; } = new int[columnChunk[^1]];

        public int[] RunCount { get; } = new int[columnChunk[^1]];

        public int[] Slots { get; } = slots;

        /// <summary>Where each range's points end before it is rounded up to whole vectors: chunk k's at Ends[k·Neighbours ..].</summary>
        public int[] Ends { get; } = ends;

        /// <summary>Each chunk's list length, once its column's lists are found.</summary>
        public int[] ListLength { get; } = listLength;

        public long[] ListPairs { get; } = new long[columnCount.Length];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ColumnBounds(int[] columnCount, int gridded, double[] columnLo, double[] columnHi)
    {
        var lo = new double[gridded];
        var hi = new double[gridded];
        for (int c = 0; c < columnCount.Length; c++)
        {
            RangeBounds(ColumnStart[c], columnCount[c], gridded, lo, hi);
            lo.CopyTo(columnLo, c * gridded);
            hi.CopyTo(columnHi, c * gridded);
        }
    }

    // The bounding box over the gridded coordinates (1..) of the points at positions start .. start + n − 1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RangeBounds(int start, int n, int gridded, Span<double> lo, Span<double> hi)
    {
        for (int a = 0; a < gridded; a++)
        {
            double l = double.PositiveInfinity, h = double.NegativeInfinity;
            ReadOnlySpan<T> coordinate = Coordinates.AsSpan((a + 1) * Stride + start, n);
            foreach (T x in coordinate)
            {
                double v = double.CreateTruncating(x);
                l = Math.Min(l, v);
                h = Math.Max(h, v);
            }

            lo[a] = l;
            hi[a] = h;
        }
    }

    // Sorts keys[from .. to) ascending, carrying original along; stable.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InsertionSort(double[] keys, int[] original, int from, int to)
    {
        for (int p = from + 1; p < to; p++)
        {
            double key = keys[p];
            int index = original[p], q = p - 1;
            while (q >= from && keys[q] > key)
            {
                keys[q + 1] = keys[q];
                original[q + 1] = original[q];
                q--;
            }

            keys[q + 1] = key;
            original[q + 1] = index;
        }
    }

    // The first position in [from, to) whose key is at least value (to if none).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LowerBound(double[] keys, int from, int to, double value)
    {
        while (from < to)
        {
            int mid = (from + to) >>> 1;
            if (keys[mid] < value)
            {
                from = mid + 1;
            }
            else
            {
                to = mid;
            }
        }

        return from;
    }

    /// <summary>The lists of a run of columns, one after another, in a pooled array that grows as needed.</summary>
    /// <remarks>Each part has its own, so the parts never share a pool's bookkeeping.</remarks>
    private sealed class ListBuffer(int capacity)
    {
        private readonly PooledArrays _arrays = new();

        public int[] Items { get; private set; } = [];

        public int Count { get; set; }

        /// <summary>Room for <paramref name="length"/> more items after <see cref="Count"/>.</summary>
        public Span<int> Reserve(int length)
        {
            if (Count + length > Items.Length)
            {
                int[] larger = _arrays.Rent<int>(Math.Max(Math.Max(2L * Items.Length, capacity), (long)Count + length));
                Items.AsSpan(0, Count).CopyTo(larger);
                Items = larger;
            }

            return Items.AsSpan(Count, length);
        }

        public void Release() => _arrays.ReturnAll();
    }
}
