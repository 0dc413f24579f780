namespace Specialized.Generator;

/// <summary>
/// Where a batch kernel keeps one pass's factor and right-hand side: vectors in a cache-line-aligned
/// stack buffer <c>s</c>, L(i, k) for k &lt; i row by row, then the reciprocal pivots, then y.
/// </summary>
internal sealed class PassScratch
{
    private readonly int _n;
    private readonly int _start;

    /// <param name="n">The order of the systems.</param>
    /// <param name="group">Which group of W systems of the pass: each has a buffer of its own, one after another.</param>
    public PassScratch(int n, int group)
    {
        _n = n;
        _start = group * Length;
    }

    private int Triangle => _n * (_n - 1) / 2;

    /// <summary>The vectors one group's buffer holds.</summary>
    public int Length => Triangle + 2 * _n;

    /// <summary>L(i, k), k &lt; i.</summary>
    public string L(int i, int k) => At((i * (i - 1) / 2) + k);

    /// <summary>1 / D(k).</summary>
    public string R(int k) => At(Triangle + k);

    /// <summary>y(k): b(k) until row k, then L·y = b's solution.</summary>
    public string Y(int k) => At(Triangle + _n + k);

    private string At(int index) => KernelSyntax.Element("s", _start + index);
}
