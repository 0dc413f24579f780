using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>Every kernel, both precisions, against αI + K formed densely in double and solved by the runtime's Cholesky.</summary>
public class DenseReferenceTests
{
    private const int LargeCount = 3000;

    private static readonly int[] s_dimensions = [1, 2, 3, 5, 8];

    public static IEnumerable<object[]> Cases() =>
        from kernel in Enum.GetValues<RadialKernel>()
        from n in new[] { 0, 1, 2, 17, 500 }
        from d in s_dimensions
        select new object[] { kernel, n, d };

    public static IEnumerable<object[]> LargeCases() =>
        from kernel in Enum.GetValues<RadialKernel>()
        from d in s_dimensions
        select new object[] { kernel, d };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Single_matches_dense(RadialKernel kernel, int count, int dimension) => Check<float>(new Reference(kernel, count, dimension));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Double_matches_dense(RadialKernel kernel, int count, int dimension) => Check<double>(new Reference(kernel, count, dimension));

    /// <summary>At 3,000 points the dense matrix, its product and its solve are formed once and checked against both precisions.</summary>
    [Theory]
    [MemberData(nameof(LargeCases))]
    public void Both_precisions_match_dense_at_3000_points(RadialKernel kernel, int dimension)
    {
        var reference = new Reference(kernel, LargeCount, dimension);
        Check<float>(reference);
        Check<double>(reference);
    }

    private static double ExpError<T>() =>
        typeof(T) == typeof(float) ? ExpPolynomial.SingleMaxRelativeError : ExpPolynomial.DoubleMaxRelativeError;

    private static void Check<T>(Reference reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = reference.Count;
        T[] points = reference.Points.Select(T.CreateTruncating).ToArray();
        using KernelSystem<T> system = KernelSystem<T>.Create(points, count, reference.Dimension, reference.Kernel,
            T.CreateTruncating(reference.Gamma), T.CreateTruncating(Reference.Alpha), new KernelSystemOptions { Truncation = 0 });
        Assert.Equal(count, system.Count);
        Assert.Equal(reference.Dimension, system.Dimension);

        T[] v = reference.V.Select(T.CreateTruncating).ToArray();
        var y = new T[count];
        system.Multiply(v, y);
        double eps = KernelProblem<T>.Epsilon;

        // Each vector lane sums up to m = TileLength / lanes terms in T before the double sum: about √m roundings of Σ|term|.
        int lanes = PairKernelFactory.Create<T>(reference.Kernel, reference.Dimension, false).Lanes;
        double summation = Math.Sqrt(Math.Max(1, Math.Min(count, KernelOperator<T>.TileLength) / lanes));
        for (int i = 0; i < count; i++)
        {
            // Kernel values carry the exponential's error on top of T's rounding.
            double scale = reference.Magnitude[i] + summation * reference.AbsoluteSum[i];
            double ratio = Math.Abs(double.CreateTruncating(y[i]) - reference.Product[i]) / (eps * scale);
            Assert.True(ratio <= LapackRatios.Threshold + ExpError<T>() / eps, $"row {i}: product ratio {ratio:G3}");
        }

        T[] b = reference.B.Select(T.CreateTruncating).ToArray();
        var x = new T[count];
        KernelSolveResult result = system.Solve(b, x);
        Assert.True(result.Converged, $"not converged: {result.Iterations} iterations, residual {result.RelativeResidual:G3}");
        Assert.True(result.RelativeResidual <= 1e-6);

        // The same system solved densely: x must satisfy it as well as the tolerance and T's rounding of A allow.
        double[] xd = x.Select(double.CreateTruncating).ToArray();
        var residual = new double[count];
        var magnitude = new double[count];
        double[] a = reference.A;
        Parallel.For(0, count, i =>
        {
            double ax = 0, axAbs = 0;
            for (int j = 0; j < count; j++)
            {
                ax += a[i * count + j] * xd[j];
                axAbs += Math.Abs(a[i * count + j] * xd[j]);
            }

            residual[i] = reference.B[i] - ax;
            magnitude[i] = axAbs;
        });

        double r2 = 0, b2 = 0, ax2 = 0, e2 = 0, x2 = 0;
        for (int i = 0; i < count; i++)
        {
            r2 += residual[i] * residual[i];
            b2 += reference.B[i] * reference.B[i];
            ax2 += magnitude[i] * magnitude[i];
            double e = xd[i] - reference.X[i];
            e2 += e * e;
            x2 += reference.X[i] * reference.X[i];
        }

        double allowed = 1e-6 + LapackRatios.Threshold * eps * Math.Sqrt(ax2 / Math.Max(b2, double.Epsilon));
        Assert.True(count == 0 || Math.Sqrt(r2 / b2) <= allowed, $"dense residual {Math.Sqrt(r2 / b2):G3} > {allowed:G3}");

        // αI + K ⪰ I, so ‖x − x*‖ ≤ ‖b − A·x‖, up to x*'s own (double) error.
        double slack = LapackRatios.Threshold * count * Lapack.Epsilon(Precision.Double) * Math.Sqrt(x2);
        Assert.True(Math.Sqrt(e2) <= Math.Sqrt(r2) + slack, $"forward error {Math.Sqrt(e2):G3} above residual {Math.Sqrt(r2):G3}");
    }

