using System;
using Specialized.Testing;
using Xunit;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>Fits allocate nothing: generated kernels, the runtime below and above its stack limit, and a one-thread batch.</summary>
public class FitAllocationTests
{
    [Theory]
    [InlineData(1000, 6)]
    [InlineData(300, 20)]
    [InlineData(2000, 90)]
    public void Fits_allocate_nothing(int rows, int cols)
    {
        var problem = LeastSquaresProblem.Create(rows, cols, 10, weighted: true, seed: 5);
        double[] a = problem.A, b = problem.B, w = problem.W!;
        var x = new double[cols];
        var results = new SolveResult[1];
        int[] starts = [0, rows];
        void Run()
        {
            FitSolvers.DoubleRowWeighted(a, b, w, x, rows, cols);
            FitSolvers.DoubleRowRefined(a, b, w, x, rows, Math.Min(cols, 9), 0.5);
            LeastSquares.FitWeighted(a, b, w, x, rows, cols, 0.5, MatrixLayout.ColumnMajor, refine: true);
            LeastSquares.FitBatch(a, b, starts, x, results, cols);
        }

        Run();
        Assert.Equal(0, Allocations.Measure(Run));
    }
}
