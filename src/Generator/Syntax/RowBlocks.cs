namespace Specialized.Generator;

/// <summary>
/// How a vector kernel cuts the rows 0..n−1 of a column into registers of <c>lanes</c> rows:
/// blocks start at multiples of lanes, except the last, which ends at row n − 1 and may overlap
/// the one before it. Requires n ≥ lanes.
/// </summary>
internal sealed class RowBlocks
{
    private readonly int _n;
    private readonly int _lanes;

    public RowBlocks(int n, int lanes)
    {
        _n = n;
        _lanes = lanes;
        Count = (n + lanes - 1) / lanes;
    }

    public int Count { get; }

    public int Start(int block) => block < Count - 1 ? block * _lanes : _n - _lanes;

    /// <summary>The block that owns a row: the first one holding it. Later blocks are the ones a column from this row down needs.</summary>
    public int Of(int row) => System.Math.Min(row / _lanes, Count - 1);

    public int Lane(int row) => row - Start(Of(row));
}
