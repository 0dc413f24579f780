using System;
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

internal static class Timing
{
    /// <summary>LAPACK's residual test passes below this ratio.</summary>
    private const double ResidualLimit = 30;

    /// <summary>
    /// One untimed pass first: it pays for JIT compilation and tier-0 code (reported, since a
    /// short-lived process pays it too); then each band is timed, and every answer is checked.
    /// </summary>
    /// <returns>Seconds per band.</returns>
    public static double[] Run<TSolver>(string name, Workload work, SizeBands bands, TextWriter output)
        where TSolver : ISolver
    {
        var x = new double[work.Rhs.Length];
        long warmStart = Stopwatch.GetTimestamp();
        for (int band = 0; band < bands.Count; band++)
        {
            SolveAll<TSolver>(work, bands.Systems(band), x);
        }

        double warmSeconds = Stopwatch.GetElapsedTime(warmStart).TotalSeconds;

        // Tiered compilation swaps in optimized code in the background; let it finish first.
        Thread.Sleep(500);
        Array.Clear(x);
        var seconds = new double[bands.Count];
        for (int band = 0; band < bands.Count; band++)
        {
            long start = Stopwatch.GetTimestamp();
            SolveAll<TSolver>(work, bands.Systems(band), x);
            seconds[band] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        double worst = 0;
        for (int k = 0; k < work.Count; k++)
        {
            int n = work.Sizes[k];
            worst = Math.Max(worst, ResidualRatio(work.Matrix(k), work.Rhs.AsSpan(work.RhsOffset[k], n), x.AsSpan(work.RhsOffset[k], n), n));
        }

        if (!(worst < ResidualLimit))
        {
            throw new InvalidOperationException($"{name}: worst residual ratio {worst:G3} is not below {ResidualLimit}");
        }

        double total = 0;
        foreach (double s in seconds)
        {
            total += s;
        }

        output.WriteLine($"{name}: first pass {warmSeconds:F2} s (JIT and tier-0 code), then {total:F2} s; every answer checked, worst ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε) = {worst:F2}");
        return seconds;
    }

    // The timing loop runs a handful of times, so tiering would leave each call's first ~1,000
    // iterations in unoptimized tier-0 code and the harness would dominate small solves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SolveAll<TSolver>(Workload work, ReadOnlySpan<int> systems, double[] x)
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

    /// <summary>LAPACK's residual ratio ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε), ε = 2⁻⁵³.</summary>
    private static double ResidualRatio(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, int n)
    {
        double rNorm = 0, aNorm = 0, xNorm = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
            {
                column += Math.Abs(a[i * n + j]);
            }

            aNorm = Math.Max(aNorm, column);
            xNorm += Math.Abs(x[j]);
        }

        for (int i = 0; i < n; i++)
        {
            double r = b[i];
            for (int j = 0; j < n; j++)
            {
                r -= a[i * n + j] * x[j];
            }

            rNorm += Math.Abs(r);
        }

        return rNorm / (aNorm * xNorm * Math.ScaleB(1.0, -53));
    }
}
