using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>The sizes, storage combinations and seeds every test draws from.</summary>
internal static class TestData
{
    /// <summary>Every n up to 40, then dchkpo's 50, both sides of the powers of two and a few larger, odd ones.</summary>
    public static readonly int[] Sizes = [.. Enumerable.Range(0, 41), 50, 63, 64, 65, 100, 128, 257];

    public static readonly Precision[] Precisions = [Precision.Double, Precision.Single];

    public static readonly (Triangle Triangle, MatrixLayout Layout)[] Storages =
    [
        (Triangle.Lower, MatrixLayout.RowMajor),
        (Triangle.Lower, MatrixLayout.ColumnMajor),
        (Triangle.Upper, MatrixLayout.RowMajor),
        (Triangle.Upper, MatrixLayout.ColumnMajor),
    ];

    /// <summary>dchkpo's right-hand-side counts (1, 2, 15) and 3, an odd count below one vector.</summary>
    public static readonly int[] RightHandSideCounts = [1, 2, 3, 15];

    /// <summary>A seed per case, so neighbouring sizes and types do not share a Q.</summary>
    public static int Seed(int n, int type) => 1988 + 7919 * n + 31 * type;

    /// <summary>(precision, n, type) for every dchkpo type dchkpo runs at n, SPD or not as asked.</summary>
    public static IEnumerable<object[]> Cases(bool spd) =>
        from precision in Precisions
        from n in Sizes
        from type in Enumerable.Range(1, 9)
        where TestMatrix.Applies(type, n) && (TestMatrix.ZeroedIndexFor(type, n) < 0) == spd
        select new object[] { precision, n, type };

    /// <summary>Distinct, recognisable values (1000·salt + k + ¼), so any write to a buffer shows.</summary>
    public static T[] Sentinels<T>(int length, int salt)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int k = 0; k < length; k++)
        {
            values[k] = T.CreateTruncating(1000 * salt + k + 0.25);
        }

        return values;
    }
}
