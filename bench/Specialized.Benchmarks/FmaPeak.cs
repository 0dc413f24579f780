using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Specialized.Benchmarks;

/// <summary>
/// The measured FMA peak the large-n table divides by: a loop of independent fused multiply-adds
/// on the widest vectors this machine accelerates, as the runtime's micro-kernels use them
/// (Vector512 where AVX-512 is accelerated, else Vector256 for twice as many steps, so a call does
/// the same flops on either). Ten accumulators cover the FMA latency on both pipes. Each operation
/// is one flop, so the reported time per operation is 1/(flop rate).
/// </summary>
[WarmupCount(3)]
[IterationCount(9)]
[IterationTime(250)]
[MedianColumn]
public class FmaPeak
{
    private const int Iterations = 1 << 16;
    private const int Accumulators = 10;

    /// <summary>Flops per call: iterations x accumulators x (lanes of a 512-bit vector) x 2.</summary>
    public const int DoubleFlops = Iterations * Accumulators * 8 * 2;

    public const int SingleFlops = Iterations * Accumulators * 16 * 2;

    [Benchmark(OperationsPerInvoke = DoubleFlops)]
    public double Double() => Vector512.IsHardwareAccelerated ? Run512(0.999999, 1e-7) : Run256(0.999999, 1e-7);

    [Benchmark(OperationsPerInvoke = SingleFlops)]
    public float Single() => Vector512.IsHardwareAccelerated ? Run512(0.999999f, 1e-7f) : Run256(0.999999f, 1e-7f);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Run512<T>(T multiplier, T addend)
        where T : unmanaged, INumber<T>
    {
        Vector512<T> m = Vector512.Create(multiplier), c = Vector512.Create(addend);
        Vector512<T> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m;
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Fma(a0, m, c);
            a1 = Fma(a1, m, c);
            a2 = Fma(a2, m, c);
            a3 = Fma(a3, m, c);
            a4 = Fma(a4, m, c);
            a5 = Fma(a5, m, c);
            a6 = Fma(a6, m, c);
            a7 = Fma(a7, m, c);
            a8 = Fma(a8, m, c);
            a9 = Fma(a9, m, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Run256<T>(T multiplier, T addend)
        where T : unmanaged, INumber<T>
    {
        Vector256<T> m = Vector256.Create(multiplier), c = Vector256.Create(addend);
        Vector256<T> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m;
        for (int i = 0; i < 2 * Iterations; i++)
        {
            a0 = Fma(a0, m, c);
            a1 = Fma(a1, m, c);
            a2 = Fma(a2, m, c);
            a3 = Fma(a3, m, c);
            a4 = Fma(a4, m, c);
            a5 = Fma(a5, m, c);
            a6 = Fma(a6, m, c);
            a7 = Fma(a7, m, c);
            a8 = Fma(a8, m, c);
            a9 = Fma(a9, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    // Vector512/256.FusedMultiplyAdd are not generic; the JIT folds the type test.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c) =>
        typeof(T) == typeof(double)
            ? Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>()
            : Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) =>
        typeof(T) == typeof(double)
            ? Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>()
            : Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
}
