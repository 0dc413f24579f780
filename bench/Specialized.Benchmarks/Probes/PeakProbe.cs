using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Specialized.Benchmarks;

/// <summary>
/// The limits the other probes are read against: the FMA peak (the suites' <see cref="FmaPeak"/>
/// kernel, best of 20) and the core clock, from a chain of dependent one-cycle integer operations.
/// </summary>
internal static class PeakProbe
{
    private const int ClockSteps = 100_000_000;

    public static void Run()
    {
        var peak = new FmaPeak();
        double doublePeak = Best(() => peak.Double(), FmaPeak.DoubleFlops);
        double singlePeak = Best(() => peak.Single(), FmaPeak.SingleFlops);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak: {doublePeak:F1} GFLOP/s double, {singlePeak:F1} float (best of 20)"));
        for (int r = 0; r < 3; r++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clock: {Clock(Environment.ProcessorCount, 7):F2} GHz (10 dependent adds and xors per step)"));
        }
    }

    private static double Best(Action call, int flops)
    {
        double[] samples = ProbeTiming.Samples(call, 20);
        Array.Sort(samples);
        return flops / samples[0] / 1e6;
    }

    // Each add or xor waits for the one before it and takes one cycle, so steps x 10 / time is the clock.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Clock(long k, long k2)
    {
        long v = k;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < ClockSteps; i++)
        {
            v = (v + k) ^ k2;
            v = (v + k) ^ k2;
            v = (v + k) ^ k2;
            v = (v + k) ^ k2;
            v = (v + k) ^ k2;
        }

        double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        return v == 42 ? double.NaN : ClockSteps * 10.0 / ns;
    }
}
