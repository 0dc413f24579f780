using System;
using System.Collections.Generic;
using System.Linq;
using Specialized.Testing;
using Xunit;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>
/// Every fit entry point at every column count up to MaxCols + 1 (the first that takes the runtime) and
/// row counts from cols up, around the row-major kernels' blocks of 4 (double) and 8 (float) rows: the
/// normal-equation residual ratio below 30 and the QR reference matched.
/// </summary>
public class FitAccuracyTests
{
    public static IEnumerable<object[]> Shapes()
    {
        foreach (FitCase fit in FitCases.All)
        {
            IEnumerable<int> columns = fit.MaxCols > 0 ? Enumerable.Range(1, fit.MaxCols + 1) : [1, 2, 3, 5, 8, 13, 33, 64];
            foreach (int cols in columns)
            {
                yield return [fit, cols];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ratio_and_QR_agreement_hold_for_every_row_count(FitCase fit, int cols)
    {
        double eps = Lapack.Epsilon(fit.Precision);
        const double cond = 10;
        int[] blockEdges = [3, 4, 5, 7, 8, 9, 15, 16, 17];
        foreach (int rows in new[] { cols, cols + 1, cols + 7, 2 * cols + 5, 300 }.Concat(blockEdges.Where(r => r > cols)).Distinct())
        {
            var problem = LeastSquaresProblem.Create(rows, cols, cond, fit.Weighted, seed: 1000 * cols + rows, residual: 0.1);
            double ridge = fit.HasRidge ? 0.05 : 0;
            (SolveResult result, double[] x) = fit.Run(problem, ridge);
            string context = $"{fit.Name} rows={rows} cols={cols}";
            Assert.True(result.Success, context);

            double ratio = ReferenceLeastSquares.Ratio<double>(problem.A, problem.B, problem.W, x, rows, cols, ridge, eps);
            double[] reference = ReferenceLeastSquares.Solve(problem.A, problem.B, problem.W, rows, cols, ridge);
            // The normal equations' forward error is about κ²·ε; 30·cols of it is LAPACK's threshold scaled like its ratios.
            double forward = ReferenceLeastSquares.ForwardError<double>(x, reference) / (cols * cond * cond * eps);
            LapackRatios.AssertBelow(context, ("residual", ratio), ("forward/(cols·κ²·ε)", forward));
        }
    }
}
