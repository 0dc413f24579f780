using System;
using System.Diagnostics;
using System.Linq;

namespace Specialized.Benchmarks;

/// <summary>Medians of repeated timings, after one untimed call.</summary>
internal static class ProbeTiming
{
    /// <summary>Milliseconds per call of <paramref name="action"/>: each of <paramref name="rounds"/> samples times <paramref name="calls"/> calls.</summary>
    public static double[] Samples(Action action, int rounds, int calls = 1)
    {
        action();
        var samples = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int c = 0; c < calls; c++)
            {
                action();
            }

            samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
        }

        return samples;
    }

    public static double Median(double[] samples)
    {
        double[] sorted = samples.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
