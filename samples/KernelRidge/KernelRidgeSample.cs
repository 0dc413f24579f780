using System;
using System.Diagnostics;
using System.IO;
using Samples;
using Specialized;

namespace KernelRidge;

/// <summary>
/// Kernel ridge regression / Gaussian-process fit, (α·I + K)·a = b with a Gaussian
/// kernel, dense through the runtime Cholesky, with the log-determinant the GP marginal
/// likelihood needs. Checks the answer with LAPACK's residual ratio.
/// </summary>
public static class KernelRidgeSample
{
    /// <summary>Points fitted unless told otherwise: a few seconds with the runtime's unblocked Cholesky here.</summary>
    public const int DefaultN = 4_000;

    /// <summary>The largest N accepted: 800 MB of matrix, minutes with the runtime's unblocked Cholesky here.</summary>
    public const int MaxN = 10_000;

    /// <summary>The workload's kernel: σ = 0.01, γ = 1/σ².</summary>
    public const double Gamma = 1 / (0.01 * 0.01);

    /// <summary>The workload's ridge.</summary>
    public const double Alpha = 0.8;

    /// <summary>Runs the fit, writing what it did and how fast to <paramref name="output"/>.</summary>
    /// <param name="n">Number of points (the order of the system), 1..<see cref="MaxN"/>.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="progress">Told the fraction done at each stage, when given.</param>
    /// <exception cref="InvalidOperationException">A check failed: the message says which.</exception>
    public static void Run(int n, TextWriter output, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxN);
        output.WriteLine(
            $"Kernel ridge / Gaussian process: (αI + K)·a = b, N = {n:N0} points in [0,1]³, " +
            $"K = exp(−γ‖xᵢ − xⱼ‖²), γ = {Gamma:G4}, α = {Alpha}; dense, {n * (long)n * sizeof(double) / 1e6:F0} MB, runtime Cholesky");

        var kernel = new GaussianKernel(n, Gamma, Alpha, seed: 1234);
        var b = new double[n];
        var normal = new Random(4321);
        for (int i = 0; i < n; i++)
        {
            // Box–Muller: the workload's right-hand side is standard normal.
            b[i] = Math.Sqrt(-2 * Math.Log(1 - normal.NextDouble())) * Math.Cos(2 * Math.PI * normal.NextDouble());
        }

        var a = new double[n * (long)n];
        long t0 = Stopwatch.GetTimestamp();
        kernel.FillLower(a);
        double build = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(0.05);

        t0 = Stopwatch.GetTimestamp();
        SolveResult factored = Cholesky.Factor(a, n);
        double factor = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        if (!factored)
        {
            throw new InvalidOperationException($"αI + K is not positive definite at pivot {factored.FailedPivot}");
        }

        progress?.Report(0.8);
        var coefficients = (double[])b.Clone();
        t0 = Stopwatch.GetTimestamp();
        Cholesky.SolveFactored(a, coefficients, n);
        double solve = Stopwatch.GetElapsedTime(t0).TotalSeconds;

        // log det(αI + K) = 2·Σ log Lᵢᵢ; the GP log marginal likelihood of b is −½·bᵀa − ½·log det − (N/2)·log 2π.
        double logDet = 0, fit = 0;
        for (int i = 0; i < n; i++)
        {
            logDet += 2 * Math.Log(a[i * (long)n + i]);
            fit += b[i] * coefficients[i];
        }

        double logLikelihood = -0.5 * fit - 0.5 * logDet - 0.5 * n * Math.Log(2 * Math.PI);
        progress?.Report(0.85);

        t0 = Stopwatch.GetTimestamp();
        double residual = kernel.ResidualRatio(b, coefficients);
        double check = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(1.0);

        double flops = n * (double)n * n / 3;
        output.WriteLine(
            $"build K {build:F2} s; factor {factor:F2} s ({flops / factor / 1e9:F2} GFLOP/s, N³/3 flops); solve {solve * 1e3:F1} ms");
        output.WriteLine($"log det(αI + K) = {logDet:F4}; GP log marginal likelihood of b = {logLikelihood:F4}");
        output.WriteLine(
            $"check: residual ratio ‖b − A·a‖₁/(‖A‖₁·‖a‖₁·ε) = {residual:F3} (LAPACK's bound: {Ratios.Threshold}), A regenerated in {check:F2} s");
        if (!(residual < Ratios.Threshold) || !double.IsFinite(logDet))
        {
            throw new InvalidOperationException($"the fit fails its check: residual ratio {residual:G3}, log det {logDet:G6}");
        }
    }
}
