using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// Bad shapes throw the documented exception, naming the parameter, before anything is written;
/// empty problems succeed and touch nothing.
/// </summary>
public class ShapeTests
{
    public enum BadShape
    {
        NegativeN,
        NegativeNrhs,
        ShortMatrix,
        ShortB,
        ShortX,
        MatrixLengthOverflowsInt,
        RightHandSideLengthOverflowsInt,
        UnknownTriangle,
        UnknownLayout,
    }

    public static IEnumerable<object[]> Cases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (ApiForm form in Enum.GetValues<ApiForm>())
            {
                foreach (BadShape shape in Enum.GetValues<BadShape>())
                {
                    bool applies = shape switch
                    {
                        BadShape.NegativeNrhs or BadShape.ShortB or BadShape.RightHandSideLengthOverflowsInt => form != ApiForm.Factor,
                        BadShape.ShortX => form == ApiForm.SolveKeepInputs,
                        _ => true,
                    };
                    if (applies)
                    {
                        yield return [precision, form, shape];
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_shape_throws_before_writing(Precision precision, ApiForm form, BadShape shape)
    {
        if (precision == Precision.Double)
        {
            CheckThrows<double>(form, shape);
        }
        else
        {
            CheckThrows<float>(form, shape);
        }
    }

    public static IEnumerable<object[]> EmptyCases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (ApiForm form in Enum.GetValues<ApiForm>())
            {
                foreach (int nrhs in new[] { 0, 1, 3 })
                {
                    foreach (int length in new[] { 0, 4 })
                    {
                        yield return [precision, form, nrhs, length];
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EmptyCases))]
    public void N_zero_succeeds_and_touches_nothing(Precision precision, ApiForm form, int nrhs, int length)
    {
        if (precision == Precision.Double)
        {
            CheckEmpty<double>(form, nrhs, length);
        }
        else
        {
            CheckEmpty<float>(form, nrhs, length);
        }
    }

    // With no right-hand sides the matrix is still factored (the result reports it) but b and x,
    // which need no elements, are not touched.
    [Theory]
    [InlineData(ApiForm.SolveFactored, false)]
    [InlineData(ApiForm.SolveInPlace, false)]
    [InlineData(ApiForm.SolveInPlace, true)]
    [InlineData(ApiForm.SolveKeepInputs, false)]
    [InlineData(ApiForm.SolveKeepInputs, true)]
    public void Nrhs_zero_touches_no_right_hand_side(ApiForm form, bool notSpd)
    {
        const int n = 5;
        TestMatrix matrix = TestMatrix.Create(notSpd ? 5 : 2, n, Precision.Double);
        double[] a = MatrixStorage.Store<double>(matrix.Dense, n, Triangle.Lower, MatrixLayout.RowMajor);
        double[] b = TestData.Sentinels<double>(4, 3), x = TestData.Sentinels<double>(4, 5);
        if (form == ApiForm.SolveFactored)
        {
            Assert.True(Cholesky.Factor(a, n));
        }

        SolveResult result = CholeskyApi<double>.Instance.Invoke(form, a, b, x, n, 0, Triangle.Lower, MatrixLayout.RowMajor);

        Assert.Equal(notSpd ? SolveResult.Failed(matrix.ExpectedFailedPivot) : SolveResult.Succeeded, result);
        Assert.Equal(TestData.Sentinels<double>(4, 3), b);
        Assert.Equal(TestData.Sentinels<double>(4, 5), x);
    }

    private static void CheckThrows<T>(ApiForm form, BadShape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = 3, nrhs = 2, aLength = 9, bLength = 6, xLength = 6;
        Triangle triangle = Triangle.Lower;
        MatrixLayout layout = MatrixLayout.RowMajor;
        string matrixName = form == ApiForm.SolveFactored ? "factor" : "a";
        (Type type, string name) expected = shape switch
        {
            BadShape.NegativeN => (typeof(ArgumentOutOfRangeException), "n"),
            BadShape.NegativeNrhs => (typeof(ArgumentOutOfRangeException), "nrhs"),
            BadShape.UnknownTriangle => (typeof(ArgumentOutOfRangeException), "triangle"),
            BadShape.UnknownLayout => (typeof(ArgumentOutOfRangeException), "layout"),
            BadShape.ShortB or BadShape.RightHandSideLengthOverflowsInt => (typeof(ArgumentException), "b"),
            BadShape.ShortX => (typeof(ArgumentException), "x"),
            _ => (typeof(ArgumentException), matrixName),
        };
        switch (shape)
        {
            case BadShape.NegativeN: n = -1; break;
            case BadShape.NegativeNrhs: nrhs = -1; break;
            case BadShape.ShortMatrix: aLength = 8; break;
            case BadShape.ShortB: bLength = 5; break;
            case BadShape.ShortX: xLength = 5; break;
            case BadShape.MatrixLengthOverflowsInt: n = 50_000; break; // n² > int.MaxValue
            case BadShape.RightHandSideLengthOverflowsInt: nrhs = int.MaxValue; break;
            case BadShape.UnknownTriangle: triangle = (Triangle)2; break;
            case BadShape.UnknownLayout: layout = (MatrixLayout)(-1); break;
        }

        // A valid SPD matrix, so nothing but the shape can be wrong.
        T[] a = MatrixStorage.Store<T>(TestMatrix.Create(2, 3, Lapack.PrecisionOf<T>()).Dense, 3, Triangle.Lower, MatrixLayout.RowMajor, fill: T.Zero)[..aLength];
        T[] b = TestData.Sentinels<T>(bLength, 3), x = TestData.Sentinels<T>(xLength, 5);
        T[] aBefore = (T[])a.Clone(), bBefore = (T[])b.Clone(), xBefore = (T[])x.Clone();

        Exception? thrown = Record.Exception(() => CholeskyApi<T>.Instance.Invoke(form, a, b, x, n, nrhs, triangle, layout));

        Assert.NotNull(thrown);
        Assert.Equal(expected.type, thrown.GetType());
        Assert.Equal(expected.name, ((ArgumentException)thrown).ParamName);
        Assert.True(MatrixStorage.BitIdentical<T>(aBefore, a), "a changed");
        Assert.True(MatrixStorage.BitIdentical<T>(bBefore, b), "b changed");
        Assert.True(MatrixStorage.BitIdentical<T>(xBefore, x), "x changed");
    }

    private static void CheckEmpty<T>(ApiForm form, int nrhs, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = TestData.Sentinels<T>(length, 2), b = TestData.Sentinels<T>(length, 3), x = TestData.Sentinels<T>(length, 5);

        SolveResult result = CholeskyApi<T>.Instance.Invoke(form, a, b, x, 0, nrhs, Triangle.Upper, MatrixLayout.ColumnMajor);

        Assert.Equal(SolveResult.Succeeded, result);
        Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(length, 2), a), "a changed");
        Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(length, 3), b), "b changed");
        Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(length, 5), x), "x changed");
    }
}
