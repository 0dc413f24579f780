using System;
using System.Collections.Generic;
using System.Linq;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// Checks on tests/Common itself: the matrices are what dchkpo's are, the storage helpers put
/// elements where the contract says, and the ratios catch a bad answer.
/// </summary>
public class ToolkitTests
{
    public static IEnumerable<object[]> AllCases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (int n in new[] { 0, 1, 2, 3, 4, 5, 8, 17, 64, 65 })
            {
                for (int type = 1; type <= 9; type++)
                {
                    if (TestMatrix.Applies(type, n))
                    {
                        yield return [precision, n, type];
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Matrices_have_dchkpo_properties(Precision precision, int n, int type)
    {
        TestMatrix m = TestMatrix.Create(type, n, precision, 42);

        Assert.Equal(n * n, m.Dense.Length);
        Assert.Equal(m.Dense, TestMatrix.Create(type, n, precision, 42).Dense); // deterministic
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(m[i, j], m[j, i]);
                Assert.Equal(m[i, j], Lapack.Round(m[i, j], precision));
                Assert.True(double.IsFinite(m[i, j]));
                if (type == 1 && i != j)
                {
                    Assert.Equal(0, m[i, j]);
                }

                if (i == m.ZeroedIndex || j == m.ZeroedIndex)
                {
                    Assert.Equal(0, m[i, j]);
                }
            }
        }

        // The trace is the sum of the eigenvalues (Q is orthogonal), which pins the grading and the scale.
        if (m.IsSpd && n > 0)
        {
            double trace = 0, expected = 0;
            for (int i = 0; i < n; i++)
            {
                trace += m[i, i];
            }

            foreach (double d in SpdMatrixGenerator.GradedEigenvalues(n, m.Cond, m.Norm2))
            {
                expected += d;
            }

            Assert.InRange(trace / expected, 1 - 1e-5, 1 + 1e-5);
        }

        // κ₁ and κ₂ agree within a factor n.
        double kappa1 = 1 / m.RCond;
        Assert.InRange(kappa1, m.Cond / Math.Max(n, 1) * (1 - 1e-9), m.Cond * Math.Max(n, 1) * (1 + 1e-9));
        Assert.Equal(m.ExpectedFailedPivot, ReferenceCholesky.FirstFailedPivot(m.Dense, n));
    }

    [Fact]
    public void Dlatb4_parameters_match_lapack()
    {
        double eps = Math.ScaleB(1.0, -52), small = 0.25 * Math.ScaleB(1.0, -1022) / eps;
        Assert.Equal(2, TestMatrix.Create(2, 10, Precision.Double).Cond);
        Assert.Equal(Math.Sqrt(0.1 / eps), TestMatrix.Create(6, 10, Precision.Double).Cond);
        Assert.Equal(0.1 / eps, TestMatrix.Create(7, 10, Precision.Double).Cond);
        Assert.Equal(0.1 / Math.ScaleB(1.0, -23), TestMatrix.Create(7, 10, Precision.Single).Cond);
        Assert.Equal(small, TestMatrix.Create(8, 10, Precision.Double).Norm2);
        Assert.Equal(1 / small, TestMatrix.Create(9, 10, Precision.Double).Norm2);
        Assert.Equal(1, TestMatrix.Create(7, 1, Precision.Double).Cond); // dlatb4: n ≤ 1 has cond 1
        Assert.Equal([0, 9, 5, -1], new[] { 3, 4, 5, 2 }.Select(t => TestMatrix.ZeroedIndexFor(t, 10)));
        Assert.False(TestMatrix.Applies(5, 2));
        Assert.True(TestMatrix.Applies(5, 3));
        Assert.False(TestMatrix.Applies(10, 3));
    }

    [Fact]
    public void Generator_is_an_orthogonal_similarity()
    {
        const int n = 20;
        double[] d = SpdMatrixGenerator.GradedEigenvalues(n, 1e3, 1);
        (double[] a, double[]? inverse) = SpdMatrixGenerator.Generate(d, rotate: true, withInverse: true, seed: 7);

        // A·A⁻¹ = Q·D·D⁻¹·Qᵀ = I.
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += a[i * n + k] * inverse![k * n + j];
                }

                worst = Math.Max(worst, Math.Abs(s - (i == j ? 1 : 0)));
            }
        }

        Assert.InRange(worst, 0, 1e-11);
        Assert.NotEqual(0, a[n - 1]); // rotated: the corner is no longer zero
    }

    [Theory]
    [InlineData(Triangle.Lower, MatrixLayout.RowMajor)]
    [InlineData(Triangle.Lower, MatrixLayout.ColumnMajor)]
    [InlineData(Triangle.Upper, MatrixLayout.RowMajor)]
    [InlineData(Triangle.Upper, MatrixLayout.ColumnMajor)]
    public void Store_and_read_follow_the_contract(Triangle triangle, MatrixLayout layout)
    {
        const int n = 4;
        // A(i, j) = 10·max + min, symmetric and every entry distinct up to symmetry.
        double[] dense = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                dense[i * n + j] = 10 * Math.Max(i, j) + Math.Min(i, j);
            }
        }

        double[] buffer = MatrixStorage.Store<double>(dense, n, triangle, layout, extra: 2);

        Assert.Equal(n * n + 2, buffer.Length);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // ColumnMajor puts (i, j) at j·n + i; only the declared triangle holds numbers.
                int offset = layout == MatrixLayout.RowMajor ? i * n + j : j * n + i;
                bool stored = triangle == Triangle.Lower ? i >= j : i <= j;
                Assert.Equal(stored, MatrixStorage.IsStored(offset, n, triangle, layout));
                Assert.Equal(stored ? dense[i * n + j] : double.NaN, buffer[offset]);
            }
        }

        Assert.True(double.IsNaN(buffer[n * n]) && double.IsNaN(buffer[n * n + 1]));

        // Read back as L: L(i, j) = stored (i, j) for Lower, stored (j, i) = U(j, i) for Upper.
        double[] l = MatrixStorage.ReadFactorAsLower<double>(buffer, n, triangle, layout);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(j <= i ? dense[i * n + j] : 0, l[i * n + j]);
            }
        }

        double[] changed = (double[])buffer.Clone();
        Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<double>(buffer, changed, n, triangle, layout));
        changed[0] = -1; // the diagonal is always stored
        Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<double>(buffer, changed, n, triangle, layout));
        changed[n * n + 1] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(double.NaN) ^ 1); // another NaN: only the bits differ
        Assert.Equal(n * n + 1, MatrixStorage.FirstChangeOutsideTriangle<double>(buffer, changed, n, triangle, layout));
    }

    [Fact]
    public void Ratios_are_small_for_exact_answers_and_catch_wrong_ones()
    {
        const int n = 12;
        TestMatrix m = TestMatrix.Create(2, n, Precision.Double);
        RightHandSide rhs = m.CreateRightHandSide(3, 5);
        double[] a = MatrixStorage.Store<double>(m.Dense, n, Triangle.Lower, MatrixLayout.RowMajor);
        double[] x = MatrixStorage.Convert<double>(rhs.B);
        Assert.True(Cholesky.Solve(a.AsSpan(), x.AsSpan(), n, 3));

        double factor = LapackRatios.Factor<double>(m, a, Triangle.Lower, MatrixLayout.RowMajor);
        double residual = LapackRatios.Residual<double>(m, rhs, x);
        double forward = LapackRatios.ForwardError<double>(m, rhs, x);
        LapackRatios.AssertBelow("exact", ("factor", factor), ("residual", residual), ("forward", forward));
        Assert.Equal(0, LapackRatios.ForwardError<double>(rhs.XTrue, rhs.XTrue, n, 3, m.RCond, 1e-16));

        // One ulp-scale error per element is fine; a 1e-10 relative error in one entry is not.
        a[5 * n + 2] *= 1 + 1e-10;
        x[7] *= 1 + 1e-10;
        Assert.InRange(LapackRatios.Factor<double>(m, a, Triangle.Lower, MatrixLayout.RowMajor), 30, double.MaxValue);
        Assert.InRange(LapackRatios.Residual<double>(m, rhs, x), 30, double.MaxValue);
        Assert.InRange(LapackRatios.ForwardError<double>(m, rhs, x), 30, double.MaxValue);

        x[0] = double.NaN;
        var e = Assert.Throws<RatioExceededException>(() => LapackRatios.AssertBelow(m.Describe("NaN"), ("residual", LapackRatios.Residual<double>(m, rhs, x))));
        Assert.Contains("n=12, type=2", e.Message, StringComparison.Ordinal);
        Assert.Contains("residual=NaN", e.Message, StringComparison.Ordinal);
    }
}
