using System;
using System.Numerics;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>The truncated product against every-pair sums, and the default truncation's promise.</summary>
public class TruncationTests
{
    [Theory]
    [InlineData(RadialKernel.Gaussian, 3, 1e-6)]
    [InlineData(RadialKernel.Gaussian, 2, 1e-3)]
    [InlineData(RadialKernel.Laplacian, 3, 1e-4)]
    [InlineData(RadialKernel.Matern32, 1, 1e-5)]
    [InlineData(RadialKernel.Matern52, 5, 1e-5)]
    [InlineData(RadialKernel.InverseMultiquadric, 2, 0.05)]
    public void Single_product_within_bound(RadialKernel kernel, int dimension, double truncation) =>
        ProductWithinBound<float>(kernel, dimension, truncation);

    [Theory]
    [InlineData(RadialKernel.Gaussian, 3, 1e-10)]
    [InlineData(RadialKernel.Gaussian, 8, 1e-4)]
    [InlineData(RadialKernel.Laplacian, 2, 1e-6)]
    [InlineData(RadialKernel.Matern52, 3, 1e-8)]
    public void Double_product_within_bound(RadialKernel kernel, int dimension, double truncation) =>
        ProductWithinBound<double>(kernel, dimension, truncation);

    /// <summary>
    /// Sparse points take the chunks' lists, dense ones their ranges; both keep the bound. Mass 0.5 leaves about 20 points
    /// within the float cutoff of each (the benchmark's N = 1e5, γ = 1e4), mass 30 about 1,200.
    /// </summary>
    [Theory]
    [InlineData(0.5, true)]
    [InlineData(30, false)]
    public void Lists_and_ranges_both_within_bound(double mass, bool lists)
    {
        ProductWithinBound<float>(RadialKernel.Gaussian, 3, 1e-6, mass, lists);
        ProductWithinBound<double>(RadialKernel.Gaussian, 3, 1e-10, mass, lists);
    }

    /// <summary>
    /// The default truncation's promise, on the benchmark's workload scaled down: the KeOps benchmark's point density
    /// relative to the kernel width (N = 1e6, γ = 1e4 and 5e3 in the unit cube) at N = 10,000. A converged solve at the
    /// default tolerance keeps the true relative residual within 1e-5 (float) or 1e-6 (double).
    /// </summary>
    [Theory]
    [InlineData(1e4)]
    [InlineData(5e3)]
    public void Default_truncation_keeps_the_promise(double benchmarkGamma)
    {
        double gamma = ScaledGamma(benchmarkGamma);
        Assert.True(TrueResidual<float>(gamma, null) <= 1e-5);
        Assert.True(TrueResidual<double>(gamma, null) <= 1e-6);
    }

    /// <summary>The float default is the largest of the 1-3-10 ladder that keeps it: the next rung up, 3e-6, does not at γ = 5e3.</summary>
    [Fact]
    public void Next_larger_truncation_breaks_the_promise()
    {
        Assert.Equal(1e-6, KernelSystemOptions.DefaultSingleTruncation);
        Assert.True(TrueResidual<float>(ScaledGamma(5e3), 3e-6) > 1e-5);
    }

    private const int PromiseCount = 10_000;

    private static double ScaledGamma(double benchmarkGamma) => benchmarkGamma * Math.Pow(PromiseCount / 1e6, 2.0 / 3);

    private static double TrueResidual<T>(double gamma, double? truncation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int count = PromiseCount;
        var problem = new KernelProblem<T>(count, 3, RadialKernel.Gaussian, gamma, alpha: 0.8);
        using KernelSystem<T> system = problem.Create(truncation is { } t ? new KernelSystemOptions { Truncation = t } : null);
        T[] b = problem.Values(1);
        var x = new T[count];
        KernelSolveResult result = system.Solve(b, x);
        Assert.True(result.Converged, $"{typeof(T).Name}: residual {result.RelativeResidual:G3} after {result.Iterations}");
        return problem.TrueResidual(b, x, 1, 0);
    }

    private static void ProductWithinBound<T>(RadialKernel kernel, int dimension, double truncation, double mass = 30, bool? lists = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int count = 4000;
        double gamma = KernelProblem<T>.GammaForMass(count, dimension, mass);
        var problem = new KernelProblem<T>(count, dimension, kernel, gamma, alpha: 0.5);
        using KernelSystem<T> system = problem.Create(new KernelSystemOptions { Truncation = truncation });
        if (lists is { } expected)
        {
            Assert.Equal(expected, system.UsesLists);
        }

        T[] v = problem.Values(2);
        var y = new T[v.Length];
        system.Multiply(v, y, 2);
        double eps = KernelProblem<T>.Epsilon;
        var rows = new Random(7);
        bool dropped = false;
        for (int s = 0; s < 60; s++)
        {
            int i = rows.Next(count);
            for (int q = 0; q < 2; q++)
            {
                (double exact, double magnitude) = problem.Row(i, v, 2, q);

                // The bound: Truncation · Σ over skipped pairs of |vⱼ|, plus T's rounding of what is kept.
                double skipped = 0;
                for (int j = 0; j < count; j++)
                {
                    if (problem.K(i, j) < truncation * (1 - 1e-4))
                    {
                        skipped += Math.Abs(double.CreateTruncating(v[j * 2 + q]));
                        dropped = true;
                    }
                }

                double error = Math.Abs(double.CreateTruncating(y[i * 2 + q]) - exact);
                double bound = truncation * skipped + 30 * eps * magnitude;
                Assert.True(error <= bound, $"row {i}: |error| {error:G3} > bound {bound:G3}");
            }
        }

        Assert.True(dropped, "nothing was truncated: the test would not test the bound");
    }
}
