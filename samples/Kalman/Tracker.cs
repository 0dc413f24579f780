using System;

namespace Kalman;

/// <summary>
/// Extended Kalman filter over (x, ẋ, ẍ, y, ẏ, ÿ, z, ż, z̈, clock bias): constant acceleration
/// driven by white jerk on each axis, a random-walk clock, and one pseudorange per beacon.
/// Every update solves with the innovation covariance S = H·P·Hᵀ + R (order = beacons).
/// </summary>
internal sealed class Tracker
{
    public const int States = 10;
    private const int M = Scenario.Beacons;

    /// <summary>Spectral density of the white jerk that drives each axis, m²/s⁵.</summary>
    public const double JerkDensity = 2e-4;

    private readonly double[] beacons;
    private readonly double[] x = new double[States];
    private readonly double[] p = new double[States * States];
    private readonly double[] q = new double[States * States];
    private readonly double[] h = new double[M * States];
    private readonly double[] hp = new double[M * States];
    private readonly double[] innovation = new double[M];

    public Tracker(double[] beacons, ReadOnlySpan<double> initialState, ReadOnlySpan<double> initialStd)
    {
        this.beacons = beacons;
        initialState.CopyTo(x);
        for (int i = 0; i < States; i++)
        {
            p[i * States + i] = initialStd[i] * initialStd[i];
        }

        // Discrete white-jerk noise of one step, per axis (Bar-Shalom's Q for the constant-acceleration model).
        double dt = Scenario.Dt;
        double[] axis =
        [
            Math.Pow(dt, 5) / 20, Math.Pow(dt, 4) / 8, Math.Pow(dt, 3) / 6,
            Math.Pow(dt, 4) / 8, Math.Pow(dt, 3) / 3, dt * dt / 2,
            Math.Pow(dt, 3) / 6, dt * dt / 2, dt,
        ];
        for (int a = 0; a < 3; a++)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    q[(3 * a + i) * States + 3 * a + j] = JerkDensity * axis[3 * i + j];
                }
            }
        }

        q[States * States - 1] = Scenario.ClockNoiseDensity * dt;
    }

    /// <summary>The current estimate.</summary>
    public ReadOnlySpan<double> State => x;

    /// <summary>The current error covariance, row-major.</summary>
    public ReadOnlySpan<double> Covariance => p;

    /// <summary>x ← F·x, P ← F·P·Fᵀ + Q.</summary>
    public void Predict()
    {
        const double Dt = Scenario.Dt, HalfDt2 = Scenario.Dt * Scenario.Dt / 2;
        for (int a = 0; a < 9; a += 3)
        {
            x[a] += Dt * x[a + 1] + HalfDt2 * x[a + 2];
            x[a + 1] += Dt * x[a + 2];

            // F acts on rows (F·P), then on columns (·Fᵀ); position first, while velocity is still old.
            for (int j = 0; j < States; j++)
            {
                p[a * States + j] += Dt * p[(a + 1) * States + j] + HalfDt2 * p[(a + 2) * States + j];
                p[(a + 1) * States + j] += Dt * p[(a + 2) * States + j];
            }

            for (int i = 0; i < States; i++)
            {
                p[i * States + a] += Dt * p[i * States + a + 1] + HalfDt2 * p[i * States + a + 2];
                p[i * States + a + 1] += Dt * p[i * States + a + 2];
            }
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] += q[i];
        }
    }

    /// <summary>
    /// Linearizes the ranges at the predicted state and fills S = H·P·Hᵀ + R (lower triangle, the
    /// one the solver reads) and B = [H·P | z − h(x)], M x (States + 1).
    /// </summary>
    public void Innovation(ReadOnlySpan<double> ranges, Span<double> s, Span<double> b)
    {
        for (int i = 0; i < M; i++)
        {
            double dx = x[0] - beacons[3 * i], dy = x[3] - beacons[3 * i + 1], dz = x[6] - beacons[3 * i + 2];
            double range = Math.Sqrt(dx * dx + dy * dy + dz * dz);
            innovation[i] = ranges[i] - (range + x[9]);

            // Row i of H: the unit line of sight on the positions, 1 on the clock bias.
            Span<double> hi = h.AsSpan(i * States, States);
            hi[0] = dx / range;
            hi[3] = dy / range;
            hi[6] = dz / range;
            hi[9] = 1;
            for (int j = 0; j < States; j++)
            {
                hp[i * States + j] = hi[0] * p[j] + hi[3] * p[3 * States + j] + hi[6] * p[6 * States + j] + p[9 * States + j];
            }
        }

        const double R = Scenario.RangeSigma * Scenario.RangeSigma;
        for (int i = 0; i < M; i++)
        {
            ReadOnlySpan<double> hpi = hp.AsSpan(i * States, States);
            for (int k = 0; k <= i; k++)
            {
                ReadOnlySpan<double> hk = h.AsSpan(k * States, States);
                s[i * M + k] = hpi[0] * hk[0] + hpi[3] * hk[3] + hpi[6] * hk[6] + hpi[9];
            }

            s[i * M + i] += R;
            hpi.CopyTo(b.Slice(i * (States + 1), States));
            b[i * (States + 1) + States] = innovation[i];
        }
    }

    /// <summary>
    /// Applies the update from the solved X = S⁻¹·[H·P | ν]: x += (H·P)ᵀ·S⁻¹ν, P −= (H·P)ᵀ·S⁻¹·(H·P),
    /// kept symmetric. Returns the normalized innovation squared νᵀ·S⁻¹·ν.
    /// </summary>
    public double Correct(ReadOnlySpan<double> solved)
    {
        const int Cols = States + 1;
        double nis = 0;
        for (int i = 0; i < M; i++)
        {
            double w = solved[i * Cols + States];
            nis += innovation[i] * w;
            for (int j = 0; j < States; j++)
            {
                x[j] += hp[i * States + j] * w;
            }
        }

        for (int j = 0; j < States; j++)
        {
            for (int l = 0; l <= j; l++)
            {
                double sum = 0;
                for (int i = 0; i < M; i++)
                {
                    sum += hp[i * States + j] * solved[i * Cols + l];
                }

                double v = 0.5 * (p[j * States + l] + p[l * States + j]) - sum;
                p[j * States + l] = v;
                p[l * States + j] = v;
            }
        }

        return nis;
    }
}
