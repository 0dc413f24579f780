using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Specialized.Benchmarks;

/// <summary>
/// The batch suite's case in a loop: the generated batch solver over <c>count</c> systems of order n
/// (at most 10,000 distinct, repeated, as <see cref="BatchSolve{T}"/> builds them), against the
/// stream floor of the same sizes (a and b read once, x written once).
/// </summary>
internal static class BatchProbe
{
    public static void Run(ProbeCommand.Options options)
    {
        int[] orders = options.Ints("n", "8,12,16");
        bool isDouble = options.IsDouble();
        int count = options.Int("count", 256);
        int rounds = options.Int("rounds", 7);
        options.ThrowIfUnused();
        foreach (int n in orders)
        {
            if (isDouble)
            {
                Measure<double>(n, count, rounds);
            }
            else
            {
                Measure<float>(n, count, rounds);
            }
        }
    }

    private static void Measure<T>(int n, int count, int rounds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var batch = new SpdBatch<T>(n, count, seed: 42, distinct: 10_000);
        var results = new SolveResult[count];
        int calls = Math.Max(1, 2_000_000 / count);
        double solve = ProbeTiming.Median(ProbeTiming.Samples(() => Solve(batch, results), rounds, calls)) * 1e6 / count;
        double floor = ProbeTiming.Median(ProbeTiming.Samples(() => ReadFloor.Stream<T>(batch.A, batch.B, batch.X), rounds, calls)) * 1e6 / count;
        Solve(batch, results);
        if (Array.Exists(results, r => !r.Success))
        {
            throw new InvalidOperationException($"n = {n}: the batch reported a failed pivot on SPD systems");
        }

        double flops = ((double)n * n * n / 3) + (2.0 * n * n);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch {typeof(T).Name} n={n} count={count}: {solve:F2} ns per system ({flops / solve:F1} GFLOP/s), stream floor {floor:F2} ns, ratio {solve / floor:F2}"));
    }

    private static void Solve<T>(SpdBatch<T> batch, SolveResult[] results)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            Solvers.SolveBatch(MemoryMarshal.Cast<T, double>(batch.A), MemoryMarshal.Cast<T, double>(batch.B), MemoryMarshal.Cast<T, double>(batch.X.AsSpan()), results, batch.N);
        }
        else
        {
            Solvers.SolveBatchSingle(MemoryMarshal.Cast<T, float>(batch.A), MemoryMarshal.Cast<T, float>(batch.B), MemoryMarshal.Cast<T, float>(batch.X.AsSpan()), results, batch.N);
        }
    }
}
