using System;
using Specialized;

namespace Kalman;

/// <summary>The solves the filter's update makes every step, specialized for the innovation covariance's order.</summary>
internal static partial class InnovationSolver
{
    /// <summary>Solves S·X = B in place: S's lower triangle becomes its Cholesky factor and B (n x nrhs) becomes X.</summary>
    [SpdSolve(MaxN = Scenario.Beacons)]
    public static partial SolveResult Solve(Span<double> s, Span<double> b, int n, int nrhs);

    /// <summary>Factors S = L·Lᵀ in place of its lower triangle.</summary>
    [SpdFactor(MaxN = Scenario.Beacons)]
    public static partial SolveResult Factor(Span<double> s, int n);

    /// <summary>Solves L·Lᵀ·X = B in place of B (n x nrhs), with the factor <see cref="Factor"/> left.</summary>
    [SpdSolve(MaxN = Scenario.Beacons)]
    public static partial void SolveFactored(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);

    /// <summary>S·X = B in two generated calls: <see cref="Factor"/>, then <see cref="SolveFactored"/> if S is positive definite.</summary>
    public static SolveResult SolveByFactor(Span<double> s, Span<double> b, int n, int nrhs)
    {
        SolveResult result = Factor(s, n);
        if (result)
        {
            SolveFactored(s, b, n, nrhs);
        }

        return result;
    }
}
