using System;
using Specialized;

namespace Kalman;

/// <summary>
/// How well the estimate follows the simulated truth: RMS errors, and the filter's own consistency
/// tests, the mean normalized innovation squared (NIS, every step) and the mean normalized
/// estimation error squared (NEES, on the sampled steps). A consistent filter's means equal the
/// number of measurements and of states.
/// </summary>
internal sealed class TrackingErrors
{
    private readonly double[] error = new double[Tracker.States];
    private readonly double[] weighted = new double[Tracker.States];
    private double position, velocity, clock, nis, nees;
    private long steps, neesSteps;

    public double PositionRms => Math.Sqrt(position / steps);

    public double VelocityRms => Math.Sqrt(velocity / steps);

    public double ClockRms => Math.Sqrt(clock / steps);

    public double MeanNis => nis / steps;

    public double MeanNees => nees / neesSteps;

    /// <summary>Adds one step; <paramref name="covariance"/> is empty on steps without a NEES.</summary>
    public void Add(ReadOnlySpan<double> estimate, ReadOnlySpan<double> truth, double stepNis, ReadOnlySpan<double> covariance)
    {
        for (int i = 0; i < Tracker.States; i++)
        {
            error[i] = estimate[i] - truth[i];
        }

        position += error[0] * error[0] + error[3] * error[3] + error[6] * error[6];
        velocity += error[1] * error[1] + error[4] * error[4] + error[7] * error[7];
        clock += error[9] * error[9];
        nis += stepNis;
        steps++;
        if (!covariance.IsEmpty)
        {
            if (!Cholesky.Solve(covariance, error, weighted, Tracker.States))
            {
                throw new InvalidOperationException("the state covariance is not positive definite");
            }

            double sum = 0;
            for (int i = 0; i < Tracker.States; i++)
            {
                sum += error[i] * weighted[i];
            }

            nees += sum;
            neesSteps++;
        }
    }
}
