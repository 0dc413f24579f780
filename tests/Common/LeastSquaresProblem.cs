using System;

namespace Specialized.Testing;

/// <summary>
/// A least-squares test problem in double: A (rows x cols, dense row-major) = U·Σ·Vᵀ with orthonormal
/// U and V and singular values graded geometrically from 1 down to 1/κ, b = A·x* plus a residual
/// orthogonal to A's range of relative size <c>residual</c>, weights in [0.5, 2] when asked.
/// </summary>
public sealed class LeastSquaresProblem
{
    private LeastSquaresProblem(int rows, int cols, double[] a, double[] b, double[]? w, double[] solution)
    {
        Rows = rows;
        Cols = cols;
        A = a;
        B = b;
        W = w;
        Solution = solution;
    }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>A, row-major.</summary>
    public double[] A { get; }

    public double[] B { get; }

    /// <summary>The weights, or null for an unweighted problem.</summary>
    public double[]? W { get; }

    /// <summary>x* with b = A·x* + r, r ⟂ range(A); the exact solution of the unweighted, ridge-free problem.</summary>
    public double[] Solution { get; }

    public static LeastSquaresProblem Create(int rows, int cols, double cond, bool weighted, int seed, double residual = 0)
    {
        var random = new Random(seed);
        double[] u = Orthonormal(rows, cols + 1, random);
        double[] v = Orthonormal(cols, cols, random);
        var a = new double[rows * cols];
        for (int k = 0; k < cols; k++)
        {
            double sigma = cols == 1 ? 1 : Math.Pow(cond, -(double)k / (cols - 1));
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                {
                    a[i * cols + j] += u[i * (cols + 1) + k] * sigma * v[j * cols + k];
                }
            }
        }

        var x = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            x[j] = random.NextDouble() * 2 - 1;
        }

        var b = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                b[i] += a[i * cols + j] * x[j];
            }

            // The (cols+1)-th column of U is orthogonal to A's range when rows > cols.
            b[i] += rows > cols ? residual * u[i * (cols + 1) + cols] : 0;
        }

        double[]? w = null;
        if (weighted)
        {
            w = new double[rows];
            for (int i = 0; i < rows; i++)
            {
                w[i] = 0.5 + 1.5 * random.NextDouble();
            }
        }

        return new LeastSquaresProblem(rows, cols, a, b, w, x);
    }

    /// <summary>A in the given layout and precision, with <paramref name="extra"/> trailing elements.</summary>
    public T[] Matrix<T>(MatrixLayout layout, int extra = 0)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var stored = new T[Rows * Cols + extra];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Cols; j++)
            {
                double value = A[i * Cols + j];
                stored[layout == MatrixLayout.RowMajor ? i * Cols + j : j * Rows + i] = T.CreateTruncating(value);
            }
        }

        return stored;
    }

    // Columns of a random matrix made orthonormal by Gram-Schmidt, twice (enough for orthogonality to ε).
    private static double[] Orthonormal(int rows, int cols, Random random)
    {
        var q = new double[rows * cols];
        int kept = Math.Min(rows, cols);
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = random.NextDouble() * 2 - 1;
        }

        for (int k = 0; k < kept; k++)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < k; p++)
                {
                    double dot = 0;
                    for (int i = 0; i < rows; i++)
                    {
                        dot += q[i * cols + p] * q[i * cols + k];
                    }

                    for (int i = 0; i < rows; i++)
                    {
                        q[i * cols + k] -= dot * q[i * cols + p];
                    }
                }
            }

            double norm = 0;
            for (int i = 0; i < rows; i++)
            {
                norm += q[i * cols + k] * q[i * cols + k];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < rows; i++)
            {
                q[i * cols + k] /= norm;
            }
        }

        return q;
    }
}
