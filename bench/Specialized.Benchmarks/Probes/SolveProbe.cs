using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Specialized.Benchmarks;

/// <summary>
/// The large-n suite's case in a loop: the keep-inputs <c>Cholesky.Solve</c> over <c>cycle</c>
/// distinct diagonally dominant matrices, one right-hand side, as <see cref="LargeSolve{T}"/> runs it.
/// </summary>
internal static class SolveProbe
{
    public static void Run(ProbeCommand.Options options)
    {
        int[] orders = options.Ints("n", "1000,3000");
        bool isDouble = options.IsDouble();
        int threads = options.Int("threads", 1);
        int cycle = options.Int("cycle", LargeSolve<double>.Systems);
        int rounds = options.Int("rounds", 5);
        options.ThrowIfUnused();
        foreach (int n in orders)
        {
            if (isDouble)
            {
                Measure<double>(n, threads, cycle, rounds);
            }
            else
            {
                Measure<float>(n, threads, cycle, rounds);
            }
        }
    }

    private static void Measure<T>(int n, int threads, int cycle, int rounds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var batch = SpdBatch<T>.DiagonallyDominant(n, cycle, LargeSolve<T>.Seed);
        int nn = n * n;
        bool ok = true;
        void SolveAll()
        {
            for (int k = 0; k < cycle; k++)
            {
                ok &= Solve(batch.A.AsSpan(k * nn, nn), batch.B.AsSpan(k * n, n), batch.X.AsSpan(k * n, n), n, threads);
            }
        }

        double flops = ((double)n * n * n / 3) + (2.0 * n * n);
        int calls = Math.Max(1, (int)(3e8 / (flops * cycle)));
        double[] samples = ProbeTiming.Samples(SolveAll, rounds, calls);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        SolveAll();
        long allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / cycle;
        if (!ok)
        {
            throw new InvalidOperationException($"n = {n}: a solve reported failure on an SPD matrix");
        }

        double median = ProbeTiming.Median(samples) / cycle;
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"solve {typeof(T).Name} n={n} threads={threads}: {median * 1000:F1} µs, {flops / median / 1e6:F1} GFLOP/s (rounds {flops * cycle / samples[^1] / 1e6:F1}..{flops * cycle / samples[0] / 1e6:F1}), {allocated} B allocated per solve"));
    }

    private static bool Solve<T>(Span<T> a, Span<T> b, Span<T> x, int n, int threads)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            return Cholesky.Solve(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(x), n, 1, Triangle.Lower, MatrixLayout.RowMajor, threads).Success;
        }

        return Cholesky.Solve(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(x), n, 1, Triangle.Lower, MatrixLayout.RowMajor, threads).Success;
    }
}
