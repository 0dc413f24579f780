using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// <see cref="Cholesky.Invert(ReadOnlySpan{double}, Span{double}, int, Triangle, MatrixLayout)"/>:
/// dpot03's ratio below 30 on every SPD dchkpo type, size, storage and precision, both triangles
/// of the inverse written and bit-symmetric, a never written; dpotrf's pivot on matrices that are
/// not SPD with the inverse untouched; bad shapes throw before writing; no allocation.
/// </summary>
public class InverseTests
{
    private const int Extra = 3;

    public static IEnumerable<object[]> SpdCases => TestData.Cases(spd: true);

    public static IEnumerable<object[]> NotSpdCases => TestData.Cases(spd: false);

    [Theory]
    [MemberData(nameof(SpdCases))]
    public void Dpot03_ratio_stays_below_threshold(Precision precision, int n, int type)
    {
        TestMatrix matrix = TestMatrix.Create(type, n, precision, TestData.Seed(n, type));
        if (precision == Precision.Double)
        {
            CheckAccuracy<double>(matrix);
        }
        else
        {
            CheckAccuracy<float>(matrix);
        }
    }

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

    public static IEnumerable<object[]> DiagonalCases() =>
        from precision in TestData.Precisions
        from n in new[] { 1, 2, 3, 7, 16, 33, 64, 65, 100 }
        from k in new[] { 0, n / 2, n - 1 }.Distinct()
        from value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -1 }
        select new object[] { precision, n, k, value };

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

    // dchkpo's worst conditioning, well past the stack scratch.
    [Fact]
    public void Dpot03_ratio_holds_at_n_400()
    {
        const int n = 400;
        TestMatrix matrix = TestMatrix.Create(7, n, Precision.Double, TestData.Seed(n, 7));
        double[] a = MatrixStorage.Store<double>(matrix.Dense, n, Triangle.Upper, MatrixLayout.ColumnMajor);
        double[] inverse = new double[n * n];

        Assert.True(Cholesky.Invert(a, inverse, n, Triangle.Upper, MatrixLayout.ColumnMajor));

        LapackRatios.AssertBelow(matrix.Describe("Upper, ColumnMajor"), ("inverse", LapackRatios.Inverse<double>(matrix, inverse)));
    }

    /// <summary>Every element of a is read before the inverse is written, so both may be one buffer.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(65)]
    public void Inverse_may_overwrite_a(int n)
    {
        TestMatrix matrix = TestMatrix.Create(2, n, Precision.Double, TestData.Seed(n, 2));
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            double[] a = MatrixStorage.Store<double>(matrix.Dense, n, triangle, layout, fill: 0.0);
            double[] separate = new double[n * n];
            Assert.True(Cholesky.Invert(a, separate, n, triangle, layout));

            Assert.True(Cholesky.Invert(a, a, n, triangle, layout));

            Assert.True(MatrixStorage.BitIdentical<double>(separate, a), $"n={n}, {triangle}, {layout}: in place differs");
        }
    }

    public static IEnumerable<object[]> StorageCases() =>
        from precision in TestData.Precisions
        from n in new[] { 1, 2, 3, 5, 8, 9, 16, 17, 33, 64, 65, 100 }
        select new object[] { precision, n };

    [Theory]
    [MemberData(nameof(StorageCases))]
    public void Other_triangle_is_never_read(Precision precision, int n)
    {
        if (precision == Precision.Double)
        {
            CompareFills<double>(n);
        }
        else
        {
            CompareFills<float>(n);
        }
    }

    public enum BadShape
    {
        NegativeN,
        ShortMatrix,
        ShortInverse,
        MatrixLengthOverflowsInt,
        UnknownTriangle,
        UnknownLayout,
    }

    [Theory]
    [InlineData(Precision.Double, BadShape.NegativeN)]
    [InlineData(Precision.Double, BadShape.ShortMatrix)]
    [InlineData(Precision.Double, BadShape.ShortInverse)]
    [InlineData(Precision.Double, BadShape.MatrixLengthOverflowsInt)]
    [InlineData(Precision.Double, BadShape.UnknownTriangle)]
    [InlineData(Precision.Double, BadShape.UnknownLayout)]
    [InlineData(Precision.Single, BadShape.NegativeN)]
    [InlineData(Precision.Single, BadShape.ShortMatrix)]
    [InlineData(Precision.Single, BadShape.ShortInverse)]
    [InlineData(Precision.Single, BadShape.MatrixLengthOverflowsInt)]
    [InlineData(Precision.Single, BadShape.UnknownTriangle)]
    [InlineData(Precision.Single, BadShape.UnknownLayout)]
    public void Bad_shape_throws_before_writing(Precision precision, BadShape shape)
    {
        if (precision == Precision.Double)
        {
            CheckThrows<double>(shape);
        }
        else
        {
            CheckThrows<float>(shape);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void N_zero_succeeds_and_touches_nothing(int length)
    {
        double[] a = TestData.Sentinels<double>(length, 2), inverse = TestData.Sentinels<double>(length, 5);
        float[] af = TestData.Sentinels<float>(length, 2), inversef = TestData.Sentinels<float>(length, 5);

        Assert.Equal(SolveResult.Succeeded, Cholesky.Invert(a, inverse, 0, Triangle.Upper, MatrixLayout.ColumnMajor));
        Assert.Equal(SolveResult.Succeeded, Cholesky.Invert(af, inversef, 0));

        Assert.Equal(TestData.Sentinels<double>(length, 2), a);
        Assert.Equal(TestData.Sentinels<double>(length, 5), inverse);
        Assert.Equal(TestData.Sentinels<float>(length, 2), af);
        Assert.Equal(TestData.Sentinels<float>(length, 5), inversef);
    }

    // Up to n = 64 (double) or 90 (float) the copy of the matrix sits on the stack; past that it is
    // rented from ArrayPool.Shared, which allocates its array once, during warm-up.
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(91)]
    [InlineData(257)]
    public void No_call_allocates_after_warm_up(int n)
    {
        AssertNoAllocation<double>(n);
        AssertNoAllocation<float>(n);
    }

    private static void CheckAccuracy<T>(TestMatrix matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N;
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            string context = matrix.Describe($"{triangle}, {layout}");

            // NaN in the other triangle and a's tail, sentinels in the inverse's tail: reading or
            // writing either shows.
            T[] a = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout, Extra);
            T[] aBefore = (T[])a.Clone();
            T[] inverse = [.. TestData.Sentinels<T>(n * n, 5), .. TestData.Sentinels<T>(Extra, 7)];

            SolveResult result = CholeskyApi<T>.Instance.Invert(a, inverse, n, triangle, layout);

            Assert.True(result.Success, $"{context}: {result}");
            Assert.Equal(-1, result.FailedPivot);
            Assert.True(MatrixStorage.BitIdentical<T>(aBefore, a), context + ": a changed");
            Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(Extra, 7), inverse.AsSpan(n * n)), context + ": the inverse's tail changed");
            AssertSymmetric<T>(inverse, n, context);
            LapackRatios.AssertBelow(context, ("inverse", LapackRatios.Inverse<T>(matrix, inverse)));
        }
    }

    // NaN or zeros outside the stored triangle (and in a's tail) give bit-identical inverses.
    private static void CompareFills<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestMatrix matrix = TestMatrix.Create(2, n, Lapack.PrecisionOf<T>(), TestData.Seed(n, 2));
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            T[] zeros = new T[n * n], nans = new T[n * n];
            Assert.True(CholeskyApi<T>.Instance.Invert(MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout, fill: T.Zero), zeros, n, triangle, layout));
            Assert.True(CholeskyApi<T>.Instance.Invert(MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout, Extra, T.NaN), nans, n, triangle, layout));
            Assert.True(MatrixStorage.BitIdentical<T>(zeros, nans), matrix.Describe($"{triangle}, {layout}: NaN and zero fill differ"));
        }
    }

    private static void CheckFailure<T>(double[] dense, int n, int expectedPivot, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            string where = $"{context}, {triangle}, {layout}";
            T[] a = MatrixStorage.Store<T>(dense, n, triangle, layout);
            T[] aBefore = (T[])a.Clone();
            T[] inverse = TestData.Sentinels<T>(n * n, 5);

            SolveResult result = CholeskyApi<T>.Instance.Invert(a, inverse, n, triangle, layout);

            Assert.False(result.Success, where);
            Assert.True(result.FailedPivot == expectedPivot, $"{where}: FailedPivot {result.FailedPivot}, dpotrf's INFO − 1 is {expectedPivot}");
            Assert.True(MatrixStorage.BitIdentical<T>(aBefore, a), where + ": a changed");
            Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(n * n, 5), inverse), where + ": the inverse changed on failure");
        }
    }

    private static void CheckThrows<T>(BadShape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = 3, aLength = 9, inverseLength = 9;
        Triangle triangle = Triangle.Lower;
        MatrixLayout layout = MatrixLayout.RowMajor;
        (Type Type, string Name) expected = shape switch
        {
            BadShape.NegativeN => (typeof(ArgumentOutOfRangeException), "n"),
            BadShape.UnknownTriangle => (typeof(ArgumentOutOfRangeException), "triangle"),
            BadShape.UnknownLayout => (typeof(ArgumentOutOfRangeException), "layout"),
            BadShape.ShortInverse => (typeof(ArgumentException), "inverse"),
            _ => (typeof(ArgumentException), "a"),
        };
        switch (shape)
        {
            case BadShape.NegativeN: n = -1; break;
            case BadShape.ShortMatrix: aLength = 8; break;
            case BadShape.ShortInverse: inverseLength = 8; break;
            case BadShape.MatrixLengthOverflowsInt: n = 50_000; break; // n² > int.MaxValue
            case BadShape.UnknownTriangle: triangle = (Triangle)2; break;
            case BadShape.UnknownLayout: layout = (MatrixLayout)(-1); break;
        }

        // A valid SPD matrix, so nothing but the shape can be wrong.
        T[] a = MatrixStorage.Store<T>(TestMatrix.Create(2, 3, Lapack.PrecisionOf<T>()).Dense, 3, Triangle.Lower, MatrixLayout.RowMajor, fill: T.Zero)[..aLength];
        T[] inverse = TestData.Sentinels<T>(inverseLength, 5);
        T[] aBefore = (T[])a.Clone(), inverseBefore = (T[])inverse.Clone();

        Exception? thrown = Record.Exception(() => CholeskyApi<T>.Instance.Invert(a, inverse, n, triangle, layout));

        Assert.NotNull(thrown);
        Assert.Equal(expected.Type, thrown.GetType());
        Assert.Equal(expected.Name, ((ArgumentException)thrown).ParamName);
        Assert.True(MatrixStorage.BitIdentical<T>(aBefore, a), "a changed");
        Assert.True(MatrixStorage.BitIdentical<T>(inverseBefore, inverse), "the inverse changed");
    }

    private static void AssertNoAllocation<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int calls = 100;
        TestMatrix matrix = TestMatrix.Create(2, n, Lapack.PrecisionOf<T>(), TestData.Seed(n, 2));
        T[] a = MatrixStorage.Store<T>(matrix.Dense, n, Triangle.Upper, MatrixLayout.RowMajor);
        T[] inverse = new T[n * n];

        // JIT-compiles the call and fills the pool before measuring.
        Assert.True(CholeskyApi<T>.Instance.Invert(a, inverse, n, Triangle.Upper, MatrixLayout.RowMajor));
        long allocated = Allocations.Measure(() =>
        {
            for (int k = 0; k < calls; k++)
            {
                CholeskyApi<T>.Instance.Invert(a, inverse, n, Triangle.Upper, MatrixLayout.RowMajor);
            }
        });

        Assert.True(allocated == 0, $"{typeof(T).Name}, n={n}: {allocated} bytes allocated over {calls} calls");
    }

    /// <summary>Both triangles written with the same bits: inverse(i, j) and inverse(j, i) are one value.</summary>
    internal static void AssertSymmetric<T>(ReadOnlySpan<T> inverse, int n, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (!MatrixStorage.BitIdentical(inverse.Slice(i * n + j, 1), inverse.Slice(j * n + i, 1)))
                {
                    Assert.Fail($"{context}: inverse({i},{j}) = {inverse[i * n + j]} but inverse({j},{i}) = {inverse[j * n + i]}");
                }
            }
        }
    }
}
