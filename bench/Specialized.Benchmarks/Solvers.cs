using System;
using Specialized;

namespace Specialized.Benchmarks;

/// <summary>The generated solvers under measurement: unrolled for n ≤ 32.</summary>
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
}
