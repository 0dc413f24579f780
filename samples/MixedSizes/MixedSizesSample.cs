using System;
using System.Collections.Generic;
using System.IO;

namespace MixedSizes;

/// <summary>
/// Two billion SPD solves, n from 1 to 400, on one-core workers. Runs a sample of that mix
/// through the specialized solver (unrolled up to n = 32), through the runtime fallback alone and,
/// where it is installed, through OpenBLAS; checks every answer, and projects the full job's time
/// on one core.
/// </summary>
public static class MixedSizesSample
{
    /// <summary>Systems solved unless told otherwise.</summary>
    public const int DefaultCount = 100_000;

    private const long SeedJobSolves = 2_000_000_000;

    /// <summary>Runs the sample, writing what it did and how fast to <paramref name="output"/>.</summary>
    /// <param name="count">Number of systems, at least 1.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="progress">Told the fraction done after each stage, when given.</param>
    /// <exception cref="InvalidOperationException">A check failed: the message says which.</exception>
    public static void Run(int count, TextWriter output, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        output.WriteLine($"Mixed sizes: {count:N0} SPD systems, n log-uniform in 1..{Workload.MaxOrder}");
        var work = Workload.Create(count, seed: 2026);
        var bands = new SizeBands(work, (1, 8), (9, 16), (17, 32), (33, 100), (101, 400));
        progress?.Report(0.1);

        var solvers = new List<TimedSolver>
        {
            TimedSolver.Of<SpecializedSolver>("specialized (MaxN = 32)"),
            TimedSolver.Of<FallbackSolver>("fallback only"),
        };
        if (OpenBlas.Missing is null)
        {
            solvers.Add(TimedSolver.Of<OpenBlasSolver>("OpenBLAS dpotrf+dpotrs, 1 thread"));
        }
        else
        {
            output.WriteLine($"OpenBLAS: skipped, {OpenBlas.Missing}");
        }

        double[][] seconds = Timing.Run(solvers, work, bands, output, progress);
        double[] specialized = seconds[0], fallback = seconds[1];
        double[]? peer = seconds.Length > 2 ? seconds[2] : null;

        output.WriteLine();
        output.WriteLine(
            $"{"n",-10} {"systems",9} {"specialized",16} {"fallback only",16} {"fallback/spec",14}" +
            (peer is null ? "" : $" {"OpenBLAS",16} {"OpenBLAS/spec",14}"));
        for (int band = 0; band < bands.Count; band++)
        {
            output.WriteLine(
                $"{bands.Name(band),-10} {bands.Systems(band).Length,9:N0} {Rate(bands, specialized, band),16} {Rate(bands, fallback, band),16} " +
                $"{fallback[band] / specialized[band],13:F2}x" +
                (peer is null ? "" : $" {Rate(bands, peer, band),16} {peer[band] / specialized[band],13:F2}x"));
        }

        output.WriteLine();
        output.WriteLine(
            $"all sizes, solves/s: {count / Timing.Sum(specialized):N0} specialized, {count / Timing.Sum(fallback):N0} fallback only" +
            (peer is null ? "" : $", {count / Timing.Sum(peer):N0} OpenBLAS"));
        output.WriteLine(
            $"projected for {SeedJobSolves:N0} solves of this mix on one core: {Hours(specialized, count)} specialized, " +
            $"{Hours(fallback, count)} fallback only" + (peer is null ? "" : $", {Hours(peer, count)} OpenBLAS"));
    }

    private static string Hours(double[] seconds, int count) => $"{Timing.Sum(seconds) / count * SeedJobSolves / 3600:F1} h";

    private static string Rate(SizeBands bands, double[] seconds, int band) =>
        bands.Systems(band).Length == 0 ? "-" : $"{bands.Systems(band).Length / seconds[band],12:N0} /s";
}
