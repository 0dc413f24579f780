using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Specialized;

namespace MixedSizes;

/// <summary>A solver the timing loop calls directly: static abstract, so no delegate sits between them.</summary>
internal interface ISolver
{
    static abstract SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
}

internal readonly struct SpecializedSolver : ISolver
{
    public static SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n) => Solvers.Solve(a, b, x, n);
}

internal readonly struct FallbackSolver : ISolver
{
    public static SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n) => Cholesky.Solve(a, b, x, n);
}

internal readonly struct OpenBlasSolver : ISolver
{
    public static SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n) => OpenBlas.Solve(a, b, x, n);
}

/// <summary>Solves the given systems of a workload into x (one delegate call per band, not per system).</summary>
internal delegate void SolveBand(Workload work, ReadOnlySpan<int> systems, double[] x);

/// <summary>A solver to time, by name.</summary>
internal sealed record TimedSolver(string Name, SolveBand Solve)
{
    public static TimedSolver Of<TSolver>(string name)
        where TSolver : ISolver => new(name, Timing.SolveAll<TSolver>);
}

internal static class Timing
{
    /// <summary>LAPACK's residual test passes below this ratio.</summary>
    private const double ResidualLimit = 30;

    /// <summary>Systems per band in the untimed first pass: enough calls for every size's code to be compiled and promoted.</summary>
    private const int WarmSystemsPerBand = 256;

    /// <summary>
    /// An untimed first pass per solver over the first few systems of each band pays for JIT
    /// compilation and tier-0 code (reported, since a short-lived process pays it too). Then each
    /// band is timed whole, the solvers taking turns band by band so that a change in the
    /// machine's load or clock falls on all of them alike, and every answer is checked.
    /// </summary>
    /// <returns>Seconds per solver and band.</returns>
    public static double[][] Run(IReadOnlyList<TimedSolver> solvers, Workload work, SizeBands bands, TextWriter output, IProgress<double>? progress)
    {
        int warmSystems = 0;
        for (int band = 0; band < bands.Count; band++)
        {
            warmSystems += Math.Min(bands.Systems(band).Length, WarmSystemsPerBand);
        }

        var x = new double[solvers.Count][];
        var warmSeconds = new double[solvers.Count];
        for (int s = 0; s < solvers.Count; s++)
        {
            x[s] = new double[work.Rhs.Length];
            long warmStart = Stopwatch.GetTimestamp();
            for (int band = 0; band < bands.Count; band++)
            {
                ReadOnlySpan<int> systems = bands.Systems(band);
                solvers[s].Solve(work, systems[..Math.Min(systems.Length, WarmSystemsPerBand)], x[s]);
            }

            warmSeconds[s] = Stopwatch.GetElapsedTime(warmStart).TotalSeconds;
            Array.Clear(x[s]);
        }

        // Tiered compilation swaps in optimized code in the background; let it finish first.
        Thread.Sleep(500);
        var seconds = new double[solvers.Count][];
        for (int s = 0; s < solvers.Count; s++)
        {
            seconds[s] = new double[bands.Count];
        }

        for (int band = 0; band < bands.Count; band++)
        {
            for (int s = 0; s < solvers.Count; s++)
            {
                long start = Stopwatch.GetTimestamp();
                solvers[s].Solve(work, bands.Systems(band), x[s]);
                seconds[s][band] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }

            progress?.Report(0.1 + 0.9 * (band + 1) / bands.Count);
        }

        for (int s = 0; s < solvers.Count; s++)
        {
            double worst = WorstResidualRatio(work, x[s]);
            if (!(worst < ResidualLimit))
            {
                throw new InvalidOperationException($"{solvers[s].Name}: worst residual ratio {worst:G3} is not below {ResidualLimit}");
            }

            output.WriteLine(
                $"{solvers[s].Name}: first {warmSystems:N0} systems {warmSeconds[s]:F2} s (JIT and tier-0 code), then all in {Sum(seconds[s]):F2} s; " +
                $"every answer checked, worst ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε) = {worst:F2}");
        }

        return seconds;
    }

    public static double Sum(double[] values)
    {
        double total = 0;
        foreach (double v in values)
        {
            total += v;
        }

        return total;
    }

    private static double WorstResidualRatio(Workload work, double[] x)
    {
        double worst = 0;
        for (int k = 0; k < work.Count; k++)
        {
            int n = work.Sizes[k];
            worst = Math.Max(worst, ResidualRatio(work.Matrix(k), work.Rhs.AsSpan(work.RhsOffset[k], n), x.AsSpan(work.RhsOffset[k], n), n));
        }

        return worst;
    }

    // The timing loop runs a handful of times, so tiering would leave each call's first ~1,000
    // iterations in unoptimized tier-0 code and the harness would dominate small solves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SolveAll<TSolver>(Workload work, ReadOnlySpan<int> systems, double[] x)
        where TSolver : ISolver
    {
        foreach (int k in systems)
        {
            int n = work.Sizes[k];
            int offset = work.RhsOffset[k];
            if (!TSolver.Solve(work.Matrix(k), work.Rhs.AsSpan(offset, n), x.AsSpan(offset, n), n))
            {
                throw new InvalidOperationException($"system {k} (n = {n}) reported not positive definite");
            }
        }
    }

    /// <summary>
    /// LAPACK's residual ratio ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε), ε = 2⁻⁵³. A is stored whole and
    /// symmetric, so its largest column sum is its largest row sum: one pass along the rows.
    /// </summary>
    private static double ResidualRatio(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, int n)
    {
        double rNorm = 0, aNorm = 0, xNorm = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = a.Slice(i * n, n);
            double r = b[i], rowSum = 0;
            for (int j = 0; j < n; j++)
            {
                r -= row[j] * x[j];
                rowSum += Math.Abs(row[j]);
            }

            rNorm += Math.Abs(r);
            aNorm = Math.Max(aNorm, rowSum);
            xNorm += Math.Abs(x[i]);
        }

        return rNorm / (aNorm * xNorm * Math.ScaleB(1.0, -53));
    }
}
