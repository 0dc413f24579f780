using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The unstored triangle is never read: NaN there (and in longer spans' tails) gives the same
/// bits as zeros, and nothing outside the stored triangle or past the needed length is written.
/// </summary>
public class GeneratedStorageTests
{
    private const int Extra = 3;

    public static IEnumerable<object[]> Cases => SolverRegistry.MethodsAndSizes((_, n) => n > 0);

    [Theory]
    [MemberData(nameof(Cases))]
    public void NaN_and_zero_in_the_unread_triangle_give_identical_bits(string method, int n) =>
        GeneratedTestData.Run(method, s => Compare(s, n), s => Compare(s, n));

    private static void Compare<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nrhs = solver.HasNrhs ? 3 : 1;
        TestMatrix matrix = GeneratedTestData.Matrix(2, n, solver.Precision);
        RightHandSide rhs = GeneratedTestData.RightHandSide(matrix, nrhs);
        string context = solver.Describe(n, $"nrhs={nrhs}");

        // Exact lengths, zeros outside the triangle.
        var zeros = new GeneratedTestData.Buffers<T>(
            MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout, fill: T.Zero),
            MatrixStorage.Convert<T>(rhs.B),
            new T[n * nrhs]);
        Assert.True(zeros.Call(solver, n, nrhs).Success, context + ", zero fill: failed");

        // NaN outside the triangle and in a's tail; sentinels in b's and x's tails.
        var nans = new GeneratedTestData.Buffers<T>(
            MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout, Extra, T.NaN),
            [.. MatrixStorage.Convert<T>(rhs.B), .. TestData.Sentinels<T>(Extra, 3)],
            [.. new T[n * nrhs], .. TestData.Sentinels<T>(Extra, 5)]);
        Assert.True(nans.Call(solver, n, nrhs).Success, context + ", NaN fill: failed");

        int changed = MatrixStorage.FirstChangeOutsideTriangle<T>(nans.ABefore, nans.A, n, solver.Triangle, solver.Layout);
        Assert.True(changed == -1, $"{context}: a[{changed}], outside the stored triangle or past n·n, changed");
        for (int k = 0; k < n * n; k++)
        {
            if (MatrixStorage.IsStored(k, n, solver.Triangle, solver.Layout))
            {
                Assert.True(MatrixStorage.BitIdentical<T>(zeros.A.AsSpan(k, 1), nans.A.AsSpan(k, 1)), $"{context}: a[{k}] differs between NaN and zero fill");
            }
        }

        Assert.True(MatrixStorage.BitIdentical<T>(zeros.B, nans.B.AsSpan(0, n * nrhs)), context + ": b differs between NaN and zero fill");
        Assert.True(MatrixStorage.BitIdentical<T>(zeros.X, nans.X.AsSpan(0, n * nrhs)), context + ": x differs between NaN and zero fill");
        Assert.True(MatrixStorage.BitIdentical<T>(nans.BBefore.AsSpan(n * nrhs), nans.B.AsSpan(n * nrhs)), context + ": b's tail changed");
        Assert.True(MatrixStorage.BitIdentical<T>(nans.XBefore.AsSpan(n * nrhs), nans.X.AsSpan(n * nrhs)), context + ": x's tail changed");
    }
}
