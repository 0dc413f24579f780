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

    /// <summary>Writes <see cref="Count"/> elements from <paramref name="destination"/> on.</summary>
    static abstract void Store(TV value, ref T destination);

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
    /// Splits 2^t into 2^f·2^⌊t⌋: returns f = t − ⌊t⌋ in [0, 1] and sets <paramref name="exponent"/> to
    /// what <see cref="ScaleB"/> takes for the 2^⌊t⌋ part (t raised to the least power it can form,
    /// where it cannot form every one).
    /// </summary>
    static abstract TV SplitPower(TV t, out TV exponent);

    /// <summary>p·2^⌊n⌋, for n from <see cref="SplitPower"/>.</summary>
    static abstract TV ScaleB(TV p, TV n);

    /// <summary>The sum of the lanes, in double.</summary>
    static abstract double Sum(TV a);
}
