using System;
using System.Globalization;
using System.Numerics;

namespace Specialized.Benchmarks;

/// <summary>
/// The batch suite's own cases in a loop: <see cref="BatchSolve{T}.Batch"/> over <c>count</c> systems
/// of order n against <see cref="BatchSolve{T}.StreamProbe"/>, the stream floor of the same sizes.
/// </summary>
internal static class BatchProbe
{
    public static void Run(ProbeCommand.Options options)
    {
        int[] orders = options.Ints("n", "8,12,16");
        bool isDouble = options.IsDouble();
        int count = options.Int("count", BatchSolve<double>.InCache);
        int rounds = options.Int("rounds", 7);
        options.ThrowIfUnused();
        foreach (int n in orders)
        {
            if (isDouble)
            {
                Measure(new BatchSolve<double> { N = n, Count = count }, rounds);
            }
            else
            {
                Measure(new BatchSolve<float> { N = n, Count = count }, rounds);
            }
        }
    }

    private static void Measure<T>(BatchSolve<T> bench, int rounds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bench.Setup();
        int n = bench.N, count = bench.Count;
        int calls = Math.Max(1, 2_000_000 / count);
        double solve = ProbeTiming.Median(ProbeTiming.Samples(bench.Batch, rounds, calls)) * 1e6 / count;
        double floor = ProbeTiming.Median(ProbeTiming.Samples(() => bench.StreamProbe(), rounds, calls)) * 1e6 / count;
        double flops = ((double)n * n * n / 3) + (2.0 * n * n);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch {typeof(T).Name} n={n} count={count}: {solve:F2} ns per system ({flops / solve:F1} GFLOP/s), stream floor {floor:F2} ns, ratio {solve / floor:F2}"));
    }
}
