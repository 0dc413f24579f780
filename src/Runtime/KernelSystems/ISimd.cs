using System.Numerics;

namespace Specialized;

/// <summary>
/// The vector operations the pair sums need, for one register width and element type. The pair
/// sums are generic over a struct implementing this (TensorPrimitives' pattern), so the JIT compiles
/// one copy per width with every call inlined.
/// </summary>
/// <typeparam name="TV">The vector type (Vector512/256/128 of <typeparamref name="T"/>).</typeparam>
/// <typeparam name="T">float or double.</typeparam>
internal interface ISimd<TV, T>
    where TV : struct
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Lanes in one vector.</summary>
    static abstract int Count { get; }

    /// <summary>Reads <see cref="Count"/> elements from <paramref name="source"/> on.</summary>
    static abstract TV Load(ref T source);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TV Splat(T value);

    static abstract TV Add(TV a, TV b);

    static abstract TV Subtract(TV a, TV b);

    static abstract TV Multiply(TV a, TV b);

    /// <summary>a·b + c, in one rounding where the hardware has FMA.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    static abstract TV Divide(TV a, TV b);

    static abstract TV Sqrt(TV a);

    /// <summary>Lanes of <paramref name="a"/> where <paramref name="keep"/> has all bits set, zero elsewhere.</summary>
    static abstract TV Select(TV keep, TV a);

    /// <summary>All bits set in the lanes where a ≤ b.</summary>
    static abstract TV LessOrEqual(TV a, TV b);

    /// <summary>Bit l set where lane l of <paramref name="mask"/> (from <see cref="LessOrEqual"/>) is set.</summary>
    static abstract ulong Bits(TV mask);

    /// <summary>
    /// t raised to the least argument whose power of two <see cref="ScaleB"/> can still form (identity
    /// where <see cref="ScaleB"/> handles any exponent).
    /// </summary>
    static abstract TV ClampExponent(TV t);

    /// <summary>Each lane rounded to the nearest integer (ties to even).</summary>
    static abstract TV Round(TV t);

    /// <summary>p·2^n for integer-valued n, at least the clamp of <see cref="ClampExponent"/>.</summary>
    static abstract TV ScaleB(TV p, TV n);

    /// <summary>The sum of the lanes, in double.</summary>
    static abstract double Sum(TV a);
}
