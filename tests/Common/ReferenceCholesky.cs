using System;

namespace Specialized.Testing;

/// <summary>
/// A plain double-precision dpotf2 (lower, unblocked) on a copy of a dense matrix: an
/// independent answer for which leading minor fails, to check expectations against.
/// </summary>
public static class ReferenceCholesky
{
    /// <summary>
    /// The 0-based index of the first pivot that is not positive or not finite when factoring the
    /// dense row-major <paramref name="dense"/> (its lower triangle is read), or -1 when all are fine.
    /// </summary>
    public static int FirstFailedPivot(ReadOnlySpan<double> dense, int n)
    {
        double[] l = dense.Slice(0, n * n).ToArray();
        for (int j = 0; j < n; j++)
        {
            double d = l[j * n + j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j * n + k] * l[j * n + k];
            }

            if (!(d > 0 && double.IsFinite(d)))
            {
                return j;
            }

            d = Math.Sqrt(d);
            l[j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                double s = l[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i * n + k] * l[j * n + k];
                }

                l[i * n + j] = s / d;
            }
        }

        return -1;
    }
}
