using System;

namespace Kalman;

/// <summary>
/// What the tracker sees: a vehicle flying a slow Lissajous figure a few kilometres across, ranged
/// by ten beacons spread over the sky 20 km away, through a receiver clock whose bias wanders as
/// a random walk (the pseudorange problem of GNSS, small enough to read).
/// </summary>
internal sealed class Scenario
{
    /// <summary>Ranges per step: the order of the innovation covariance.</summary>
    public const int Beacons = 10;

    /// <summary>Seconds between steps.</summary>
    public const double Dt = 0.1;

    /// <summary>Standard deviation of one range measurement, metres.</summary>
    public const double RangeSigma = 2.0;

    /// <summary>Spectral density of the clock bias random walk, m²/s.</summary>
    public const double ClockNoiseDensity = 0.05;

    private const double BeaconDistance = 20_000;

    private readonly Random random;
    private double clockBias;
    private double? spareGaussian;

    public Scenario(int seed)
    {
        random = new Random(seed);
        BeaconPositions = new double[3 * Beacons];
        for (int i = 0; i < Beacons; i++)
        {
            // Azimuths around the horizon, elevations from 10° to 80°: good but not perfect geometry.
            double azimuth = 2 * Math.PI * i / Beacons;
            double elevation = (10 + 70.0 * ((i * 3) % Beacons) / (Beacons - 1)) * Math.PI / 180;
            BeaconPositions[3 * i] = BeaconDistance * Math.Cos(elevation) * Math.Cos(azimuth);
            BeaconPositions[3 * i + 1] = BeaconDistance * Math.Cos(elevation) * Math.Sin(azimuth);
            BeaconPositions[3 * i + 2] = BeaconDistance * Math.Sin(elevation);
        }
    }

    /// <summary>Beacon i at (3i, 3i + 1, 3i + 2), metres.</summary>
    public double[] BeaconPositions { get; }

    /// <summary>
    /// The true state at step k in the filter's order (x, ẋ, ẍ, y, ẏ, ÿ, z, ż, z̈, clock bias),
    /// advancing the clock's random walk by one step.
    /// </summary>
    public void Truth(long k, Span<double> state)
    {
        double t = k * Dt;
        Axis(state[..3], t, amplitude: 2_000, period: 600, phase: 0);
        Axis(state[3..6], t, amplitude: 1_500, period: 420, phase: 0.7);
        Axis(state[6..9], t, amplitude: 100, period: 300, phase: 1.9);
        state[6] += 500;
        state[9] = clockBias;
        clockBias += Math.Sqrt(ClockNoiseDensity * Dt) * Gaussian();
    }

    /// <summary>Noisy pseudoranges from the true state: distance to each beacon plus the clock bias.</summary>
    public void Measure(ReadOnlySpan<double> truth, Span<double> ranges)
    {
        for (int i = 0; i < Beacons; i++)
        {
            ranges[i] = Range(truth, i) + truth[9] + RangeSigma * Gaussian();
        }
    }

    /// <summary>Geometric distance from the state's position to beacon i.</summary>
    public double Range(ReadOnlySpan<double> state, int i)
    {
        double dx = state[0] - BeaconPositions[3 * i];
        double dy = state[3] - BeaconPositions[3 * i + 1];
        double dz = state[6] - BeaconPositions[3 * i + 2];
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static void Axis(Span<double> pva, double t, double amplitude, double period, double phase)
    {
        double w = 2 * Math.PI / period;
        double angle = w * t + phase;
        pva[0] = amplitude * Math.Sin(angle);
        pva[1] = amplitude * w * Math.Cos(angle);
        pva[2] = -amplitude * w * w * Math.Sin(angle);
    }

    /// <summary>Standard normal deviates, two at a time (Marsaglia's polar method).</summary>
    private double Gaussian()
    {
        if (spareGaussian is double spare)
        {
            spareGaussian = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = 2 * random.NextDouble() - 1;
            v = 2 * random.NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        double scale = Math.Sqrt(-2 * Math.Log(s) / s);
        spareGaussian = v * scale;
        return u * scale;
    }
}
