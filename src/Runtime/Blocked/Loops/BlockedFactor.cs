using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// Recursive blocked Cholesky (LAPACK dpotrf2's split, with GEMM-rich panels): factor A₁₁, solve
/// the panel L₂₁ = A₂₁·L₁₁⁻ᵀ, update A₂₂ −= L₂₁·L₂₁ᵀ on the lower triangle only, factor A₂₂.
/// Diagonal blocks of order ≤ FactorBase go to the unblocked kernel, so a failing pivot is found
/// by the same code, at the same index, as below the crossover.
/// </summary>
internal static class BlockedFactor<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    /// <summary>
    /// Factors the n x n matrix a (buffer rows ld apart) in place, packing into scratch
    /// (<see cref="PackBuffers{T}.Length"/> for n, n and <paramref name="workers"/>); with more than one
    /// worker, a and scratch must stay pinned throughout.
    /// </summary>
    public static SolveResult Run(Span<T> a, int n, int ld, bool rowWise, Span<T> scratch, int workers, WorkerTeam? team = null)
    {
        var buffers = new PackBuffers<T>(scratch, n, n, TKernel.MR, TKernel.NR, workers, team);
        return Factor(a, ld, rowWise, 0, n, buffers);
    }

    // Factors the diagonal block of order size at (start, start).
    private static SolveResult Factor(Span<T> a, int ld, bool rowWise, int start, int size, in PackBuffers<T> buffers)
    {
        if (size <= BlockSizes<T>.FactorBase)
        {
            SolveResult diagonal = CholeskyKernel<T>.Factor(a.Slice(start * ld + start), size, ld, rowWise);
            return diagonal.Success ? diagonal : SolveResult.Failed(start + diagonal.FailedPivot);
        }

        int n1 = BlockSizes<T>.Split(size);
        SolveResult result = Factor(a, ld, rowWise, start, n1, buffers);
        if (!result.Success)
        {
            return result;
        }

        var l = new MatrixRef<T>(ref MemoryMarshal.GetReference(a), rowWise ? ld : 1, rowWise ? 1 : ld);
        int n2 = size - n1;
        MatrixRef<T> l21 = l.Block(start + n1, start);
        PanelSolve<T, TKernel>.Run(l.Block(start, start), l21, n2, n1, buffers);
        Gemm<T, TKernel>.Update(l.Block(start + n1, start + n1), l21, l21, n2, n2, n1, TriangleMask.Lower, buffers);
        return Factor(a, ld, rowWise, start + n1, n2, buffers);
    }
}
