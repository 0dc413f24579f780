using System;
using System.Linq;
using Xunit;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>Bad shapes throw the ArgumentException family before x is touched, on the generated and the runtime entry points.</summary>
public class FitShapeTests
{
    // The entry points that check every argument: weights, ridge, both layouts, generated and runtime.
    private static readonly FitEntryPoint<double>[] s_entryPoints = FitEntryPoints.Double.Where(e => e.Weighted && e.HasRidge).ToArray();

    [Theory]
    [InlineData(-1, 3, 0.0, typeof(ArgumentOutOfRangeException))]
    [InlineData(5, -1, 0.0, typeof(ArgumentOutOfRangeException))]
    [InlineData(2, 3, 0.0, typeof(ArgumentException))]
    [InlineData(5, 3, -1.0, typeof(ArgumentOutOfRangeException))]
    [InlineData(5, 3, double.NaN, typeof(ArgumentOutOfRangeException))]
    [InlineData(5, 3, double.PositiveInfinity, typeof(ArgumentOutOfRangeException))]
    public void Bad_sizes_and_ridges_throw(int rows, int cols, double ridge, Type expected)
    {
        Assert.Equal(3, s_entryPoints.Length);
        foreach (FitEntryPoint<double> entry in s_entryPoints)
        {
            var x = new double[8];
            x.AsSpan().Fill(7);
            Exception e = Record.Exception(() => entry.Call(new double[64], new double[16], new double[16], x, rows, cols, ridge));
            Assert.True(e?.GetType() == expected, $"{entry.Name}: {e?.GetType().Name ?? "no exception"}");
            Assert.All(x, value => Assert.Equal(7, value));
        }
    }

    [Theory]
    [InlineData(14, 5, 5, 3, "a")]
    [InlineData(15, 4, 5, 3, "b")]
    [InlineData(15, 5, 4, 3, "w")]
    [InlineData(15, 5, 5, 2, "x")]
    public void Short_spans_throw_naming_the_parameter(int aLength, int bLength, int wLength, int xLength, string parameter)
    {
        foreach (FitEntryPoint<double> entry in s_entryPoints)
        {
            var x = new double[xLength];
            var e = Assert.ThrowsAny<ArgumentException>(() => entry.Call(new double[aLength], new double[bLength], new double[wLength], x, 5, 3, 0));
            Assert.True(e.ParamName == parameter, $"{entry.Name}: {e.ParamName}");
            Assert.All(x, value => Assert.Equal(0, value));
        }
    }

    [Fact]
    public void Zero_columns_succeed_and_rows_equal_cols_is_solved_exactly()
    {
        Assert.True(FitSolvers.DoubleRow([], [], [], 0, 0).Success);
        Assert.True(FitSolvers.DoubleRow([1.0], [1.0], [], 1, 0).Success);
        var x = new double[2];
        Assert.True(FitSolvers.DoubleRow([2.0, 0.0, 0.0, 4.0], [2.0, 8.0], x, 2, 2).Success);
        Assert.Equal([1.0, 2.0], x);
    }
}
