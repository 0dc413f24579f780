using System;
using Specialized;

namespace MixedSizes;

/// <summary>The solver under test: unrolled code for n ≤ 32, the runtime's Cholesky above.</summary>
internal static partial class Solvers
{
    [SpdSolve(MaxN = 32)]
    public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
}
