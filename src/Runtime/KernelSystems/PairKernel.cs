using System;

namespace Specialized;

/// <summary>The constants of one system's pair sums, in its element type.</summary>
internal readonly record struct PairConstants<T>(T C1, T C2, T CutoffSquared);

/// <summary>
/// Σⱼ k(‖pᵢ − pⱼ‖)·vⱼ for a few rows over lists of column ranges: the one virtual call per chunk of
/// rows, behind which <see cref="PairSums{T, TV, TS, TK, TD, TC}"/> runs fully specialized.
/// </summary>
internal abstract class PairKernel<T>
{
    /// <summary>Rows handled together: their coordinates broadcast, each point loaded once for all of them.</summary>
    public const int RowGroup = 4;

    /// <summary>
    /// Adds to sums[r·nrhs + q] the sum over every j in <paramref name="runs"/> of k(pᵢ, pⱼ)·v[columns[q] + j], for
    /// i = firstRow + r, r &lt; rowCount. Points are stored by coordinate: coordinate d of point j at coords[d·stride + j].
    /// Runs are (start, end) pairs, whole vectors long, within stride; v is zero wherever a run covers padding.
    /// </summary>
    public abstract void Accumulate(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount,
        ReadOnlySpan<int> runs, ReadOnlySpan<T> v, ReadOnlySpan<int> columns, PairConstants<T> constants, Span<double> sums);

    /// <summary>
    /// The block of pairs between rows firstRow .. firstRow + rowCount − 1 and points [from, end), used both ways: adds to
    /// rowSums[r·nrhs + q] the sum over j of k(pᵢ, pⱼ)·v[columns[q] + j], and to columnSums[q·(end − from) + j − from] the sum
    /// over i of k(pᵢ, pⱼ)·v[columns[q] + i], each pair's kernel formed once. rowCount is a whole number of
    /// <see cref="RowGroup"/>s and end − from of vectors; v is zero at padded rows and points.
    /// </summary>
    public abstract void AccumulateBoth(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount, int from, int end,
        ReadOnlySpan<T> v, ReadOnlySpan<int> columns, PairConstants<T> constants, Span<double> rowSums, Span<T> columnSums);

    /// <summary>
    /// Writes to <paramref name="kept"/> the positions j in [from, end), in order, within the cutoff of at least one of the rows
    /// firstRow .. firstRow + rowCount − 1, by the very distance and mask the sums use; returns how many. Reads whole vectors
    /// from <paramref name="from"/> on, so the coordinates must extend to the next whole vector past end.
    /// </summary>
    public abstract int Near(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount, int from, int end,
        PairConstants<T> constants, Span<int> kept);
}
