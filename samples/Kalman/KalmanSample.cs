using System;
using System.Diagnostics;
using System.IO;
using Samples;
using Specialized;

namespace Kalman;

/// <summary>
/// An extended Kalman filter whose every update solves with its 10x10 innovation
/// covariance. Runs the filter over a simulated flight, checks a sample of the solves against the
/// runtime fallback with LAPACK's ratios and the estimate against the simulated truth, and times
/// the filter step and the solve alone.
/// </summary>
public static class KalmanSample
{
    /// <summary>Steps the sample runs unless told otherwise.</summary>
    public const long DefaultSteps = 1_000_000;

    private const int M = Scenario.Beacons;
    private const int N = Tracker.States;
    private const int Cols = N + 1;
    private const int Chunk = 10_000;
    private const int SampleEvery = 1_000;
    private const int BurnIn = 1_000;

    /// <summary>Runs the sample, writing what it did and how fast to <paramref name="output"/>.</summary>
    /// <param name="steps">Filter steps (0.1 s each) to run; at least 2 x 1,000.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="progress">Told the fraction done, when given.</param>
    /// <exception cref="InvalidOperationException">A check failed: the message says which.</exception>
    public static void Run(long steps, TextWriter output, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2 * BurnIn);
        output.WriteLine($"Kalman filter: {N} states, {M} pseudoranges per step, {steps:N0} steps of {Scenario.Dt} s");

        var scenario = new Scenario(seed: 2);
        var truth = new double[Chunk * N];
        var ranges = new double[Chunk * M];
        scenario.Truth(0, truth);
        double[] start = [.. truth.AsSpan(0, N)];
        for (int a = 0; a < 9; a += 3)
        {
            start[a] += 30;
            start[a + 1] = 0;
            start[a + 2] = 0;
        }

        var tracker = new Tracker(scenario.BeaconPositions, start, [50, 30, 1, 50, 30, 1, 50, 30, 1, 100]);
        var samples = new SampledSolves(checked((int)(steps / SampleEvery)), M, Cols);
        var errors = new TrackingErrors();
        var s = new double[M * M];
        var b = new double[M * Cols];

        double filterSeconds = 0, firstChunkPerStep = 0;
        for (long first = 0; first < steps; first += Chunk)
        {
            int count = (int)Math.Min(Chunk, steps - first);
            for (int k = 0; k < count; k++)
            {
                scenario.Truth(first + k, truth.AsSpan(k * N, N));
                scenario.Measure(truth.AsSpan(k * N, N), ranges.AsSpan(k * M, M));
            }

            long t0 = Stopwatch.GetTimestamp();
            for (int k = 0; k < count; k++)
            {
                long step = first + k;
                tracker.Predict();
                tracker.Innovation(ranges.AsSpan(k * M, M), s, b);
                bool sampled = step % SampleEvery == SampleEvery - 1;
                if (sampled)
                {
                    samples.RecordInputs(s, b);
                }

                SolveResult result = InnovationSolver.Solve(s, b, M, Cols);
                if (!result)
                {
                    throw new InvalidOperationException($"step {step}: innovation covariance not positive definite at pivot {result.FailedPivot}");
                }

                if (sampled)
                {
                    samples.RecordSolution(b);
                }

                double nis = tracker.Correct(b);
                if (step >= BurnIn)
                {
                    errors.Add(tracker.State, truth.AsSpan(k * N, N), nis, sampled ? tracker.Covariance : default);
                }
            }

            double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            filterSeconds += seconds;
            if (first == 0)
            {
                firstChunkPerStep = seconds / count;
            }

            progress?.Report(0.9 * (first + count) / steps);
        }

        output.WriteLine(
            $"filter: {filterSeconds:F2} s, {filterSeconds / steps * 1e9:F0} ns per step " +
            $"(predict, linearize, solve, correct); the first {Math.Min(Chunk, steps):N0} steps {firstChunkPerStep * 1e9:F0} ns per step (JIT compilation included, when there is a JIT)");

        (double inPlace, double factorThenSolve, double fallback) = samples.TimeSolves();
        progress?.Report(1.0);
        output.WriteLine(
            $"solve alone, S·X = [H·P | ν] with S {M}x{M} and {Cols} right-hand sides, {samples.Count:N0} recorded steps replayed, ns per solve: " +
            $"generated in place {inPlace:F0}, generated factor + solve with factor {factorThenSolve:F0}, runtime Cholesky.Solve {fallback:F0}");

        SampledSolves.Check worst = samples.CheckAgainstFallback();
        output.WriteLine(
            $"check, {samples.Count:N0} sampled solves: residual ratio ‖B − S·X‖₁/(‖S‖₁·‖X‖₁·ε) ≤ {worst.GeneratedResidual:F2} generated, " +
            $"≤ {worst.FallbackResidual:F2} fallback; forward-error ratio against the fallback ≤ {worst.Forward:F2} (LAPACK's bound: {Ratios.Threshold})");
        if (!(Math.Max(worst.GeneratedResidual, Math.Max(worst.FallbackResidual, worst.Forward)) < Ratios.Threshold))
        {
            throw new InvalidOperationException("a sampled solve's LAPACK ratio is not below the threshold");
        }

        output.WriteLine(
            $"check, tracking after {BurnIn:N0} steps: RMS error {errors.PositionRms:F2} m position, {errors.VelocityRms:F3} m/s velocity, " +
            $"{errors.ClockRms:F2} m clock bias (one range: σ = {Scenario.RangeSigma} m); " +
            $"mean NIS {errors.MeanNis:F2} (consistent filter: {M}), mean NEES {errors.MeanNees:F2} (consistent filter: {N})");
        if (!(errors.PositionRms < Scenario.RangeSigma))
        {
            throw new InvalidOperationException($"the filter does not track: RMS position error {errors.PositionRms:G3} m is not below the range noise");
        }

        if (!(errors.MeanNis > 0.5 * M && errors.MeanNis < 2.0 * M && errors.MeanNees > 0.5 * N && errors.MeanNees < 2.0 * N))
        {
            throw new InvalidOperationException("the filter is not consistent: its mean NIS or NEES is off by more than a factor of 2");
        }
    }
}
