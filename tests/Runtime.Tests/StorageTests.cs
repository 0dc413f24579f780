using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// What the runtime may and may not touch: the other triangle is never read (NaN or zeros there
/// give bit-identical results), spans longer than needed keep their tails, n = 0 touches nothing.
/// </summary>
public class StorageTests
{
    private static readonly int[] Sizes = [1, 2, 3, 5, 8, 9, 16, 17, 33, 64, 65, 100];

    public static IEnumerable<object[]> Cases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (int n in Sizes)
            {
                foreach (ApiForm form in Enum.GetValues<ApiForm>())
                {
                    yield return [precision, n, form];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Other_triangle_is_never_read(Precision precision, int n, ApiForm form)
    {
        if (precision == Precision.Double)
        {
            CompareFills<double>(n, form, extra: 0);
        }
        else
        {
            CompareFills<float>(n, form, extra: 0);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Longer_spans_work_and_keep_their_tails(Precision precision, int n, ApiForm form)
    {
        if (precision == Precision.Double)
        {
            CompareFills<double>(n, form, extra: 5);
        }
        else
        {
            CompareFills<float>(n, form, extra: 5);
        }
    }

    // Runs a form twice on the same problem, once with NaN and once with zeros outside the stored
    // triangle (and in any tail): every output must be bit-identical to the exact-length run with
    // zeros, and nothing outside the triangle or past the needed length may change.
    private static void CompareFills<T>(int n, ApiForm form, int extra)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int nrhs = 3;
        TestMatrix matrix = TestMatrix.Create(2, n, Lapack.PrecisionOf<T>(), TestData.Seed(n, 2));
        RightHandSide rhs = matrix.CreateRightHandSide(nrhs, TestData.Seed(n, nrhs));
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            string context = matrix.Describe($"{triangle}, {layout}, {form}, extra={extra}");
            (T[] refA, T[] refB, T[] refX) = Run<T>(matrix, rhs, form, triangle, layout, T.Zero, 0);
            (T[] a, T[] b, T[] x) = Run<T>(matrix, rhs, form, triangle, layout, T.NaN, extra);

            T[] aBefore = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout, extra, T.NaN);
            Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(aBefore, a, n, triangle, layout));
            for (int k = 0; k < n * n; k++)
            {
                if (MatrixStorage.IsStored(k, n, triangle, layout))
                {
                    Assert.True(MatrixStorage.BitIdentical<T>(refA.AsSpan(k, 1), a.AsSpan(k, 1)), $"{context}: a[{k}] differs");
                }
            }

            Assert.True(MatrixStorage.BitIdentical<T>(refB, b.AsSpan(0, n * nrhs)), context + ": b differs");
            Assert.True(MatrixStorage.BitIdentical<T>(refX, x.AsSpan(0, n * nrhs)), context + ": x differs");
            Assert.True(MatrixStorage.BitIdentical<T>(b.AsSpan(n * nrhs), TestData.Sentinels<T>(extra, 3)), context + ": b's tail changed");
            Assert.True(MatrixStorage.BitIdentical<T>(x.AsSpan(n * nrhs), TestData.Sentinels<T>(extra, 5)), context + ": x's tail changed");
        }
    }

    private static (T[] A, T[] B, T[] X) Run<T>(TestMatrix matrix, RightHandSide rhs, ApiForm form, Triangle triangle, MatrixLayout layout, T fill, int extra)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N, nrhs = rhs.Nrhs;
        T[] a = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout, extra, fill);
        if (form == ApiForm.SolveFactored)
        {
            Assert.True(CholeskyApi<T>.Instance.Factor(a, n, triangle, layout));
        }

        T[] b = [.. MatrixStorage.Convert<T>(rhs.B), .. TestData.Sentinels<T>(extra, 3)];
        T[] x = [.. new T[n * nrhs], .. TestData.Sentinels<T>(extra, 5)];
        Assert.True(CholeskyApi<T>.Instance.Invoke(form, a, b, x, n, nrhs, triangle, layout));
        return (a, b, x);
    }
}
