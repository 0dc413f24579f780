using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// Matrices that are not SPD: FailedPivot is dpotrf's INFO − 1, nothing promised to stay put
/// moves, and nothing throws.
/// </summary>
public class FailureTests
{
    public static IEnumerable<object[]> NotSpdCases => TestData.Cases(spd: false);

    [Theory]
    [MemberData(nameof(NotSpdCases))]
    public void Dchkpo_types_3_to_5_fail_at_the_zeroed_pivot(Precision precision, int n, int type)
    {
        TestMatrix matrix = TestMatrix.Create(type, n, precision, TestData.Seed(n, type));
        if (precision == Precision.Double)
        {
            CheckFailure<double>(matrix.Dense, n, matrix.ExpectedFailedPivot, matrix.Describe());
        }
        else
        {
            CheckFailure<float>(matrix.Dense, n, matrix.ExpectedFailedPivot, matrix.Describe());
        }
    }

    public static IEnumerable<object[]> DiagonalCases()
    {
        double[] values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -1];
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (int n in new[] { 1, 2, 3, 4, 7, 16, 33, 64, 65, 100 })
            {
                foreach (int k in new[] { 0, n / 2, n - 1 }.Distinct())
                {
                    foreach (double value in values)
                    {
                        yield return [precision, n, k, value];
                    }
                }
            }
        }
    }

    // A bad diagonal entry at k leaves the leading k x k minor SPD and makes pivot k not positive
    // or not finite (0 and −1 minus a positive Schur term are negative).
    [Theory]
    [MemberData(nameof(DiagonalCases))]
    public void Bad_diagonal_entry_fails_at_its_index(Precision precision, int n, int k, double value)
    {
        double[] dense = (double[])TestMatrix.Create(2, n, precision, TestData.Seed(n, 2)).Dense.Clone();
        dense[k * n + k] = value;
        string context = $"n={n}, A({k},{k})={value}, {precision}";
        Assert.Equal(k, ReferenceCholesky.FirstFailedPivot(dense, n));
        if (precision == Precision.Double)
        {
            CheckFailure<double>(dense, n, k, context);
        }
        else
        {
            CheckFailure<float>(dense, n, k, context);
        }
    }

    // Hand-checked: pivot 1 is 1 − 2²/1 = −3, and 1 − 1²/1 = 0 exactly.
    [Theory]
    [InlineData(new double[] { 1, 2, 2, 1 }, 1)]
    [InlineData(new double[] { 1, 1, 1, 1 }, 1)]
    [InlineData(new double[] { -4, 0, 0, 9 }, 0)]
    [InlineData(new double[] { 4, 2, 0, 2, 1, 0, 0, 0, 9 }, 1)]
    [InlineData(new double[] { 4, 2, 2, 2, 5, 3, 2, 3, 2 }, 2)]
    public void Small_matrices_fail_where_dpotrf_does(double[] dense, int expectedPivot)
    {
        int n = (int)Math.Sqrt(dense.Length);
        Assert.Equal(expectedPivot, ReferenceCholesky.FirstFailedPivot(dense, n));
        CheckFailure<double>(dense, n, expectedPivot, $"n={n}");
        CheckFailure<float>(dense, n, expectedPivot, $"n={n}");
    }

    /// <summary>Every form on every storage fails at <paramref name="expectedPivot"/> and leaves what it promises alone.</summary>
    internal static void CheckFailure<T>(double[] dense, int n, int expectedPivot, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CholeskyApi<T> api = CholeskyApi<T>.Instance;
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            string where = $"{context}, {triangle}, {layout}";
            T[] original = MatrixStorage.Store<T>(dense, n, triangle, layout);

            T[] a = (T[])original.Clone();
            SolveResult result = api.Factor(a, n, triangle, layout);
            AssertFailed(result, expectedPivot, where + ", Factor");
            Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(original, a, n, triangle, layout));

            foreach (int nrhs in TestData.RightHandSideCounts)
            {
                T[] rhs = TestData.Sentinels<T>(n * nrhs, 7);

                a = (T[])original.Clone();
                T[] b = (T[])rhs.Clone();
                result = api.Solve(a.AsSpan(), b.AsSpan(), n, nrhs, triangle, layout);
                AssertFailed(result, expectedPivot, where + ", in-place Solve");
                Assert.True(MatrixStorage.BitIdentical<T>(rhs, b), where + ": in-place Solve changed b on failure");
                Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(original, a, n, triangle, layout));

                a = (T[])original.Clone();
                b = (T[])rhs.Clone();
                T[] x = TestData.Sentinels<T>(n * nrhs, 11);
                T[] xBefore = (T[])x.Clone();
                result = api.Solve(a.AsSpan(), b.AsSpan(), x.AsSpan(), n, nrhs, triangle, layout);
                AssertFailed(result, expectedPivot, where + ", keep-inputs Solve");
                Assert.True(MatrixStorage.BitIdentical<T>(xBefore, x), where + ": keep-inputs Solve changed x on failure");
                Assert.True(MatrixStorage.BitIdentical<T>(original, a), where + ": keep-inputs Solve wrote a");
                Assert.True(MatrixStorage.BitIdentical<T>(rhs, b), where + ": keep-inputs Solve wrote b");
            }
        }
    }

    private static void AssertFailed(SolveResult result, int expectedPivot, string context)
    {
        Assert.False(result.Success, context);
        Assert.False(result, context);
        Assert.True(expectedPivot == result.FailedPivot, $"{context}: FailedPivot {result.FailedPivot}, dpotrf's INFO − 1 is {expectedPivot}");
    }
}
