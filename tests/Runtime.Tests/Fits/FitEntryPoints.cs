using System;
using System.Collections.Generic;
using System.Numerics;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>A fit called with every argument any form takes; each entry point passes on the ones it has.</summary>
internal delegate SolveResult FitCall<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, Span<T> x, int rows, int cols, T ridge);

/// <summary>One fit entry point as the fuzz and guard-page tests call it.</summary>
/// <param name="Name">For messages.</param>
/// <param name="Layout">The layout of A.</param>
/// <param name="Weighted">Reads w.</param>
/// <param name="HasRidge">Checks and uses the ridge.</param>
/// <param name="Refine">Refines once after the solve.</param>
/// <param name="MaxCols">The generated limit, 0 for the runtime.</param>
/// <param name="Call">The call; a bool-returning method's false comes back as a failure at pivot 0.</param>
/// <param name="ReportsPivot">Whether a failure carries the real pivot (false for a bool-returning method).</param>
internal sealed record FitEntryPoint<T>(string Name, MatrixLayout Layout, bool Weighted, bool HasRidge, bool Refine, int MaxCols, FitCall<T> Call, bool ReportsPivot = true)
    where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>Every generated [LeastSquares] method of <see cref="FitSolvers"/> and the runtime's fits, per precision: what every fit test calls.</summary>
internal static class FitEntryPoints
{
    public static readonly IReadOnlyList<FitEntryPoint<double>> Double =
    [
        new("DoubleRow", MatrixLayout.RowMajor, false, false, false, 8, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleRow(a, b, x, r, c)),
        new("DoubleColumnWeightedRidge", MatrixLayout.ColumnMajor, true, true, false, 8, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleColumnWeightedRidge(a, b, w, x, r, c, ridge)),
        new("DoubleRowWeighted", MatrixLayout.RowMajor, true, false, false, 20, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleRowWeighted(a, b, w, x, r, c)),
        new("DoubleColumnRidge", MatrixLayout.ColumnMajor, false, true, false, 6, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleColumnRidge(a, b, x, r, c, ridge)),
        new("DoubleRowRefined", MatrixLayout.RowMajor, true, true, true, 8, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleRowRefined(a, b, w, x, r, c, ridge)),
        new("DoubleColumnRefined", MatrixLayout.ColumnMajor, false, false, true, 6, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleColumnRefined(a, b, x, r, c)),
        new("LeastSquares.Fit<double>", MatrixLayout.RowMajor, false, true, false, 0, (a, b, w, x, r, c, ridge) => LeastSquares.Fit(a, b, x, r, c, ridge)),
        new("LeastSquares.FitWeighted<double> column-major refined", MatrixLayout.ColumnMajor, true, true, true, 0, (a, b, w, x, r, c, ridge) => LeastSquares.FitWeighted(a, b, w, x, r, c, ridge, MatrixLayout.ColumnMajor, refine: true)),
    ];

    public static readonly IReadOnlyList<FitEntryPoint<float>> Single =
    [
        new("FloatRowWeighted", MatrixLayout.RowMajor, true, false, false, 12, (a, b, w, x, r, c, ridge) => FitSolvers.FloatRowWeighted(a, b, w, x, r, c)),
        new("FloatColumn", MatrixLayout.ColumnMajor, false, false, false, 9, (a, b, w, x, r, c, ridge) => FitSolvers.FloatColumn(a, b, x, r, c) ? SolveResult.Succeeded : SolveResult.Failed(0), ReportsPivot: false),
        new("FloatRowRidge", MatrixLayout.RowMajor, false, true, false, 4, (a, b, w, x, r, c, ridge) => FitSolvers.FloatRowRidge(a, b, x, r, c, ridge)),
        new("LeastSquares.FitWeighted<float>", MatrixLayout.RowMajor, true, true, false, 0, (a, b, w, x, r, c, ridge) => LeastSquares.FitWeighted(a, b, w, x, r, c, ridge)),
        new("LeastSquares.Fit<float> column-major", MatrixLayout.ColumnMajor, false, false, false, 0, (a, b, w, x, r, c, ridge) => LeastSquares.Fit(a, b, x, r, c, 0, MatrixLayout.ColumnMajor)),
    ];
}
