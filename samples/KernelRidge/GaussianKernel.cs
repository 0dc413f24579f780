using System;

namespace KernelRidge;

/// <summary>
/// The kernel-ridge system: points uniform in the unit cube, A = α·I + K with the Gaussian kernel
/// K(i, j) = exp(−γ·‖xᵢ − xⱼ‖²). Entries are computed on demand, so A can be checked without
/// keeping a copy of the n x n matrix the factorization overwrites.
/// </summary>
internal sealed class GaussianKernel
{
    /// <summary>Dimension of the points, as in the workload it models.</summary>
    public const int Dimension = 3;

    private readonly double[] _points;

    public GaussianKernel(int n, double gamma, double alpha, int seed)
    {
        N = n;
        Gamma = gamma;
        Alpha = alpha;
        _points = new double[n * Dimension];
        var random = new Random(seed);
        for (int i = 0; i < _points.Length; i++)
        {
            _points[i] = random.NextDouble();
        }
    }

    public int N { get; }

    /// <summary>Kernel bandwidth γ = 1/σ².</summary>
    public double Gamma { get; }

    /// <summary>Ridge (noise variance) α on the diagonal.</summary>
    public double Alpha { get; }

    /// <summary>A(i, j) = α·[i = j] + exp(−γ·‖xᵢ − xⱼ‖²).</summary>
    public double Entry(int i, int j)
    {
        double dx = _points[i * 3] - _points[j * 3];
        double dy = _points[i * 3 + 1] - _points[j * 3 + 1];
        double dz = _points[i * 3 + 2] - _points[j * 3 + 2];
        double k = Math.Exp(-Gamma * (dx * dx + dy * dy + dz * dz));
        return i == j ? k + Alpha : k;
    }

    /// <summary>Writes the lower triangle of A, row-major n x n; the upper triangle is not touched.</summary>
    public void FillLower(Span<double> a)
    {
        for (int i = 0; i < N; i++)
        {
            Span<double> row = a.Slice(i * N, i + 1);
            for (int j = 0; j <= i; j++)
            {
                row[j] = Entry(i, j);
            }
        }
    }

    /// <summary>
    /// LAPACK's residual ratio ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε), A regenerated entry by entry
    /// (A is symmetric, so its column sums are its row sums).
    /// </summary>
    public double ResidualRatio(ReadOnlySpan<double> b, ReadOnlySpan<double> x)
    {
        double residual = 0, aNorm = 0, xNorm = 0;
        for (int i = 0; i < N; i++)
        {
            double r = b[i], rowSum = 0;
            for (int j = 0; j < N; j++)
            {
                double aij = Entry(i, j);
                r -= aij * x[j];
                rowSum += Math.Abs(aij);
            }

            residual += Math.Abs(r);
            aNorm = Math.Max(aNorm, rowSum);
            xNorm += Math.Abs(x[i]);
        }

        return residual / (aNorm * xNorm * Math.ScaleB(1.0, -53));
    }
}
