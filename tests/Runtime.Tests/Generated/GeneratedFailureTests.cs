using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Matrices that are not SPD, on every generated method at every n ≥ 1 it covers: the result is a
/// failure at dpotrf's INFO − 1, nothing is thrown, and the outputs the contract protects stay
/// bit for bit as they were (b for the in-place forms, x for the keep-inputs forms; the unrolled
/// in-place kernels also write nothing to a, the fallback nothing outside the stored triangle).
/// </summary>
public class GeneratedFailureTests
{
    private static readonly double[] s_badDiagonalValues = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, -1];

    private static readonly double[] s_badOffDiagonalValues = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    public static IEnumerable<object[]> Cases => SolverRegistry.MethodsAndSizes((_, n) => n > 0);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dchkpo_types_3_to_5_fail_at_the_zeroed_pivot(string method, int n) =>
        GeneratedTestData.Run(method, s => CheckTypes(s, n), s => CheckTypes(s, n));

    // A bad entry at diagonal k leaves the leading k x k minor SPD and makes pivot k NaN,
    // infinite or negative (0 and −1 minus a positive Schur term are negative).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_diagonal_entry_fails_at_its_index(string method, int n) =>
        GeneratedTestData.Run(method, s => CheckDiagonal(s, n), s => CheckDiagonal(s, n));

    // A non-finite A(k, 0) = A(0, k), k ≥ 1, makes L(k, 0) non-finite and so pivot k NaN or −∞,
    // while every earlier pivot is untouched.
    [Theory]
    [MemberData(nameof(OffDiagonalCases))]
    public void Non_finite_off_diagonal_entry_fails_at_its_row(string method, int n) =>
        GeneratedTestData.Run(method, s => CheckOffDiagonal(s, n), s => CheckOffDiagonal(s, n));

    public static IEnumerable<object[]> OffDiagonalCases => SolverRegistry.MethodsAndSizes((_, n) => n > 1);

    private static void CheckTypes<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int type in GeneratedTestData.NotSpdTypes(n))
        {
            TestMatrix matrix = GeneratedTestData.Matrix(type, n, solver.Precision);
            CheckFailure(solver, matrix.Dense, n, matrix.ExpectedFailedPivot, matrix.Describe());
        }
    }

    private static void CheckDiagonal<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] spd = GeneratedTestData.Matrix(2, n, solver.Precision).Dense;
        foreach (int k in new[] { 0, n / 2, n - 1 }.Distinct())
        {
            foreach (double value in s_badDiagonalValues)
            {
                double[] dense = (double[])spd.Clone();
                dense[k * n + k] = value;
                string context = $"type 2 with A({k},{k}) = {value}";
                Assert.True(ReferenceCholesky.FirstFailedPivot(dense, n) == k, context + ": the reference disagrees with the expectation");
                CheckFailure(solver, dense, n, k, context);
            }
        }
    }

    private static void CheckOffDiagonal<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] spd = GeneratedTestData.Matrix(2, n, solver.Precision).Dense;
        foreach (int k in new[] { 1, n / 2, n - 1 }.Distinct())
        {
            foreach (double value in s_badOffDiagonalValues)
            {
                double[] dense = (double[])spd.Clone();
                dense[k * n] = value;
                dense[k] = value;
                string context = $"type 2 with A({k},0) = A(0,{k}) = {value}";
                Assert.True(ReferenceCholesky.FirstFailedPivot(dense, n) == k, context + ": the reference disagrees with the expectation");
                CheckFailure(solver, dense, n, k, context);
            }
        }
    }

    private static void CheckFailure<T>(GeneratedSolver<T> solver, double[] dense, int n, int expectedPivot, string detail)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int nrhs in solver.RightHandSideCounts)
        {
            string context = solver.Describe(n, $"{detail}, nrhs={nrhs}");
            var buffers = new GeneratedTestData.Buffers<T>(
                MatrixStorage.Store<T>(dense, n, solver.Triangle, solver.Layout),
                TestData.Sentinels<T>(n * nrhs, 3),
                TestData.Sentinels<T>(n * nrhs, 5));

            Outcome outcome = buffers.Call(solver, n, nrhs);

            Assert.False(outcome.Success, $"{context}: reported success on a matrix that is not SPD");
            if (solver.ReturnsSolveResult)
            {
                Assert.True(outcome.FailedPivot == expectedPivot, $"{context}: FailedPivot {outcome.FailedPivot}, dpotrf's INFO − 1 is {expectedPivot}");
            }

            if (solver.Form == GeneratedForm.InPlace)
            {
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.BBefore, buffers.B), context + ": b changed on failure");
                if (n <= solver.MaxN)
                {
                    int changed = MatrixStorage.FirstBitDifference<T>(buffers.ABefore, buffers.A);
                    Assert.True(changed == -1, $"{context}: the unrolled kernel wrote a[{changed}] before failing");
                }
                else
                {
                    int changed = MatrixStorage.FirstChangeOutsideTriangle<T>(buffers.ABefore, buffers.A, n, solver.Triangle, solver.Layout);
                    Assert.True(changed == -1, $"{context}: a[{changed}], outside the stored triangle, changed");
                }
            }
            else
            {
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.XBefore, buffers.X), context + ": x changed on failure");
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.ABefore, buffers.A), context + ": keep-inputs form wrote a");
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.BBefore, buffers.B), context + ": keep-inputs form wrote b");
            }
        }
    }
}
