using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>256-bit vectors (AVX2). The exponential's powers of two are built in the exponent bits.</summary>
internal readonly struct Simd256<T> : ISimd<Vector256<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Splat(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => FusedMultiplyAdd.Apply(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Sqrt(Vector256<T> a) => Vector256.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Select(Vector256<T> keep, Vector256<T> a) => keep & a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LessOrEqual(Vector256<T> a, Vector256<T> b) => Vector256.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector256<T> mask) => Vector256.ExtractMostSignificantBits(mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SplitPower(Vector256<T> t, out Vector256<T> exponent)
    {
        // The clamp keeps 2^⌊t⌋ a normal number, which the exponent-field addition of ScaleB needs.
        // From .NET 9, Max orders NaN and signed zeros IEEE-style at a few instructions' cost; MaxNative is maxps.
#if NET9_0_OR_GREATER
        t = Vector256.MaxNative(t, Vector256.Create(T.CreateTruncating(typeof(T) == typeof(float) ? -126.0 : -1022.0)));
#else
        t = Vector256.Max(t, Vector256.Create(T.CreateTruncating(typeof(T) == typeof(float) ? -126.0 : -1022.0)));
#endif
        exponent = typeof(T) == typeof(float)
            ? Vector256.Floor(t.AsSingle()).As<float, T>()
            : Vector256.Floor(t.AsDouble()).As<double, T>();
        return t - exponent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ScaleB(Vector256<T> p, Vector256<T> n)
    {
        // n + shifter holds n in its low mantissa bits; moved into the exponent field, it multiplies p by 2^n.
        Vector256<T> shifted = n + Shifter;
        return typeof(T) == typeof(float)
            ? (p.AsInt32() + Vector256.ShiftLeft(shifted.AsInt32() - Shifter.AsInt32(), 23)).As<int, T>()
            : (p.AsInt64() + Vector256.ShiftLeft(shifted.AsInt64() - Shifter.AsInt64(), 52)).As<long, T>();
    }

    // 1.5·2^(mantissa bits): adding it to an integer-valued n puts n in the low mantissa bits.
    private static Vector256<T> Shifter => Vector256.Create(T.CreateTruncating(typeof(T) == typeof(float) ? 12582912.0 : 6755399441055744.0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<T> a)
    {
        if (typeof(T) == typeof(float))
        {
            (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(a.AsSingle());
            return Vector256.Sum(lower + upper);
        }

        return Vector256.Sum(a.AsDouble());
    }
}
