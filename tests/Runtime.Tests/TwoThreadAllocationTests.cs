using System;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>The blocked factorization on two threads allocates nothing once warm, when it gets the worker team.</summary>
[Collection(WorkerTeamAlone.Name)]
public class TwoThreadAllocationTests
{
    /// <summary>
    /// Two threads on the library's worker team: the shared updates and panel solves reuse one job object per calling
    /// thread, so a warm two-thread factorization allocates nothing either (it allocated 744 B at n = 1000).
    /// </summary>
    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    public void Two_thread_solve_does_not_allocate_after_warm_up(int n)
    {
        TestMatrix matrix = TestMatrix.Create(2, n, Precision.Double, TestData.Seed(n, 3));
        double[] a = MatrixStorage.Store<double>(matrix.Dense, n, Triangle.Lower, MatrixLayout.RowMajor);
        double[] b = MatrixStorage.Convert<double>(matrix.CreateRightHandSide(1).B);
        double[] x = new double[b.Length];
        float[] af = Array.ConvertAll(a, v => (float)v), bf = Array.ConvertAll(b, v => (float)v), xf = new float[n];
        void Run()
        {
            Assert.True(Cholesky.Solve(a.AsSpan(), b.AsSpan(), x.AsSpan(), n, 1, Triangle.Lower, MatrixLayout.RowMajor, degreeOfParallelism: 2));
            Assert.True(Cholesky.Solve(af.AsSpan(), bf.AsSpan(), xf.AsSpan(), n, 1, Triangle.Lower, MatrixLayout.RowMajor, degreeOfParallelism: 2));
        }

        Run();
        long allocated = Allocations.Measure(() =>
        {
            for (int k = 0; k < 5; k++)
            {
                Run();
            }
        });

        Assert.True(allocated == 0, $"n={n}: {allocated} bytes allocated over 5 two-thread solves in each precision");
    }
}
