using System;
using System.Linq;
using Specialized.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>
/// Forward errors against the Householder-QR reference for κ(A) = 1 .. 1e7 (double) and 1 .. 1e3
/// (float), plain and with Refine: the normal equations lose about κ²·ε, one refinement step brings
/// that down to about κ·ε + (κ²·ε)² while κ²·ε &lt; 1. The measured errors go to the test output.
/// </summary>
public class FitConditioningTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("DoubleRow", 7)]
    [InlineData("DoubleRowRefined", 7)]
    [InlineData("DoubleColumnRefined", 7)]
    [InlineData("LeastSquares.FitWeighted<double> column-major refined", 7)]
    [InlineData("FloatRowWeighted", 3)]
    public void Forward_error_follows_the_normal_equations_bound(string name, int maxExponent)
    {
        FitCase fit = FitCases.All.Single(c => c.Name == name);
        double eps = Lapack.Epsilon(fit.Precision);
        const int rows = 200, cols = 6;
        for (int exponent = 0; exponent <= maxExponent; exponent++)
        {
            double cond = Math.Pow(10, exponent);
            var problem = LeastSquaresProblem.Create(rows, cols, cond, fit.Weighted, seed: 77 + exponent, residual: 1e-3);
            (SolveResult result, double[] x) = fit.Run(problem, 0);
            Assert.True(result.Success, $"{name} κ={cond:G3}");
            double[] reference = ReferenceLeastSquares.Solve(problem.A, problem.B, problem.W, rows, cols, 0);
            double error = ReferenceLeastSquares.ForwardError<double>(x, reference);
            double plain = cond * cond * eps;
            double bound = 30 * cols * (fit.Refine ? cond * eps + plain * plain : plain);
            output.WriteLine($"{name} κ={cond:G3}: forward error {error:G3} (κ²ε = {plain:G3}, bound {bound:G3})");
            Assert.True(error <= bound, $"{name} κ={cond:G3}: forward error {error:G3} above {bound:G3}");
        }
    }
}
