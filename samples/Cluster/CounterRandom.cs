using System;

namespace Cluster;

/// <summary>
/// A <see cref="Random"/> whose stream is a pure function of (seed, system): SplitMix64 over a
/// counter, reset per system without allocating. The shared workload code draws through
/// <see cref="Random.NextDouble"/>, so the same code makes a system here and in the mixed-sizes sample.
/// </summary>
internal sealed class CounterRandom : Random
{
    private ulong _state;

    /// <summary>Starts system <paramref name="system"/>'s stream of run <paramref name="seed"/>.</summary>
    public void Reset(int seed, long system)
    {
        // Two different (seed, system) pairs never share a starting state: the seed fills the high word.
        _state = Mix(((ulong)(uint)seed << 40) ^ (ulong)system ^ 0x9E3779B97F4A7C15UL);
    }

    /// <summary>53 random bits in [0, 1).</summary>
    public override double NextDouble() => (Next64() >> 11) * (1.0 / (1UL << 53));

    // Random's other members draw through Sample, so they follow the same stream.
    protected override double Sample() => NextDouble();

    private ulong Next64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
