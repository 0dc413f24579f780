using System;
using System.Collections.Generic;
using Orleans;
using Samples;

namespace Cluster;

/// <summary>
/// Batch <see cref="Index"/> of a plan: the systems k in [<see cref="Start"/>, <see cref="End"/>)
/// whose order falls in band <see cref="Band"/> of <see cref="SizeBand.All"/>.
/// </summary>
[GenerateSerializer]
internal readonly record struct Batch([property: Id(0)] int Index, [property: Id(1)] int Band, [property: Id(2)] long Start, [property: Id(3)] long End);

/// <summary>
/// How 0..N is cut into batches: per band, ranges of k long enough that the band's systems in a
/// range cost about <see cref="TargetSeconds"/> on one core, by an expected-cost model of the
/// order law. The plan is a function of (N, target) alone, so every role and every restart cuts
/// the same batches, and making it needs no pass over the systems.
/// </summary>
internal sealed class BatchPlan
{
    /// <summary>About 0.1 s of work per batch: a call's messaging costs well under 1% of that.</summary>
    public const double DefaultTargetSeconds = 0.1;

    // Cost of one system of order n on one core, ns ≈ PerSystem + PerSquare·n² + PerCube·n³, and
    // ScanNs per k to find its order. Fitted to the CPU time per k of each band (BatchWorker, one
    // thread, AMD EPYC VM): making a system (n(n+1)/2 draws) and checking it (O(n²)) outweigh the
    // factorization (n³/3 flops) all the way to n = 400, so the n³ term is small.
    private const double PerSystemNs = 42, PerSquareNs = 5.0, PerCubeNs = 0.002, ScanNs = 46;

    private BatchPlan(long systems, double targetSeconds, Batch[] batches)
    {
        Systems = systems;
        TargetSeconds = targetSeconds;
        Batches = batches;
    }

    public long Systems { get; }

    public double TargetSeconds { get; }

    public IReadOnlyList<Batch> Batches { get; }

    public int Count => Batches.Count;

    /// <param name="systems">N, at least 0.</param>
    /// <param name="targetSeconds">Work per batch on one core.</param>
    public static BatchPlan Create(long systems, double targetSeconds = DefaultTargetSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(systems);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSeconds);
        var cuts = new List<(long Start, int Band, long End)>();
        for (int band = 0; band < SizeBand.All.Length; band++)
        {
            long length = RangeLength(SizeBand.All[band], targetSeconds);
            for (long start = 0; start < systems; start += length)
            {
                cuts.Add((start, band, Math.Min(systems, start + length)));
            }
        }

        // In order of k, so a run sweeps the systems front to back whatever the band.
        cuts.Sort((p, q) => p.Start != q.Start ? p.Start.CompareTo(q.Start) : p.Band.CompareTo(q.Band));
        var batches = new Batch[cuts.Count];
        for (int i = 0; i < batches.Length; i++)
        {
            batches[i] = new Batch(i, cuts[i].Band, cuts[i].Start, cuts[i].End);
        }

        return new BatchPlan(systems, targetSeconds, batches);
    }

    /// <summary>Expected seconds on one core to solve one system of order n.</summary>
    public static double SystemSeconds(int n) => (PerSystemNs + PerSquareNs * n * n + PerCubeNs * n * n * n) * 1e-9;

    /// <summary>Expected seconds to solve the whole plan on one core.</summary>
    public double ExpectedSeconds()
    {
        double perSystem = 0;
        for (int n = 1; n <= Workload.MaxOrder; n++)
        {
            perSystem += Probability(n) * SystemSeconds(n);
        }

        return Systems * (perSystem + SizeBand.All.Length * ScanNs * 1e-9);
    }

    /// <summary>P(order = n) under the law of <see cref="Workload.DrawOrder"/>: log-uniform on [1, MaxOrder + 1).</summary>
    private static double Probability(int n) => Math.Log((n + 1.0) / n) / Math.Log(Workload.MaxOrder + 1);

    private static long RangeLength(SizeBand band, double targetSeconds)
    {
        double perK = ScanNs * 1e-9;
        for (int n = band.From; n <= band.To; n++)
        {
            perK += Probability(n) * SystemSeconds(n);
        }

        return Math.Max(1, (long)Math.Round(targetSeconds / perK));
    }
}
