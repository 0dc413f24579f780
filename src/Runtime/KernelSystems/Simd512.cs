using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// 512-bit vectors, chosen only where <see cref="Vector512.IsHardwareAccelerated"/> and
/// <see cref="Avx512F.IsSupported"/>: AVX-512's round-to-integer and scale-by-power-of-two
/// instructions (vrndscale, vscalef) make the exponential's range reduction two instructions, and
/// vscalef underflows to zero by itself: the clamp only keeps −∞ (points absurdly far apart) from turning into NaN.
/// The clamp is vmaxps itself: Vector512.Max orders NaN and signed zeros IEEE-style, three instructions.
/// </summary>
internal readonly struct Simd512<T> : ISimd<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source) => Vector512.LoadUnsafe(ref source);

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
    public static Vector512<T> ClampExponent(Vector512<T> t) =>
        typeof(T) == typeof(float)
            ? Avx512F.Max(t.AsSingle(), Vector512.Create(-16384f)).As<float, T>()
            : Avx512F.Max(t.AsDouble(), Vector512.Create(-16384.0)).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Round(Vector512<T> t) => typeof(T) == typeof(float)
        ? Avx512F.RoundScale(t.AsSingle(), 0).As<float, T>()
        : Avx512F.RoundScale(t.AsDouble(), 0).As<double, T>();

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
