using System;
using System.Globalization;
using MixedSizes;

// Seed 000: ~2e9 SPD solves, n from 1 to 400, on one-core workers. This runs a sample of that
// mix through the specialized solver (unrolled up to n = 32) and through the runtime fallback
// alone, checks every answer, and projects the full job's time on one core.
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
const long SeedJobSolves = 2_000_000_000;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Console.WriteLine($"Mixed sizes: {count:N0} SPD systems, n log-uniform in 1..{Workload.MaxOrder}");
var work = Workload.Create(count, seed: 2026);
var bands = new SizeBands(work, (1, 8), (9, 16), (17, 32), (33, 100), (101, 400));

var specialized = Timing.Run<SpecializedSolver>("specialized (MaxN = 32)", work, bands);
var fallback = Timing.Run<FallbackSolver>("fallback only", work, bands);

Console.WriteLine();
Console.WriteLine($"{"n",-10} {"systems",9} {"specialized",16} {"fallback only",16} {"speed-up",9}");
for (int band = 0; band < bands.Count; band++)
{
    Console.WriteLine(
        $"{bands.Name(band),-10} {bands.Systems(band).Length,9:N0} {Rate(bands, specialized, band),16} {Rate(bands, fallback, band),16} " +
        $"{fallback[band] / specialized[band],8:F2}x");
}

double specializedTotal = Sum(specialized), fallbackTotal = Sum(fallback);
Console.WriteLine();
Console.WriteLine($"all sizes: {count / specializedTotal:N0} solves/s specialized, {count / fallbackTotal:N0} solves/s fallback only");
Console.WriteLine(
    $"projected for {SeedJobSolves:N0} solves of this mix on one core: " +
    $"{specializedTotal / count * SeedJobSolves / 3600:F1} h specialized, {fallbackTotal / count * SeedJobSolves / 3600:F1} h fallback only");
return 0;

static string Rate(SizeBands bands, double[] seconds, int band) =>
    bands.Systems(band).Length == 0 ? "-" : $"{bands.Systems(band).Length / seconds[band],12:N0} /s";

static double Sum(double[] values)
{
    double total = 0;
    foreach (double v in values)
    {
        total += v;
    }

    return total;
}
