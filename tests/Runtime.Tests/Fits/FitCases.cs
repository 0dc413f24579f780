using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>One least-squares entry point under test, with the options it was declared with.</summary>
/// <param name="Name">For test names.</param>
/// <param name="Precision">double or float.</param>
/// <param name="Layout">The layout of A.</param>
/// <param name="Weighted">Takes w.</param>
/// <param name="HasRidge">Takes a ridge.</param>
/// <param name="Refine">Refines once after the solve.</param>
/// <param name="MaxCols">The generated kernels' limit, 0 for the runtime API.</param>
/// <param name="Run">Fits the problem (A in the case's layout and precision) and returns the result and x in double.</param>
public sealed record FitCase(string Name, Precision Precision, MatrixLayout Layout, bool Weighted, bool HasRidge, bool Refine, int MaxCols, Func<LeastSquaresProblem, double, (SolveResult Result, double[] X)> Run)
{
    public override string ToString() => Name;
}

/// <summary>Every generated [LeastSquares] method in <see cref="FitSolvers"/> and the runtime's entry points.</summary>
public static class FitCases
{
    public static readonly IReadOnlyList<FitCase> All =
    [
        Generated<double>("DoubleRow", MatrixLayout.RowMajor, false, false, false, 8, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleRow(a, b, x, r, c)),
        Generated<double>("DoubleColumnWeightedRidge", MatrixLayout.ColumnMajor, true, true, false, 8, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleColumnWeightedRidge(a, b, w, x, r, c, ridge)),
        Generated<double>("DoubleRowWeighted", MatrixLayout.RowMajor, true, false, false, 20, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleRowWeighted(a, b, w, x, r, c)),
        Generated<double>("DoubleColumnRidge", MatrixLayout.ColumnMajor, false, true, false, 6, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleColumnRidge(a, b, x, r, c, ridge)),
        Generated<double>("DoubleRowRefined", MatrixLayout.RowMajor, true, true, true, 8, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleRowRefined(a, b, w, x, r, c, ridge)),
        Generated<double>("DoubleColumnRefined", MatrixLayout.ColumnMajor, false, false, true, 6, (a, b, w, x, r, c, ridge) => FitSolvers.DoubleColumnRefined(a, b, x, r, c)),
        Generated<float>("FloatRowWeighted", MatrixLayout.RowMajor, true, false, false, 12, (a, b, w, x, r, c, ridge) => FitSolvers.FloatRowWeighted(a, b, w, x, r, c)),
        Generated<float>("FloatColumn", MatrixLayout.ColumnMajor, false, false, false, 9, (a, b, w, x, r, c, ridge) => FitSolvers.FloatColumn(a, b, x, r, c) ? SolveResult.Succeeded : SolveResult.Failed(0)),
        Generated<float>("FloatRowRidge", MatrixLayout.RowMajor, false, true, false, 4, (a, b, w, x, r, c, ridge) => FitSolvers.FloatRowRidge(a, b, x, r, c, (float)ridge)),
        Generated<double>("Runtime.Double.ColumnMajor.Weighted.Refine", MatrixLayout.ColumnMajor, true, true, true, 0, (a, b, w, x, r, c, ridge) => LeastSquares.FitWeighted(a, b, w, x, r, c, ridge, MatrixLayout.ColumnMajor, refine: true)),
        Generated<double>("Runtime.Double.RowMajor", MatrixLayout.RowMajor, false, true, false, 0, (a, b, w, x, r, c, ridge) => LeastSquares.Fit(a, b, x, r, c, ridge)),
        Generated<float>("Runtime.Float.RowMajor.Weighted", MatrixLayout.RowMajor, true, false, false, 0, (a, b, w, x, r, c, ridge) => LeastSquares.FitWeighted(a, b, w, x, r, c)),
        Generated<float>("Runtime.Float.ColumnMajor", MatrixLayout.ColumnMajor, false, true, false, 0, (a, b, w, x, r, c, ridge) => LeastSquares.Fit(a, b, x, r, c, (float)ridge, MatrixLayout.ColumnMajor)),
    ];

    /// <summary>A fit taking the arguments every form could take; each case passes on the ones its form has.</summary>
    public delegate SolveResult Call<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, Span<T> x, int rows, int cols, double ridge);

    private static FitCase Generated<T>(string name, MatrixLayout layout, bool weighted, bool hasRidge, bool refine, int maxCols, Call<T> call)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(name, Lapack.PrecisionOf<T>(), layout, weighted, hasRidge, refine, maxCols, (problem, ridge) =>
        {
            T[] a = problem.Matrix<T>(layout);
            T[] b = MatrixStorage.Convert<T>(problem.B);
            T[] w = problem.W is null ? [] : MatrixStorage.Convert<T>(problem.W);
            var x = new T[problem.Cols];
            SolveResult result = call(a, b, w, x, problem.Rows, problem.Cols, ridge);
            return (result, MatrixStorage.ToDouble<T>(x));
        });
}
