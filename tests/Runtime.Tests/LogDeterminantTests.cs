using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// <see cref="Cholesky.LogDeterminant(ReadOnlySpan{double}, out double, int, Triangle, MatrixLayout, int)"/>
/// against the exact log-determinant of the test matrices (Σ log of the eigenvalues dlatms was given),
/// on both sides of the blocked crossover, every storage and both precisions.
/// </summary>
public class LogDeterminantTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (int n in new[] { 0, 1, 2, 17, 95, 96, 97, 256, 257, 512, 600 })
            {
                foreach (int type in new[] { 1, 2, 6 })
                {
                    if (TestMatrix.Applies(type, n))
                    {
                        yield return [precision, n, type];
                    }
                }
            }
        }
    }

    // A backward-stable factor is exact for A + δA with ‖δA‖ ≤ c·n·ε·‖A‖, and to first order
    // |δ log det| = |tr(A⁻¹·δA)| ≤ n·κ·‖δA‖/‖A‖; the ratio divides by n·κ·ε, as dchkpo's ratios do,
    // and must stay below the same threshold of 30.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Log_determinant_matches_the_eigenvalues(Precision precision, int n, int type)
    {
        TestMatrix matrix = TestMatrix.Create(type, n, precision, TestData.Seed(n, type));
        if (precision == Precision.Double)
        {
            Check<double>(matrix);
        }
        else
        {
            Check<float>(matrix);
        }
    }

    // n = 512 also runs on the runtime's copy with a padded row stride (BlockSizes.Stride).
    [Theory]
    [InlineData(300, 170)]
    [InlineData(512, 301)]
    public void Failure_reports_the_pivot_and_NaN(int n, int k)
    {
        double[] dense = (double[])TestMatrix.Create(2, n, Precision.Double, TestData.Seed(n, 2)).Dense.Clone();
        dense[k * n + k] = -1;
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            double[] a = MatrixStorage.Store<double>(dense, n, triangle, layout);
            double[] before = (double[])a.Clone();
            SolveResult result = Cholesky.LogDeterminant(a, out double logDet, n, triangle, layout);
            Assert.Equal(k, result.FailedPivot);
            Assert.True(double.IsNaN(logDet));
            Assert.True(MatrixStorage.BitIdentical<double>(before, a));

            float[] af = MatrixStorage.Store<float>(dense, n, triangle, layout);
            result = Cholesky.LogDeterminant(af, out float logDetF, n, triangle, layout);
            Assert.Equal(k, result.FailedPivot);
            Assert.True(float.IsNaN(logDetF));
        }
    }

    private static void Check<T>(TestMatrix matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N;
        double exact = 0;
        foreach (double eigenvalue in SpdMatrixGenerator.GradedEigenvalues(n, matrix.Cond, matrix.Norm2))
        {
            exact += Math.Log(eigenvalue);
        }

        double eps = Lapack.Epsilon(matrix.Precision);
        double scale = Math.Max(n, 1) / matrix.RCond * eps;
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            string context = matrix.Describe($"{triangle}, {layout}");
            T[] a = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout);
            T[] before = (T[])a.Clone();
            SolveResult result = LogDeterminant(a, out T logDet, n, triangle, layout);
            Assert.True(result.Success, $"{context}: {result}");
            Assert.True(MatrixStorage.BitIdentical<T>(before, a), $"{context}: LogDeterminant wrote a");
            LapackRatios.AssertBelow(context, ("logdet", Math.Abs(double.CreateTruncating(logDet) - exact) / scale));

            // From the factor: the same factor, so the same bits.
            Assert.True(CholeskyApi<T>.Instance.Factor(a, n, triangle, layout).Success);
            Assert.Equal(logDet, LogDeterminantFactored(a, n, triangle, layout));
        }
    }

    private static SolveResult LogDeterminant<T>(T[] a, out T logDet, int n, Triangle triangle, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a is double[] d)
        {
            SolveResult result = Cholesky.LogDeterminant(d, out double value, n, triangle, layout);
            logDet = T.CreateTruncating(value);
            return result;
        }

        SolveResult single = Cholesky.LogDeterminant((float[])(object)a, out float valueF, n, triangle, layout);
        logDet = T.CreateTruncating(valueF);
        return single;
    }

    private static T LogDeterminantFactored<T>(T[] factor, int n, Triangle triangle, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        factor is double[] d
            ? T.CreateTruncating(Cholesky.LogDeterminantFactored(d, n, triangle, layout))
            : T.CreateTruncating(Cholesky.LogDeterminantFactored((float[])(object)factor, n, triangle, layout));
}
