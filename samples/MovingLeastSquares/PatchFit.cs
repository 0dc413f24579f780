using System;
using Specialized;

namespace MovingLeastSquares;

/// <summary>The generated weighted fit: one streaming pass over a patch's rows, then the unrolled 6 x 6 Cholesky.</summary>
internal static partial class PatchFit
{
    /// <summary>Minimizes Σ wᵢ(Aᵢx − bᵢ)² over the rows x cols matrix A (row-major), cols ≤ 6 unrolled.</summary>
    [LeastSquares(MaxCols = 6)]
    public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols);
}
