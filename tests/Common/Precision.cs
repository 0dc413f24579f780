using System;

namespace Specialized.Testing;

/// <summary>The floating-point type a solver under test works in.</summary>
public enum Precision
{
    /// <summary><see cref="double"/>.</summary>
    Double,

    /// <summary><see cref="float"/>.</summary>
    Single,
}

/// <summary>LAPACK's machine constants (dlamch) for each precision, as the dchkpo path uses them.</summary>
public static class Lapack
{
    /// <summary>dlamch('E'), the unit roundoff (2⁻⁵³ or 2⁻²⁴): the ε in dchkpo's test ratios (dpot01, dpot02, dget04).</summary>
    public static double Epsilon(Precision precision) =>
        precision == Precision.Double ? Math.ScaleB(1.0, -53) : Math.ScaleB(1.0, -24);

    /// <summary>dlamch('P'), ε·base (2⁻⁵² or 2⁻²³): the ε dlatb4 uses for the ill-conditioned and scaled types.</summary>
    public static double Ulp(Precision precision) =>
        precision == Precision.Double ? Math.ScaleB(1.0, -52) : Math.ScaleB(1.0, -23);

    /// <summary>dlamch('S'), the smallest normal number.</summary>
    public static double SafeMinimum(Precision precision) =>
        precision == Precision.Double ? Math.ScaleB(1.0, -1022) : Math.ScaleB(1.0, -126);

    /// <summary>The precision of <typeparamref name="T"/>: <see cref="double"/> or <see cref="float"/>.</summary>
    public static Precision PrecisionOf<T>() =>
        typeof(T) == typeof(double) ? Precision.Double
        : typeof(T) == typeof(float) ? Precision.Single
        : throw new NotSupportedException($"No precision for {typeof(T)}.");

    /// <summary>Rounds a double to the given precision (a no-op for double).</summary>
    public static double Round(double value, Precision precision) =>
        precision == Precision.Double ? value : (float)value;
}
