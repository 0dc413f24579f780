using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Matrices that are not SPD, on every generated [SpdFactor] and [SpdInverse] method at every n ≥ 1
/// it covers: the result is a failure at dpotrf's INFO − 1, nothing is thrown, a is left bit for
/// bit as it was by the unrolled factor kernels (the fallback writes nothing outside the stored
/// triangle) and by every inverse, and the inverse is not written.
/// </summary>
public class FactorFormFailureTests
{
    private static readonly double[] s_badDiagonalValues = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, -1];

    private static readonly double[] s_badOffDiagonalValues = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    public static IEnumerable<object[]> Cases => FactorFormRegistry.MethodsAndSizes((s, n) => n > 0 && s.Form != FactorForm.Factored);

    public static IEnumerable<object[]> OffDiagonalCases => FactorFormRegistry.MethodsAndSizes((s, n) => n > 1 && s.Form != FactorForm.Factored);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dchkpo_types_3_to_5_fail_at_the_zeroed_pivot(string method, int n) =>
        FactorFormRegistry.Run(method, s => CheckTypes(s, n), s => CheckTypes(s, n));

    // A bad entry at diagonal k leaves the leading k x k minor SPD and makes pivot k NaN,
    // infinite or negative (0 and −1 minus a positive Schur term are negative).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_diagonal_entry_fails_at_its_index(string method, int n) =>
        FactorFormRegistry.Run(method, s => CheckDiagonal(s, n), s => CheckDiagonal(s, n));

    // A non-finite A(k, 0) = A(0, k), k ≥ 1, makes L(k, 0) non-finite and so pivot k NaN or −∞.
    [Theory]
    [MemberData(nameof(OffDiagonalCases))]
    public void Non_finite_off_diagonal_entry_fails_at_its_row(string method, int n) =>
        FactorFormRegistry.Run(method, s => CheckOffDiagonal(s, n), s => CheckOffDiagonal(s, n));

    private static void CheckTypes<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int type in GeneratedTestData.NotSpdTypes(n))
        {
            TestMatrix matrix = GeneratedTestData.Matrix(type, n, method.Precision);
            CheckFailure(method, matrix.Dense, n, matrix.ExpectedFailedPivot, matrix.Describe());
        }
    }

    private static void CheckDiagonal<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] spd = GeneratedTestData.Matrix(2, n, method.Precision).Dense;
        foreach (int k in new[] { 0, n / 2, n - 1 }.Distinct())
        {
            foreach (double value in s_badDiagonalValues)
            {
                double[] dense = (double[])spd.Clone();
                dense[k * n + k] = value;
                string context = $"type 2 with A({k},{k}) = {value}";
                Assert.True(ReferenceCholesky.FirstFailedPivot(dense, n) == k, context + ": the reference disagrees with the expectation");
                CheckFailure(method, dense, n, k, context);
            }
        }
    }

    private static void CheckOffDiagonal<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] spd = GeneratedTestData.Matrix(2, n, method.Precision).Dense;
        foreach (int k in new[] { 1, n / 2, n - 1 }.Distinct())
        {
            foreach (double value in s_badOffDiagonalValues)
            {
                double[] dense = (double[])spd.Clone();
                dense[k * n] = value;
                dense[k] = value;
                string context = $"type 2 with A({k},0) = A(0,{k}) = {value}";
                Assert.True(ReferenceCholesky.FirstFailedPivot(dense, n) == k, context + ": the reference disagrees with the expectation");
                CheckFailure(method, dense, n, k, context);
            }
        }
    }

    private static void CheckFailure<T>(FactorFormMethod<T> method, double[] dense, int n, int expectedPivot, string detail)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string context = method.Describe(n, detail);
        T[] a = MatrixStorage.Store<T>(dense, n, method.Triangle, method.Layout);
        T[] aBefore = (T[])a.Clone();
        T[] inverse = method.Form == FactorForm.Inverse ? TestData.Sentinels<T>(n * n, 5) : [];

        Outcome outcome = method.Invoke(a, inverse, n);

        Assert.False(outcome.Success, $"{context}: reported success on a matrix that is not SPD");
        if (method.ReturnsSolveResult)
        {
            Assert.True(outcome.FailedPivot == expectedPivot, $"{context}: FailedPivot {outcome.FailedPivot}, dpotrf's INFO − 1 is {expectedPivot}");
        }

        if (method.Form == FactorForm.Inverse || n <= method.MaxN)
        {
            int changed = MatrixStorage.FirstBitDifference<T>(aBefore, a);
            Assert.True(changed == -1, $"{context}: a[{changed}] changed on failure");
        }
        else
        {
            // Cholesky.Factor, like dpotrf, may leave part of the stored triangle overwritten.
            int changed = MatrixStorage.FirstChangeOutsideTriangle<T>(aBefore, a, n, method.Triangle, method.Layout);
            Assert.True(changed == -1, $"{context}: a[{changed}], outside the stored triangle, changed");
        }

        Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(inverse.Length, 5), inverse), context + ": the inverse changed on failure");
    }
}
