using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace Specialized.Benchmarks;

/// <summary>
/// The KeOps KernelSolve benchmark: (αI + K)·a = b in float, K(i, j) = exp(−γ‖xᵢ − xⱼ‖²), points uniform in
/// [0, 1]³, b standard normal, α = 0.8, γ = 1e4 and 5e3, relative tolerance 1e-6, N = 1e3 .. 1e6. Each
/// invocation is the whole call a user makes: build the system (copy, grid) and solve. The kernel system with its
/// default truncation on every core; with every pair (truncation 0) up to N = 1e5; the runtime's dense Cholesky
/// (float, matrix formed in the call) up to N = 1e4; and the brute-force pair rate on one core
/// (<see cref="PairsOneCore"/>: one product with every pair, N = 1e5 only; pairs/s = N² / time).
/// SPECIALIZED_BENCH_KERNEL_N=1000,10000 narrows the sizes. bench/kernel-table.py turns the report into the
/// table, with scipy (bench/kernel_scipy.py) and the KeOps GPU figures quoted from its published run.
/// </summary>
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1, 1)]
[MedianColumn]
public class KernelSolveBench
{
    private const float Alpha = 0.8f;

    private float[] _points = [];
    private float[] _b = [];
    private float[] _x = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [Params(1e4, 5e3)]
    public double Gamma { get; set; }

    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("SPECIALIZED_BENCH_KERNEL_N") is { Length: > 0 } list
            ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : [1_000, 10_000, 100_000, 1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1234);
        _points = new float[N * 3];
        for (int i = 0; i < _points.Length; i++)
        {
            _points[i] = (float)random.NextDouble();
        }

        _b = new float[N];
        for (int i = 0; i < N; i++)
        {
            _b[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        _x = new float[N];
    }

    [Benchmark(Baseline = true)]
    public double Specialized() => Solve(new KernelSystemOptions());

    [Benchmark]
    [SizeRange(Max = 100_000)]
    public double EveryPair() => Solve(new KernelSystemOptions { Truncation = 0 });

    [Benchmark]
    [SizeRange(Max = 10_000)]
    public float DenseCholesky()
    {
        var a = new float[N * N];
        float gamma = (float)Gamma;
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                float dx = _points[i * 3] - _points[j * 3], dy = _points[i * 3 + 1] - _points[j * 3 + 1], dz = _points[i * 3 + 2] - _points[j * 3 + 2];
                a[i * N + j] = MathF.Exp(-gamma * (dx * dx + dy * dy + dz * dz)) + (i == j ? Alpha : 0);
            }
        }

        _b.CopyTo(_x, 0);
        SolveResult solved = Cholesky.Solve(a, _x, N, 1, Triangle.Lower, MatrixLayout.RowMajor, Environment.ProcessorCount);
        return solved ? _x[0] : throw new InvalidOperationException($"N = {N}: dense factor failed at pivot {solved.FailedPivot}");
    }

    [Benchmark]
    [SizeRange(Min = 100_000, Max = 100_000)]
    public float PairsOneCore()
    {
        using var system = KernelSystem<float>.Create(_points, N, 3, RadialKernel.Gaussian, (float)Gamma, Alpha,
            new KernelSystemOptions { Truncation = 0, DegreeOfParallelism = 1 });
        system.Multiply(_b, _x);
        return _x[0];
    }

    private double Solve(KernelSystemOptions options)
    {
        using var system = KernelSystem<float>.Create(_points, N, 3, RadialKernel.Gaussian, (float)Gamma, Alpha, options);
        KernelSolveResult result = system.Solve(_b, _x);
        if (!result.Converged)
        {
            throw new InvalidOperationException($"N = {N}, γ = {Gamma}: not converged, residual {result.RelativeResidual:G3}");
        }

        return result.RelativeResidual;
    }
}
