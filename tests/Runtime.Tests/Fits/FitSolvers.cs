using System;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>[LeastSquares] methods covering each option: weights, ridge, layout, precision, bool or SolveResult, Refine, and cols past the kernels.</summary>
internal static partial class FitSolvers
{
    [LeastSquares(MaxCols = 8)]
    public static partial SolveResult DoubleRow(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);

    [LeastSquares(MaxCols = 8, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult DoubleColumnWeightedRidge(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols, double ridge);

    [LeastSquares(MaxCols = 20)]
    public static partial SolveResult DoubleRowWeighted(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols);

    [LeastSquares(MaxCols = 6, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult DoubleColumnRidge(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols, double ridge);

    [LeastSquares(MaxCols = 8, Refine = true)]
    public static partial SolveResult DoubleRowRefined(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols, double ridge);

    [LeastSquares(MaxCols = 6, Layout = MatrixLayout.ColumnMajor, Refine = true)]
    public static partial SolveResult DoubleColumnRefined(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);

    [LeastSquares(MaxCols = 12)]
    public static partial SolveResult FloatRowWeighted(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> w, Span<float> x, int rows, int cols);

    [LeastSquares(MaxCols = 9, Layout = MatrixLayout.ColumnMajor)]
    public static partial bool FloatColumn(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols);

    [LeastSquares(MaxCols = 4)]
    public static partial SolveResult FloatRowRidge(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols, float ridge);
}