    /// <summary>
    /// One problem shared by both precisions: points, γ and vectors are float values (exact in double too), αI + K
    /// formed in double, its product with v row by row, and the solution x* of (αI + K)·x* = b by Cholesky in double.
    /// </summary>
    private sealed class Reference
    {
        public const double Alpha = 1.0;

        public Reference(RadialKernel kernel, int count, int dimension)
        {
            Kernel = kernel;
            Count = count;
            Dimension = dimension;

            // Well conditioned: α = 1 and each row's kernel mass about 8 (the heavy-tailed kernels get a wider decay scale).
            double gamma = KernelProblem<double>.GammaForMass(count, dimension, 8);
            if (kernel is RadialKernel.Laplacian or RadialKernel.Matern32 or RadialKernel.Matern52)
            {
                gamma = Math.Sqrt(gamma) * 2;
            }
            else if (kernel == RadialKernel.InverseMultiquadric)
            {
                gamma *= 50;
            }

            Gamma = (float)gamma;
            var problem = new KernelProblem<float>(count, dimension, kernel, Gamma, Alpha);
            Points = problem.Points.Select(p => (double)p).ToArray();
            V = problem.Values(1).Select(p => (double)p).ToArray();
            B = problem.Values(1, seed: 99).Select(p => (double)p).ToArray();

            // Each product term weighs |A(i, j)·vⱼ| by 1 + w·|ln k|: an argument t of the exponential carries T's
            // rounding (a relative ε), which exp turns into a relative error |t|·ε of k = exp(t). The squared distance
            // behind t sums D squares, each rounded, so w grows with D past the 3 the ratio was first set for.
            double w = Math.Max(1, (dimension + 1) / 4.0);
            A = new double[count * count];
            Product = new double[count];
            Magnitude = new double[count];
            AbsoluteSum = new double[count];
            Parallel.For(0, count, i =>
            {
                double exact = 0, magnitude = 0, absolute = 0;
                for (int j = 0; j < count; j++)
                {
                    double s = 0;
                    for (int d = 0; d < dimension; d++)
                    {
                        double e = Points[i * dimension + d] - Points[j * dimension + d];
                        s += e * e;
                    }

                    double k = RadialKernelMath.Value(kernel, Gamma, Math.Sqrt(s));
                    double aij = k + (i == j ? Alpha : 0);
                    A[i * count + j] = aij;
                    double term = aij * V[j];
                    exact += term;
                    absolute += Math.Abs(term);
                    if (term != 0)
                    {
                        magnitude += Math.Abs(term) * (1 + w * Math.Abs(Math.Log(k)));
                    }
                }

                Product[i] = exact;
                Magnitude[i] = magnitude;
                AbsoluteSum[i] = absolute;
            });

            X = (double[])B.Clone();
            var factor = (double[])A.Clone();
            Assert.True(Cholesky.Solve(factor.AsSpan(), X.AsSpan(), count, 1, Triangle.Lower, MatrixLayout.RowMajor, Environment.ProcessorCount));
        }

        public RadialKernel Kernel { get; }

        public int Count { get; }

        public int Dimension { get; }

        public double Gamma { get; }

        public double[] Points { get; }

        public double[] V { get; }

        public double[] B { get; }

        public double[] A { get; }

        public double[] Product { get; }

        public double[] Magnitude { get; }

        public double[] AbsoluteSum { get; }

        public double[] X { get; }
    }
}
