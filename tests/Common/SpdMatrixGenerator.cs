using System;

namespace Specialized.Testing;

/// <summary>
/// LAPACK dlatms for symmetric positive definite matrices (SYM = 'P', MODE = 3), deterministic
/// for a seed: A = Q·D·Qᵀ with D graded geometrically and Q a product of random Householder
/// reflections applied as dlagsy does. Everything is computed in double, in plain loops, so a
/// seed gives the same bits on every run (across platforms only Math.Pow/Log/Cos may differ by an ulp).
/// </summary>
public static class SpdMatrixGenerator
{
    /// <summary>dlatm1 mode 3: d(i) = norm2 · cond^(−i/(n−1)), from norm2 down to norm2/cond.</summary>
    public static double[] GradedEigenvalues(int n, double cond, double norm2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = n == 1 ? norm2 : norm2 * Math.Pow(cond, -(double)i / (n - 1));
        }

        return d;
    }

    /// <summary>
    /// Returns A = Q·diag(eigenvalues)·Qᵀ and, when <paramref name="withInverse"/>, A⁻¹ =
    /// Q·diag(1/eigenvalues)·Qᵀ with the same Q, both dense, row-major and exactly symmetric.
    /// <paramref name="rotate"/> = false gives the diagonal matrix itself (dlatms with bandwidth 0).
    /// </summary>
    public static (double[] A, double[]? Inverse) Generate(ReadOnlySpan<double> eigenvalues, bool rotate, bool withInverse, int seed)
    {
        int n = eigenvalues.Length;
        var a = new double[n * n];
        double[]? inverse = withInverse ? new double[n * n] : null;
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = eigenvalues[i];
            if (inverse is not null)
            {
                inverse[i * n + i] = 1 / eigenvalues[i];
            }
        }

        if (rotate)
        {
            var random = new Random(seed);
            var u = new double[n];
            var y = new double[n];
            // dlagsy: reflections H = I − τ·u·uᵀ on the trailing blocks, from the bottom up, each
            // applied on both sides so the eigenvalues stay put.
            for (int i = n - 2; i >= 0; i--)
            {
                int m = n - i;
                double tau = RandomReflector(random, u.AsSpan(0, m));
                ApplyReflector(a, n, i, u.AsSpan(0, m), tau, y);
                if (inverse is not null)
                {
                    ApplyReflector(inverse, n, i, u.AsSpan(0, m), tau, y);
                }
            }

            MirrorLower(a, n);
            if (inverse is not null)
            {
                MirrorLower(inverse, n);
            }
        }

        return (a, inverse);
    }

    // dlarnv(3) normal entries turned into a reflector with u(0) = 1, as dlagsy does.
    private static double RandomReflector(Random random, Span<double> u)
    {
        double norm = 0;
        for (int k = 0; k < u.Length; k++)
        {
            u[k] = Normal(random);
            norm += u[k] * u[k];
        }

        norm = Math.Sqrt(norm);
        if (norm == 0)
        {
            return 0;
        }

        double wa = Math.CopySign(norm, u[0]);
        double wb = u[0] + wa;
        for (int k = 1; k < u.Length; k++)
        {
            u[k] /= wb;
        }

        u[0] = 1;
        return wb / wa;
    }

    // A(i:, i:) ← H·A(i:, i:)·H as dlagsy's rank-2 update: y = τ·A·u, v = y − ½τ(yᵀu)·u, A −= u·vᵀ + v·uᵀ.
    // Only the lower triangle is kept up to date (Generate mirrors it once at the end) and every
    // loop walks rows: n = 1000 with its inverse takes about a second.
    private static void ApplyReflector(double[] a, int n, int i, ReadOnlySpan<double> u, double tau, double[] y)
    {
        int m = u.Length;
        Span<double> ys = y.AsSpan(0, m);
        ys.Clear();
        for (int r = 0; r < m; r++)
        {
            // Row r of the lower triangle serves as row r (dot) and as column r (axpy) of A.
            ReadOnlySpan<double> row = a.AsSpan((i + r) * n + i, r);
            double ur = u[r];
            ys[r] += a[(i + r) * n + i + r] * ur + DotAndAxpy(row, u.Slice(0, r), ur, ys.Slice(0, r));
        }

        double yu = 0;
        for (int r = 0; r < m; r++)
        {
            ys[r] *= tau;
            yu += ys[r] * u[r];
        }

        double alpha = -0.5 * tau * yu;
        for (int r = 0; r < m; r++)
        {
            ys[r] += alpha * u[r];
        }

        for (int r = 0; r < m; r++)
        {
            SubtractRank2(a.AsSpan((i + r) * n + i, r + 1), u[r], ys.Slice(0, r + 1), ys[r], u.Slice(0, r + 1));
        }
    }

    // Returns row·u and adds ur·row to y.
    private static double DotAndAxpy(ReadOnlySpan<double> row, ReadOnlySpan<double> u, double ur, Span<double> y)
    {
        double s = 0;
        u = u.Slice(0, row.Length);
        y = y.Slice(0, row.Length);
        for (int c = 0; c < row.Length; c++)
        {
            s += row[c] * u[c];
            y[c] += row[c] * ur;
        }

        return s;
    }

    // row −= ur·y + yr·u.
    private static void SubtractRank2(Span<double> row, double ur, ReadOnlySpan<double> y, double yr, ReadOnlySpan<double> u)
    {
        y = y.Slice(0, row.Length);
        u = u.Slice(0, row.Length);
        for (int c = 0; c < row.Length; c++)
        {
            row[c] -= ur * y[c] + yr * u[c];
        }
    }

    private static void MirrorLower(double[] a, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    // Box–Muller; one draw per call keeps the sequence simple and deterministic.
    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
