using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>Every kernel, both precisions, against αI + K formed densely in double and solved by the runtime's Cholesky.</summary>
public class DenseReferenceTests
{
    public static IEnumerable<object[]> Cases() =>
        from kernel in Enum.GetValues<RadialKernel>()
        from n in new[] { 0, 1, 2, 17, 500, 3000 }
        from d in new[] { 1, 2, 3, 5, 8 }
        where n < 3000 || d == 3 || (d == 8 && kernel == RadialKernel.Gaussian)
        select new object[] { kernel, n, d };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Single_matches_dense(RadialKernel kernel, int count, int dimension) => Check<float>(kernel, count, dimension);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Double_matches_dense(RadialKernel kernel, int count, int dimension) => Check<double>(kernel, count, dimension);

    private static double ExpError<T>() =>
        typeof(T) == typeof(float) ? ExpPolynomial.SingleMaxRelativeError : ExpPolynomial.DoubleMaxRelativeError;

    private static void Check<T>(RadialKernel kernel, int count, int dimension)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Well conditioned: α = 1 and each row's kernel mass about 8 (the heavy-tailed kernels get a wider decay scale).
        double gamma = KernelProblem<T>.GammaForMass(count, dimension, 8);
        if (kernel is RadialKernel.Laplacian or RadialKernel.Matern32 or RadialKernel.Matern52)
        {
            gamma = Math.Sqrt(gamma) * 2;
        }
        else if (kernel == RadialKernel.InverseMultiquadric)
        {
            gamma *= 50;
        }

        var problem = new KernelProblem<T>(count, dimension, kernel, gamma, alpha: 1.0);
        using KernelSystem<T> system = problem.Create(new KernelSystemOptions { Truncation = 0 });
        Assert.Equal(count, system.Count);
        Assert.Equal(dimension, system.Dimension);
        double[] a = problem.Dense();

        T[] v = problem.Values(1);
        var y = new T[count];
        system.Multiply(v, y);
        double eps = KernelProblem<T>.Epsilon;
        for (int i = 0; i < count; i++)
        {
            // Each term weighs |A(i, j)·vⱼ| by 1 + |ln k|: an argument t of the exponential carries T's rounding
            // (a relative ε), which exp turns into a relative error |t|·ε of k = exp(t).
            double exact = 0, magnitude = 0;
            for (int j = 0; j < count; j++)
            {
                double term = a[i * count + j] * double.CreateTruncating(v[j]);
                exact += term;
                if (term != 0)
                {
                    magnitude += Math.Abs(term) * (1 + Math.Abs(Math.Log(a[i * count + j] - (i == j ? problem.Alpha : 0))));
                }
            }

            // Kernel values carry the exponential's error on top of T's rounding.
            double ratio = Math.Abs(double.CreateTruncating(y[i]) - exact) / (eps * magnitude);
            Assert.True(ratio <= LapackRatios.Threshold + ExpError<T>() / eps, $"row {i}: product ratio {ratio:G3}");
        }

        T[] b = problem.Values(1, seed: 99);
        var x = new T[count];
        KernelSolveResult result = system.Solve(b, x);
        Assert.True(result.Converged, $"not converged: {result.Iterations} iterations, residual {result.RelativeResidual:G3}");
        Assert.True(result.RelativeResidual <= 1e-6);

        // The same system solved densely: x must satisfy it as well as the tolerance and T's rounding of A allow.
        var reference = b.Select(double.CreateTruncating).ToArray();
        var factor = (double[])a.Clone();
        Assert.True(Cholesky.Solve(factor.AsSpan(), reference.AsSpan(), count));
        double r2 = 0, b2 = 0, ax2 = 0, e2 = 0, x2 = 0;
        for (int i = 0; i < count; i++)
        {
            double ax = 0, axAbs = 0;
            for (int j = 0; j < count; j++)
            {
                ax += a[i * count + j] * double.CreateTruncating(x[j]);
                axAbs += Math.Abs(a[i * count + j] * double.CreateTruncating(x[j]));
            }

            double bi = double.CreateTruncating(b[i]);
            r2 += (bi - ax) * (bi - ax);
            b2 += bi * bi;
            ax2 += axAbs * axAbs;
            double e = double.CreateTruncating(x[i]) - reference[i];
            e2 += e * e;
            x2 += reference[i] * reference[i];
        }

        double allowed = 1e-6 + LapackRatios.Threshold * eps * Math.Sqrt(ax2 / Math.Max(b2, double.Epsilon));
        Assert.True(count == 0 || Math.Sqrt(r2 / b2) <= allowed, $"dense residual {Math.Sqrt(r2 / b2):G3} > {allowed:G3}");

        // αI + K ⪰ I, so ‖x − x*‖ ≤ ‖b − A·x‖, up to x*'s own (double) error.
        double slack = LapackRatios.Threshold * count * Lapack.Epsilon(Precision.Double) * Math.Sqrt(x2);
        Assert.True(Math.Sqrt(e2) <= Math.Sqrt(r2) + slack, $"forward error {Math.Sqrt(e2):G3} above residual {Math.Sqrt(r2):G3}");
    }
}
