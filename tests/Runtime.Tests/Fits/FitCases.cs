using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>One fit entry point (<see cref="FitEntryPoints"/>) as the accuracy tests see it: options, and a run on a double problem.</summary>
/// <param name="Name">For test names.</param>
/// <param name="Precision">double or float.</param>
/// <param name="Weighted">Takes w.</param>
/// <param name="HasRidge">Takes a ridge.</param>
/// <param name="Refine">Refines once after the solve.</param>
/// <param name="MaxCols">The generated kernels' limit, 0 for the runtime API.</param>
/// <param name="ReportsPivot">Whether a failure carries the real pivot.</param>
/// <param name="Run">Fits the problem (A in the entry point's layout and precision) and returns the result and x in double.</param>
public sealed record FitCase(string Name, Precision Precision, bool Weighted, bool HasRidge, bool Refine, int MaxCols, bool ReportsPivot, Func<LeastSquaresProblem, double, (SolveResult Result, double[] X)> Run)
{
    public override string ToString() => Name;
}

/// <summary>Every entry point of <see cref="FitEntryPoints"/>, both precisions.</summary>
public static class FitCases
{
    public static readonly IReadOnlyList<FitCase> All = [.. FitEntryPoints.Double.Select(From), .. FitEntryPoints.Single.Select(From)];

    private static FitCase From<T>(FitEntryPoint<T> entry)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(entry.Name, Lapack.PrecisionOf<T>(), entry.Weighted, entry.HasRidge, entry.Refine, entry.MaxCols, entry.ReportsPivot, (problem, ridge) =>
        {
            T[] a = problem.Matrix<T>(entry.Layout);
            T[] b = MatrixStorage.Convert<T>(problem.B);
            T[] w = problem.W is null ? [] : MatrixStorage.Convert<T>(problem.W);
            var x = new T[problem.Cols];
            SolveResult result = entry.Call(a, b, w, x, problem.Rows, problem.Cols, T.CreateTruncating(ridge));
            return (result, MatrixStorage.ToDouble<T>(x));
        });
}
