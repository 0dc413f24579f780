using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>128-bit vectors (SSE, AdvSimd, or software). The exponential's powers of two are built in the exponent bits.</summary>
internal readonly struct Simd128<T> : ISimd<Vector128<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Splat(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c) => FusedMultiplyAdd.Apply(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Divide(Vector128<T> a, Vector128<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Sqrt(Vector128<T> a) => Vector128.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Select(Vector128<T> keep, Vector128<T> a) => keep & a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LessOrEqual(Vector128<T> a, Vector128<T> b) => Vector128.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector128<T> mask) => Vector128.ExtractMostSignificantBits(mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SplitPower(Vector128<T> t, out Vector128<T> exponent)
    {
        // The clamp keeps 2^⌊t⌋ a normal number, which the exponent-field addition of ScaleB needs.
        // From .NET 9, Max orders NaN and signed zeros IEEE-style at a few instructions' cost; MaxNative is maxps.
#if NET9_0_OR_GREATER
        t = Vector128.MaxNative(t, Vector128.Create(T.CreateTruncating(typeof(T) == typeof(float) ? -126.0 : -1022.0)));
#else
        t = Vector128.Max(t, Vector128.Create(T.CreateTruncating(typeof(T) == typeof(float) ? -126.0 : -1022.0)));
#endif
        exponent = typeof(T) == typeof(float)
            ? Vector128.Floor(t.AsSingle()).As<float, T>()
            : Vector128.Floor(t.AsDouble()).As<double, T>();
        return t - exponent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ScaleB(Vector128<T> p, Vector128<T> n)
    {
        // n + shifter holds n in its low mantissa bits; moved into the exponent field, it multiplies p by 2^n.
        Vector128<T> shifted = n + Shifter;
        return typeof(T) == typeof(float)
            ? (p.AsInt32() + Vector128.ShiftLeft(shifted.AsInt32() - Shifter.AsInt32(), 23)).As<int, T>()
            : (p.AsInt64() + Vector128.ShiftLeft(shifted.AsInt64() - Shifter.AsInt64(), 52)).As<long, T>();
    }

    // 1.5·2^(mantissa bits): adding it to an integer-valued n puts n in the low mantissa bits.
    private static Vector128<T> Shifter => Vector128.Create(T.CreateTruncating(typeof(T) == typeof(float) ? 12582912.0 : 6755399441055744.0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector128<T> a)
    {
        if (typeof(T) == typeof(float))
        {
            (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(a.AsSingle());
            return Vector128.Sum(lower + upper);
        }

        return Vector128.Sum(a.AsDouble());
    }
}
