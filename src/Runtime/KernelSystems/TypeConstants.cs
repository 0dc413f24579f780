namespace Specialized;

/// <summary>
/// The number of coordinates as a type, so the pair sums for dimension 1..8 compile with it as a
/// constant (the coordinate loop unrolled, the unused registers gone); <see cref="DimensionAny"/> reads
/// it at run time. The other interfaces here make the cutoff mask and the number of right-hand sides
/// per pass constants the same way.
/// </summary>
internal interface IDimension
{
    /// <summary>The dimension, or 0 for <see cref="DimensionAny"/>.</summary>
    static abstract int Value { get; }
}

internal readonly struct Dimension1 : IDimension { public static int Value => 1; }

internal readonly struct Dimension2 : IDimension { public static int Value => 2; }

internal readonly struct Dimension3 : IDimension { public static int Value => 3; }

internal readonly struct Dimension4 : IDimension { public static int Value => 4; }

internal readonly struct Dimension5 : IDimension { public static int Value => 5; }

internal readonly struct Dimension6 : IDimension { public static int Value => 6; }

internal readonly struct Dimension7 : IDimension { public static int Value => 7; }

internal readonly struct Dimension8 : IDimension { public static int Value => 8; }

/// <summary>Any dimension, read at run time.</summary>
internal readonly struct DimensionAny : IDimension { public static int Value => 0; }

/// <summary>Whether pairs farther apart than the truncation radius are masked out.</summary>
internal interface ICutoff
{
    static abstract bool Enabled { get; }
}

internal readonly struct WithCutoff : ICutoff { public static bool Enabled => true; }

internal readonly struct NoCutoff : ICutoff { public static bool Enabled => false; }

/// <summary>How many right-hand sides one pass over the pairs accumulates (1, 2 or 4).</summary>
internal interface IRhsCount
{
    static abstract int Value { get; }
}

internal readonly struct Rhs1 : IRhsCount { public static int Value => 1; }

internal readonly struct Rhs2 : IRhsCount { public static int Value => 2; }

internal readonly struct Rhs4 : IRhsCount { public static int Value => 4; }

/// <summary>Whether a pass of the pair sums also adds each pair to its point's side (<see cref="PairKernel{T}.AccumulateBoth"/>).</summary>
internal interface IPointSide
{
    static abstract bool Value { get; }
}

internal readonly struct RowsOnly : IPointSide { public static bool Value => false; }

internal readonly struct RowsAndPoints : IPointSide { public static bool Value => true; }
