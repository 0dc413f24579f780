namespace Cluster;

/// <summary>
/// The orders one batch holds. A batch keeps to one band so that its systems cost about the same
/// and run through the same code; bands double in width so cost within a band varies at most 8x.
/// </summary>
internal readonly record struct SizeBand(int From, int To)
{
    public static readonly SizeBand[] All =
    [
        new(1, 8), new(9, 16), new(17, 32), new(33, 64), new(65, 128), new(129, 256), new(257, 400),
    ];

    public bool Contains(int n) => n >= From && n <= To;

    public override string ToString() => $"{From}..{To}";
}
