using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Specialized;

namespace KernelRidge;

/// <summary>
/// The same kernel ridge system at a size no dense matrix reaches: N = 10⁶ points in [0,1]³, float,
/// solved matrix-free by <see cref="KernelSystem{T}"/> (conjugate gradients, pairs within the default
/// truncation recomputed on every pass). Checked by the true residual at 1,000 sampled rows, each summed
/// over every point in double: the log-determinant is the dense path's job.
/// </summary>
public static class MatrixFreeSample
{
    /// <summary>Points solved unless told otherwise.</summary>
    public const int DefaultN = 1_000_000;

    /// <summary>Rows whose true residual is summed over every point.</summary>
    public const int CheckedRows = 1_000;

    /// <summary>The float system's promise at the default truncation: RMS true residual over RMS of b.</summary>
    public const double ResidualBound = 1e-5;

    /// <summary>Runs the solve, writing what it did and how fast to <paramref name="output"/>.</summary>
    /// <param name="n">Number of points, 1 or more.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="progress">Told the fraction done at each stage, when given.</param>
    /// <exception cref="InvalidOperationException">The solve did not converge or the check failed.</exception>
    public static void Run(int n, TextWriter output, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        float gamma = (float)KernelRidgeSample.Gamma, alpha = (float)KernelRidgeSample.Alpha;
        output.WriteLine(
            $"Kernel ridge, matrix-free: (αI + K)·a = b, N = {n:N0} points in [0,1]³, float, K = exp(−γ‖xᵢ − xⱼ‖²), γ = {gamma:G4}, " +
            $"α = {alpha}; conjugate gradients, truncation {KernelSystemOptions.DefaultSingleTruncation:G2} (dense would be {n * (double)n * 4 / 1e12:F1} TB)");

        var random = new Random(1234);
        var points = new float[n * 3];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = (float)random.NextDouble();
        }

        var b = new float[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        long t0 = Stopwatch.GetTimestamp();
        using var system = KernelSystem<float>.Create(points, n, 3, RadialKernel.Gaussian, gamma, alpha);
        double build = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(0.1);

        var a = new float[n];
        t0 = Stopwatch.GetTimestamp();
        KernelSolveResult result = system.Solve(b, a);
        double solve = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(0.7);
        if (!result.Converged)
        {
            throw new InvalidOperationException($"not converged after {result.Iterations} iterations: residual {result.RelativeResidual:G3}");
        }

        t0 = Stopwatch.GetTimestamp();
        double trueResidual = SampledResidual(points, b, a, gamma, alpha);
        double check = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(1.0);

        output.WriteLine(
            $"build {build:F2} s; solve {solve:F2} s ({result.Iterations} iterations, relative residual {result.RelativeResidual:E2} with the truncated K)");
        output.WriteLine(
            $"check: true relative residual at {Math.Min(CheckedRows, n):N0} sampled rows, every pair in double = {trueResidual:E2} (bound {ResidualBound:G2}), {check:F2} s");
        if (!(trueResidual <= ResidualBound))
        {
            throw new InvalidOperationException($"the solve fails its check: sampled true residual {trueResidual:G3}");
        }
    }

    // RMS of b − (αI + K)·a over sampled rows against RMS of b there, each row's sum over every point in double.
    private static double SampledResidual(float[] points, float[] b, float[] a, double gamma, double alpha)
    {
        int n = b.Length, rows = Math.Min(CheckedRows, n);
        var residual = new double[rows];
        var sampled = new int[rows];
        var pick = new Random(77);
        for (int s = 0; s < rows; s++)
        {
            sampled[s] = rows == n ? s : pick.Next(n);
        }

        Parallel.For(0, rows, s =>
        {
            int i = sampled[s];
            double xi = points[i * 3], yi = points[i * 3 + 1], zi = points[i * 3 + 2];
            double sum = alpha * a[i];
            for (int j = 0; j < n; j++)
            {
                double dx = xi - points[j * 3], dy = yi - points[j * 3 + 1], dz = zi - points[j * 3 + 2];
                double r2 = dx * dx + dy * dy + dz * dz;

                // exp(−γr²) < 1e-300 beyond this: nothing a double sum could see.
                if (gamma * r2 < 690)
                {
                    sum += Math.Exp(-gamma * r2) * a[j];
                }
            }

            residual[s] = b[i] - sum;
        });

        double r2Sum = 0, b2Sum = 0;
        for (int s = 0; s < rows; s++)
        {
            r2Sum += residual[s] * residual[s];
            b2Sum += (double)b[sampled[s]] * b[sampled[s]];
        }

        return Math.Sqrt(r2Sum / b2Sum);
    }
}
