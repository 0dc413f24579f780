using System;
using Specialized;

namespace Specialized.Benchmarks;

/// <summary>The generated solvers under measurement: SPD solves unrolled for n ≤ 32, least-squares fits for cols ≤ 8.</summary>
public static partial class Solvers
{
    [SpdSolve(MaxN = 32)]
    public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    [SpdSolve(MaxN = 32)]
    public static partial SolveResult SolveSingle(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);

    [SpdSolve(MaxN = 16)]
    public static partial void SolveBatch(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);

    [SpdSolve(MaxN = 16)]
    public static partial void SolveBatchSingle(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);

    [LeastSquares(MaxCols = 8)]
    public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);

    [LeastSquares(MaxCols = 8)]
    public static partial SolveResult FitSingle(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols);

    [LeastSquares(MaxCols = 8)]
    public static partial SolveResult FitWeighted(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols);

    [LeastSquares(MaxCols = 8)]
    public static partial SolveResult FitWeightedSingle(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> w, Span<float> x, int rows, int cols);
}
