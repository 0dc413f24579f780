using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// 512-bit vectors, chosen only where <see cref="Vector512.IsHardwareAccelerated"/>, <see cref="Avx512F.IsSupported"/>
/// and <see cref="Avx512DQ.IsSupported"/>: AVX-512's reduce and scale-by-power-of-two instructions (vreduce,
/// vscalef) make the exponential's range reduction one instruction and its reconstruction another, with no clamp:
/// vscalef underflows to zero by itself, and vreduce maps −∞ (points absurdly far apart) to 0, not NaN.
/// </summary>
internal readonly struct Simd512<T> : ISimd<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Splat(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => FusedMultiplyAdd.Apply(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Sqrt(Vector512<T> a) => Vector512.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Select(Vector512<T> keep, Vector512<T> a) => keep & a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LessOrEqual(Vector512<T> a, Vector512<T> b) => Vector512.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector512<T> mask) => Vector512.ExtractMostSignificantBits(mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SplitPower(Vector512<T> t, out Vector512<T> exponent)
    {
        // vreduce with round-down (imm 1, precision exception suppressed: 8) gives t − ⌊t⌋ in one instruction, and 0 for −∞;
        // vscalef floors its exponent itself, so t goes to it unchanged.
        exponent = t;
        return typeof(T) == typeof(float)
            ? Avx512DQ.Reduce(t.AsSingle(), 0x09).As<float, T>()
            : Avx512DQ.Reduce(t.AsDouble(), 0x09).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ScaleB(Vector512<T> p, Vector512<T> n) => typeof(T) == typeof(float)
        ? Avx512F.Scale(p.AsSingle(), n.AsSingle()).As<float, T>()
        : Avx512F.Scale(p.AsDouble(), n.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector512<T> a)
    {
        if (typeof(T) == typeof(float))
        {
            (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(a.AsSingle());
            return Vector512.Sum(lower + upper);
        }

        return Vector512.Sum(a.AsDouble());
    }
}
