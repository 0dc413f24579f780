using System;
using Specialized;

namespace Cluster;

/// <summary>The solver each worker runs: unrolled code for n ≤ 32, the runtime's blocked Cholesky above.</summary>
internal static partial class Solvers
{
    /// <summary>In place: a's lower triangle becomes L (A = L·Lᵀ), b becomes x.</summary>
    [SpdSolve(MaxN = 32)]
    public static partial SolveResult Solve(Span<double> a, Span<double> b, int n);
}
