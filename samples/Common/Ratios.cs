using System;

namespace Samples;

/// <summary>
/// LAPACK's test ratios (TESTING/LIN dpot02 and dget04) for an SPD system A·X = B with X and B
/// n x nrhs row-major and A dense symmetric row-major. A correct solve keeps each below
/// <see cref="Threshold"/>, whatever the size or conditioning.
/// </summary>
internal static class Ratios
{
    /// <summary>dchkpo's THRESH.</summary>
    public const double Threshold = 30;

    /// <summary>Unit roundoff of double, as LAPACK's dlamch('E').</summary>
    public static readonly double Epsilon = Math.ScaleB(1.0, -53);

    /// <summary>dpot02: max over columns of ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε).</summary>
    public static double Residual(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, int n, int nrhs)
    {
        double aNorm = OneNorm(a, n);
        double worst = 0;
        for (int c = 0; c < nrhs; c++)
        {
            double rNorm = 0, xNorm = 0;
            for (int i = 0; i < n; i++)
            {
                double r = b[i * nrhs + c];
                for (int j = 0; j < n; j++)
                {
                    r -= a[i * n + j] * x[j * nrhs + c];
                }

                rNorm += Math.Abs(r);
                xNorm += Math.Abs(x[i * nrhs + c]);
            }

            worst = Math.Max(worst, xNorm == 0 ? rNorm / (aNorm * Epsilon) : rNorm / (aNorm * xNorm * Epsilon));
        }

        return worst;
    }

    /// <summary>dget04: max over columns of ‖x − x*‖∞ / (‖x*‖∞·κ₁·ε), with κ₁ = ‖A‖₁·‖A⁻¹‖₁ given.</summary>
    public static double ForwardError(ReadOnlySpan<double> x, ReadOnlySpan<double> reference, int n, int nrhs, double condition)
    {
        double worst = 0;
        for (int c = 0; c < nrhs; c++)
        {
            double diff = 0, norm = 0;
            for (int i = 0; i < n; i++)
            {
                diff = Math.Max(diff, Math.Abs(x[i * nrhs + c] - reference[i * nrhs + c]));
                norm = Math.Max(norm, Math.Abs(reference[i * nrhs + c]));
            }

            if (norm > 0)
            {
                worst = Math.Max(worst, diff / (norm * condition * Epsilon));
            }
        }

        return worst;
    }

    /// <summary>‖A‖₁, the largest column sum of |A|, for a dense n x n matrix.</summary>
    public static double OneNorm(ReadOnlySpan<double> a, int n)
    {
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
            {
                column += Math.Abs(a[i * n + j]);
            }

            norm = Math.Max(norm, column);
        }

        return norm;
    }
}
