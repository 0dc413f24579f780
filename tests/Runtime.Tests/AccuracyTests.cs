using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// dchkpo on the runtime fallback: every SPD type, size, storage, precision, nrhs and form keeps
/// LAPACK's ratios below 30, and never touches the other triangle (filled with NaN) or a/b when
/// it promises not to.
/// </summary>
public class AccuracyTests
{
    public static IEnumerable<object[]> SpdCases => TestData.Cases(spd: true);

    [Theory]
    [MemberData(nameof(SpdCases))]
    public void Dchkpo_ratios_stay_below_threshold(Precision precision, int n, int type)
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

    // dchkpo's largest conditioning at a size well past the stack scratch and any block size.
    [Fact]
    public void Dchkpo_ratios_hold_at_n_1000()
    {
        const int n = 1000;
        TestMatrix matrix = TestMatrix.Create(7, n, Precision.Double, TestData.Seed(n, 7));
        RightHandSide rhs = matrix.CreateRightHandSide(2, TestData.Seed(n, 2));
        double[] a = MatrixStorage.Store<double>(matrix.Dense, n, Triangle.Upper, MatrixLayout.RowMajor);
        double[] b = MatrixStorage.Convert<double>(rhs.B);

        Assert.True(Cholesky.Solve(a.AsSpan(), b.AsSpan(), n, 2, Triangle.Upper, MatrixLayout.RowMajor));

        LapackRatios.AssertBelow(
            matrix.Describe("Upper, RowMajor, in place, nrhs=2"),
            ("factor", LapackRatios.Factor<double>(matrix, a, Triangle.Upper, MatrixLayout.RowMajor)),
            ("residual", LapackRatios.Residual<double>(matrix, rhs, b)),
            ("forward", LapackRatios.ForwardError<double>(matrix, rhs, b)));
    }

    /// <summary>Every form on every storage, with <see cref="TestData.RightHandSideCounts"/> or the given counts.</summary>
    internal static void Check<T>(TestMatrix matrix, int[]? rightHandSideCounts = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CholeskyApi<T> api = CholeskyApi<T>.Instance;
        int n = matrix.N;
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            string storage = $"{triangle}, {layout}";

            T[] factor = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout);
            T[] original = (T[])factor.Clone();
            SolveResult result = api.Factor(factor, n, triangle, layout);
            Assert.True(result.Success, matrix.Describe($"{storage}, Factor: {result}"));
            Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(original, factor, n, triangle, layout));
            LapackRatios.AssertBelow(
                matrix.Describe($"{storage}, Factor"),
                ("factor", LapackRatios.Factor<T>(matrix, factor, triangle, layout)));

            foreach (int nrhs in rightHandSideCounts ?? TestData.RightHandSideCounts)
            {
                RightHandSide rhs = matrix.CreateRightHandSide(nrhs, TestData.Seed(n, nrhs));
                string context = matrix.Describe($"{storage}, nrhs={nrhs}");

                T[] solved = MatrixStorage.Convert<T>(rhs.B);
                api.SolveFactored(factor, solved, n, nrhs, triangle, layout);
                AssertSolution(matrix, rhs, solved, context + ", SolveFactored");

                T[] a = (T[])original.Clone();
                T[] b = MatrixStorage.Convert<T>(rhs.B);
                result = api.Solve(a.AsSpan(), b.AsSpan(), n, nrhs, triangle, layout);
                Assert.True(result.Success, $"{context}, in-place Solve: {result}");
                Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(original, a, n, triangle, layout));
                AssertSolution(matrix, rhs, b, context + ", in-place Solve",
                    ("factor", LapackRatios.Factor<T>(matrix, a, triangle, layout)));
                T[] inPlace = b;

                a = (T[])original.Clone();
                b = MatrixStorage.Convert<T>(rhs.B);
                T[] x = new T[n * nrhs];
                result = api.Solve(a.AsSpan(), b.AsSpan(), x.AsSpan(), n, nrhs, triangle, layout);
                Assert.True(result.Success, $"{context}, keep-inputs Solve: {result}");
                Assert.True(MatrixStorage.BitIdentical<T>(original, a), $"{context}: keep-inputs Solve wrote a");
                Assert.True(MatrixStorage.BitIdentical<T>(MatrixStorage.Convert<T>(rhs.B), b), $"{context}: keep-inputs Solve wrote b");
                AssertSolution(matrix, rhs, x, context + ", keep-inputs Solve");
                Assert.True(MatrixStorage.BitIdentical<T>(inPlace, x), $"{context}: keep-inputs Solve differs from in-place Solve (its own copy of A may have another row stride, not other arithmetic)");
            }
        }
    }

    private static void AssertSolution<T>(TestMatrix matrix, RightHandSide rhs, T[] x, string context, params (string Name, double Value)[] more)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        LapackRatios.AssertBelow(
            context,
            [
                ("residual", LapackRatios.Residual<T>(matrix, rhs, x)),
                ("forward", LapackRatios.ForwardError<T>(matrix, rhs, x)),
                .. more,
            ]);
}
