namespace Specialized.Benchmarks;

/// <summary>How many rows each fit of a <see cref="LeastSquaresJob{T}"/> has.</summary>
public enum RowShape
{
    /// <summary>Every fit 1000 x cols, the workload's timed case.</summary>
    Rows1000,

    /// <summary>
    /// Rows spread evenly over 200..1000 (fit k of count gets 200 + ⌊801·k / count⌋) and shuffled
    /// with a fixed seed: the workload's ragged neighbourhoods, with a total that bench/lsq-table.py and
    /// bench/numpy_normal.py can compute without the shuffle.
    /// </summary>
    Rows200To1000,
}
