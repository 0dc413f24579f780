using System;

namespace Specialized.Testing;

/// <summary>
/// Test-only references for least squares in double: the Householder-QR solution (LAPACK dgels's
/// method, backward stable, error ∝ κ rather than κ²) and the residual ratio the fits are scored with.
/// </summary>
public static class ReferenceLeastSquares
{
    /// <summary>
    /// x minimizing Σ wᵢ(Aᵢx − bᵢ)² + ridge‖x‖² for row-major A, by QR of [√W·A; √ridge·I]
    /// (the ridge rows only when ridge &gt; 0).
    /// </summary>
    public static double[] Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, int rows, int cols, double ridge)
    {
        int m = rows + (ridge > 0 ? cols : 0);
        var r = new double[m * cols];
        var y = new double[m];
        for (int i = 0; i < rows; i++)
        {
            double s = w.IsEmpty ? 1 : Math.Sqrt(w[i]);
            for (int j = 0; j < cols; j++)
            {
                r[i * cols + j] = s * a[i * cols + j];
            }

            y[i] = s * b[i];
        }

        for (int j = 0; j < m - rows; j++)
        {
            r[(rows + j) * cols + j] = Math.Sqrt(ridge);
        }

        // Householder reflections column by column, applied to y as they are made.
        for (int k = 0; k < cols; k++)
        {
            double norm = 0;
            for (int i = k; i < m; i++)
            {
                norm += r[i * cols + k] * r[i * cols + k];
            }

            norm = Math.Sqrt(norm);
            if (norm == 0)
            {
                continue;
            }

            double alpha = r[k * cols + k] > 0 ? -norm : norm;
            var v = new double[m];
            for (int i = k; i < m; i++)
            {
                v[i] = r[i * cols + k];
            }

            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < m; i++)
            {
                vv += v[i] * v[i];
            }

            for (int j = k; j < cols; j++)
            {
                double dot = 0;
                for (int i = k; i < m; i++)
                {
                    dot += v[i] * r[i * cols + j];
                }

                for (int i = k; i < m; i++)
                {
                    r[i * cols + j] -= 2 * dot / vv * v[i];
                }
            }

            double dy = 0;
            for (int i = k; i < m; i++)
            {
                dy += v[i] * y[i];
            }

            for (int i = k; i < m; i++)
            {
                y[i] -= 2 * dy / vv * v[i];
            }
        }

        var x = new double[cols];
        for (int k = cols - 1; k >= 0; k--)
        {
            double sum = y[k];
            for (int j = k + 1; j < cols; j++)
            {
                sum -= r[k * cols + j] * x[j];
            }

            x[k] = sum / r[k * cols + k];
        }

        return x;
    }

    /// <summary>
    /// The normal equations' backward-error ratio, after LAPACK's dqrt17 but with the normal equations'
    /// scale: ‖ÃᵀW(b − Ãx) − ridge·x‖₁ / (max(rows, cols)·ε·‖Ã‖₁·(‖Ã‖₁‖x‖₁ + ‖b‖₁)), Ã = √W·A,
    /// computed in double. A backward-stable solve of the normal equations keeps it O(1) whatever κ(A).
    /// </summary>
    public static double Ratio<T>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, ReadOnlySpan<T> x, int rows, int cols, double ridge, double eps)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var xd = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            xd[j] = double.CreateTruncating(x[j]);
        }

        var gradient = new double[cols];
        double aNorm = 0, xNorm = 0, bNorm = 0;
        var columnSums = new double[cols];
        for (int i = 0; i < rows; i++)
        {
            double weight = w.IsEmpty ? 1 : w[i];
            double residual = b[i];
            for (int j = 0; j < cols; j++)
            {
                residual -= a[i * cols + j] * xd[j];
                columnSums[j] += Math.Abs(Math.Sqrt(weight) * a[i * cols + j]);
            }

            for (int j = 0; j < cols; j++)
            {
                gradient[j] += a[i * cols + j] * weight * residual;
            }

            bNorm += Math.Abs(Math.Sqrt(weight) * b[i]);
        }

        double gradientNorm = 0;
        for (int j = 0; j < cols; j++)
        {
            gradient[j] -= ridge * xd[j];
            gradientNorm += Math.Abs(gradient[j]);
            aNorm = Math.Max(aNorm, columnSums[j] + Math.Sqrt(ridge));
            xNorm += Math.Abs(xd[j]);
        }

        double scale = Math.Max(rows, cols) * eps * aNorm * (aNorm * xNorm + bNorm);
        return scale == 0 ? gradientNorm : gradientNorm / scale;
    }

    /// <summary>‖x − reference‖∞ / ‖reference‖∞.</summary>
    public static double ForwardError<T>(ReadOnlySpan<T> x, ReadOnlySpan<double> reference)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        double error = 0, norm = 0;
        for (int j = 0; j < reference.Length; j++)
        {
            error = Math.Max(error, Math.Abs(double.CreateTruncating(x[j]) - reference[j]));
            norm = Math.Max(norm, Math.Abs(reference[j]));
        }

        return norm == 0 ? error : error / norm;
    }
}
