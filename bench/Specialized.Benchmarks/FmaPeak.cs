using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;

namespace Specialized.Benchmarks;

/// <summary>
/// The measured FMA peak the large-n table divides by: a loop of independent fused multiply-adds
/// on the widest vectors this machine accelerates for the runtime (Vector256 with AVX2 + FMA; the
/// runtime has no Vector512 kernel). Ten accumulators cover the FMA latency on both pipes. Each
/// operation is one flop, so the reported time per operation is 1/(flop rate).
/// </summary>
[WarmupCount(3)]
[IterationCount(9)]
[IterationTime(250)]
[MedianColumn]
public class FmaPeak
{
    private const int Iterations = 1 << 16;
    private const int Accumulators = 10;

    /// <summary>Flops per call: iterations x accumulators x lanes x 2.</summary>
    public const int DoubleFlops = Iterations * Accumulators * 4 * 2;

    public const int SingleFlops = Iterations * Accumulators * 8 * 2;

    [Benchmark(OperationsPerInvoke = DoubleFlops)]
    public double Double()
    {
        Vector256<double> m = Vector256.Create(0.999999), c = Vector256.Create(1e-7);
        Vector256<double> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m;
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c);
            a1 = Fma.MultiplyAdd(a1, m, c);
            a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c);
            a4 = Fma.MultiplyAdd(a4, m, c);
            a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c);
            a7 = Fma.MultiplyAdd(a7, m, c);
            a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [Benchmark(OperationsPerInvoke = SingleFlops)]
    public float Single()
    {
        Vector256<float> m = Vector256.Create(0.999999f), c = Vector256.Create(1e-7f);
        Vector256<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m;
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c);
            a1 = Fma.MultiplyAdd(a1, m, c);
            a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c);
            a4 = Fma.MultiplyAdd(a4, m, c);
            a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c);
            a7 = Fma.MultiplyAdd(a7, m, c);
            a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }
}
