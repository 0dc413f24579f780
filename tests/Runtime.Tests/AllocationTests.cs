using System;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>docs/design.md ("Allocation"): no allocation on any path. The keep-inputs forms are the ones with scratch.</summary>
public class AllocationTests
{
    private const int Calls = 200;

    // Up to 60 the keep-inputs copy fits the stack scratch in both precisions; past 64 (double)
    // or 90 (float) it comes from ArrayPool.Shared, which allocates its array once, during warm-up.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(60)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(91)]
    [InlineData(100)]
    [InlineData(257)]
    public void No_form_allocates_after_warm_up(int n)
    {
        AssertNoAllocation<double>(n);
        AssertNoAllocation<float>(n);
    }

    // The blocked solve (8 or more right-hand sides) and the log-determinant rent their scratch too.
    [Theory]
    [InlineData(97)]
    [InlineData(300)]
    public void Blocked_solve_and_log_determinant_do_not_allocate(int n)
    {
        const int nrhs = 15;
        TestMatrix matrix = TestMatrix.Create(2, n, Precision.Double, TestData.Seed(n, 2));
        double[] a = MatrixStorage.Store<double>(matrix.Dense, n, Triangle.Upper, MatrixLayout.RowMajor);
        double[] b = MatrixStorage.Convert<double>(matrix.CreateRightHandSide(nrhs).B);
        double[] x = new double[b.Length];
        void Run()
        {
            Assert.True(Cholesky.Solve(a.AsSpan(), b.AsSpan(), x.AsSpan(), n, nrhs, Triangle.Upper, MatrixLayout.RowMajor));
            Assert.True(Cholesky.LogDeterminant(a, out double logDet, n, Triangle.Upper, MatrixLayout.RowMajor));
            Assert.True(double.IsFinite(logDet));
        }

        Run();
        long allocated = Allocations.Measure(() =>
        {
            for (int k = 0; k < 20; k++)
            {
                Run();
            }
        });

        Assert.True(allocated == 0, $"n={n}: {allocated} bytes allocated over 20 blocked solves and log-determinants");
    }

    private static void AssertNoAllocation<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int nrhs = 2;
        TestMatrix matrix = TestMatrix.Create(2, n, Lapack.PrecisionOf<T>(), TestData.Seed(n, 2));
        T[] original = MatrixStorage.Store<T>(matrix.Dense, n, Triangle.Lower, MatrixLayout.ColumnMajor);
        T[] rhs = MatrixStorage.Convert<T>(matrix.CreateRightHandSide(nrhs).B);
        var buffers = (A: new T[original.Length], B: new T[rhs.Length], X: new T[rhs.Length]);

        // JIT-compiles the calls and fills the pool before measuring.
        RunAll(original, rhs, buffers, n, nrhs, calls: 1);
        long allocated = Allocations.Measure(() => RunAll(original, rhs, buffers, n, nrhs, Calls));

        Assert.True(allocated == 0, $"{typeof(T).Name}, n={n}: {allocated} bytes allocated over {Calls} calls of each form");
    }

    private static void RunAll<T>(T[] original, T[] rhs, (T[] A, T[] B, T[] X) buffers, int n, int nrhs, int calls)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CholeskyApi<T> api = CholeskyApi<T>.Instance;
        (T[] a, T[] b, T[] x) = buffers;
        for (int k = 0; k < calls; k++)
        {
            Assert.True(api.Solve(original.AsSpan(), rhs.AsSpan(), x.AsSpan(), n, nrhs, Triangle.Lower, MatrixLayout.ColumnMajor));

            original.AsSpan().CopyTo(a);
            Assert.True(api.Factor(a, n, Triangle.Lower, MatrixLayout.ColumnMajor));
            rhs.AsSpan().CopyTo(b);
            api.SolveFactored(a, b, n, nrhs, Triangle.Lower, MatrixLayout.ColumnMajor);

            original.AsSpan().CopyTo(a);
            rhs.AsSpan().CopyTo(b);
            Assert.True(api.Solve(a.AsSpan(), b.AsSpan(), n, nrhs, Triangle.Lower, MatrixLayout.ColumnMajor));
        }
    }
}
