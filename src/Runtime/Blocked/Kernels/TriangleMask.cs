using System;

namespace Specialized;

/// <summary>Which elements of C a blocked update may write, in C's own (i, j) indices.</summary>
internal enum TriangleMask
{
    /// <summary>Every element.</summary>
    Full,

    /// <summary>i ≥ j only: a symmetric (SYRK) update of a lower triangle.</summary>
    Lower,

    /// <summary>i ≤ j only: the same update seen through a transposed view.</summary>
    Upper,
}

/// <summary>Mask arithmetic for tiles.</summary>
internal static class TriangleMasks
{
    public static TriangleMask Transposed(this TriangleMask mask) => mask switch
    {
        TriangleMask.Lower => TriangleMask.Upper,
        TriangleMask.Upper => TriangleMask.Lower,
        _ => TriangleMask.Full,
    };

    /// <summary>Whether no element of the rows x cols block at (i0, j0) is writable.</summary>
    public static bool Excludes(this TriangleMask mask, int i0, int j0, int rows, int cols) => mask switch
    {
        TriangleMask.Lower => i0 + rows - 1 < j0,
        TriangleMask.Upper => i0 > j0 + cols - 1,
        _ => false,
    };

    /// <summary>Whether every element of the rows x cols block at (i0, j0) is writable.</summary>
    public static bool Covers(this TriangleMask mask, int i0, int j0, int rows, int cols) => mask switch
    {
        TriangleMask.Lower => i0 >= j0 + cols - 1,
        TriangleMask.Upper => i0 + rows - 1 <= j0,
        _ => true,
    };

    /// <summary>
    /// The writable columns [first, end) of a cols-wide row segment whose row index minus its first
    /// column index is <paramref name="offset"/>.
    /// </summary>
    public static (int First, int End) KeptColumns(this TriangleMask mask, int offset, int cols) => mask switch
    {
        TriangleMask.Lower => (0, Math.Clamp(offset + 1, 0, cols)),
        TriangleMask.Upper => (Math.Clamp(offset, 0, cols), cols),
        _ => (0, cols),
    };
}
