using System;
using System.Globalization;
using System.Numerics;

namespace Specialized.Benchmarks;

/// <summary>The large-n suite's own case in a loop: <see cref="LargeSolve{T}.Specialized"/> or <see cref="LargeSolve{T}.TwoThreads"/>.</summary>
internal static class SolveProbe
{
    public static void Run(ProbeCommand.Options options)
    {
        int[] orders = options.Ints("n", "1000,3000");
        bool isDouble = options.IsDouble();
        int threads = options.Int("threads", 1);
        int rounds = options.Int("rounds", 5);
        options.ThrowIfUnused();
        if (threads is not (1 or 2))
        {
            throw new ArgumentException($"threads={threads}: 1 or 2, as the suite runs");
        }

        foreach (int n in orders)
        {
            if (isDouble)
            {
                Measure(new LargeSolveDouble { N = n }, threads, rounds);
            }
            else
            {
                Measure(new LargeSolveFloat { N = n }, threads, rounds);
            }
        }
    }

    private static void Measure<T>(LargeSolve<T> bench, int threads, int rounds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bench.Setup();
        Func<bool> solveAll = threads == 1 ? bench.Specialized : bench.TwoThreads;
        int n = bench.N, systems = LargeSolve<T>.Systems;
        double flops = ((double)n * n * n / 3) + (2.0 * n * n);
        int calls = Math.Max(1, (int)(3e8 / (flops * systems)));
        bool ok = true;
        double[] samples = ProbeTiming.Samples(() => ok &= solveAll(), rounds, calls);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        ok &= solveAll();
        long allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / systems;
        if (!ok)
        {
            throw new InvalidOperationException($"n = {n}: a solve reported failure on an SPD matrix");
        }

        double median = ProbeTiming.Median(samples) / systems;
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"solve {typeof(T).Name} n={n} threads={threads}: {median * 1000:F1} µs, {flops / median / 1e6:F1} GFLOP/s (rounds {flops * systems / samples[^1] / 1e6:F1}..{flops * systems / samples[0] / 1e6:F1}), {allocated} B allocated per solve"));
    }
}
