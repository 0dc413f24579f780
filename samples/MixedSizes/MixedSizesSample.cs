using System;
using System.IO;

namespace MixedSizes;

/// <summary>
/// Seed 000: ~2e9 SPD solves, n from 1 to 400, on one-core workers. Runs a sample of that mix
/// through the specialized solver (unrolled up to n = 32) and through the runtime fallback alone,
/// checks every answer, and projects the full job's time on one core.
/// </summary>
public static class MixedSizesSample
{
    /// <summary>Systems solved unless told otherwise.</summary>
    public const int DefaultCount = 10_000;

    private const long SeedJobSolves = 2_000_000_000;

    /// <summary>Runs the sample, writing what it did and how fast to <paramref name="output"/>.</summary>
    /// <param name="count">Number of systems, at least 1.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="progress">Told the fraction done after each stage, when given.</param>
    /// <exception cref="InvalidOperationException">A check failed: the message says which.</exception>
    public static void Run(int count, TextWriter output, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        output.WriteLine($"Mixed sizes (seed 000): {count:N0} SPD systems, n log-uniform in 1..{Workload.MaxOrder}");
        var work = Workload.Create(count, seed: 2026);
        var bands = new SizeBands(work, (1, 8), (9, 16), (17, 32), (33, 100), (101, 400));
        progress?.Report(0.1);

        var specialized = Timing.Run<SpecializedSolver>("specialized (MaxN = 32)", work, bands, output);
        progress?.Report(0.55);
        var fallback = Timing.Run<FallbackSolver>("fallback only", work, bands, output);
        progress?.Report(1.0);

        output.WriteLine();
        output.WriteLine($"{"n",-10} {"systems",9} {"specialized",16} {"fallback only",16} {"speed-up",9}");
        for (int band = 0; band < bands.Count; band++)
        {
            output.WriteLine(
                $"{bands.Name(band),-10} {bands.Systems(band).Length,9:N0} {Rate(bands, specialized, band),16} {Rate(bands, fallback, band),16} " +
                $"{fallback[band] / specialized[band],8:F2}x");
        }

        double specializedTotal = Sum(specialized), fallbackTotal = Sum(fallback);
        output.WriteLine();
        output.WriteLine($"all sizes: {count / specializedTotal:N0} solves/s specialized, {count / fallbackTotal:N0} solves/s fallback only");
        output.WriteLine(
            $"projected for {SeedJobSolves:N0} solves of this mix on one core: " +
            $"{specializedTotal / count * SeedJobSolves / 3600:F1} h specialized, {fallbackTotal / count * SeedJobSolves / 3600:F1} h fallback only");
    }

    private static string Rate(SizeBands bands, double[] seconds, int band) =>
        bands.Systems(band).Length == 0 ? "-" : $"{bands.Systems(band).Length / seconds[band],12:N0} /s";

    private static double Sum(double[] values)
    {
        double total = 0;
        foreach (double v in values)
        {
            total += v;
        }

        return total;
    }
}
