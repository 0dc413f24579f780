using System;
using System.Collections.Generic;
using System.Linq;
using Specialized.Testing;
using Xunit;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>
/// A rank-deficient A (a zero column j: AᵀA's pivot j is exactly 0) or a NaN in column j fails at pivot j
/// on every path, and x keeps what it held.
/// </summary>
public class FitFailureTests
{
    public static IEnumerable<object[]> Columns()
    {
        // Ridge 0 throughout, so the forms that take a ridge must fail too.
        foreach (FitCase fit in FitCases.All)
        {
            IEnumerable<int> columns = fit.MaxCols > 0 ? Enumerable.Range(1, fit.MaxCols + 1) : [1, 4, 13, 40];
            foreach (int cols in columns)
            {
                yield return [fit, cols];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Zero_or_NaN_column_fails_at_its_pivot_and_leaves_x(FitCase fit, int cols)
    {
        foreach (double poison in new[] { 0.0, double.NaN })
        {
            for (int zeroed = 0; zeroed < cols; zeroed++)
            {
                int rows = 3 * cols + 2;
                var problem = LeastSquaresProblem.Create(rows, cols, 10, fit.Weighted, seed: 31 * cols + zeroed);
                for (int i = 0; i < rows; i++)
                {
                    // NaN in one row poisons the column's sums; a zero column makes the pivot exactly 0.
                    if (!double.IsNaN(poison) || i == rows / 2)
                    {
                        problem.A[i * cols + zeroed] = poison;
                    }
                }

                (SolveResult result, double[] x) = fit.Run(problem, 0);
                string context = $"{fit.Name} cols={cols} column {zeroed} = {poison}";
                Assert.False(result.Success, context);
                if (fit.ReportsPivot)
                {
                    Assert.Equal(zeroed, result.FailedPivot);
                }

                Assert.All(x, value => Assert.Equal(0.0, value));
            }
        }
    }
}
