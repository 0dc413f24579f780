using System;
using Samples;

namespace Cluster;

/// <summary>
/// System k of run s, made where it is solved: its order, SPD matrix and right-hand side are
/// the shared workload's draws from the stream <see cref="CounterRandom"/> gives (s, k), so
/// nothing but (s, k) crosses the network and any worker makes the same system.
/// </summary>
internal sealed class SystemSource
{
    private readonly CounterRandom _random = new();

    /// <summary>The order of system <paramref name="system"/>: the first draw of its stream.</summary>
    public int Order(int seed, long system)
    {
        _random.Reset(seed, system);
        return Workload.DrawOrder(_random);
    }

    /// <summary>Writes the n x n matrix into a and the right-hand side into b; returns n.</summary>
    public int Make(int seed, long system, Span<double> a, Span<double> b)
    {
        int n = Order(seed, system);
        Workload.FillSpd(a[..(n * n)], n, _random);
        Workload.FillRhs(b[..n], _random);
        return n;
    }
}
