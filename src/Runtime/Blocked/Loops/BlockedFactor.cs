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
    /// Factors the n x n matrix a (buffer rows ld apart), packing into scratch
    /// (<see cref="PackBuffers{T}.Length"/> for n, n and <paramref name="workers"/>), with the stored
    /// triangle read first from <paramref name="source"/> (rows <paramref name="sourceLd"/> apart, the
    /// same storage order): a itself, to factor in place, or the caller's matrix a receives a copy of.
    /// Then each block is copied where the recursion first touches it, so the copy costs no pass of its
    /// own: the first update of a block reads it from the source, and only the base blocks on the
    /// leading diagonal and the first strip of each panel are copied ahead. After a failure, the blocks
    /// not yet reached are left uncopied. With more than one worker, source, a and scratch must stay
    /// pinned throughout.
    /// </summary>
    public static SolveResult Run(ReadOnlySpan<T> source, int sourceLd, Span<T> a, int n, int ld, bool rowWise, Span<T> scratch, int workers, WorkerTeam? team = null)
    {
        var buffers = new PackBuffers<T>(scratch, n, n, TKernel.MR, TKernel.NR, workers, team);
        return Factor(a, ld, rowWise, MatrixRef<T>.Factor(ref MemoryMarshal.GetReference(source), sourceLd, rowWise), 0, n, buffers);
    }

    // Factors the diagonal block of order size at (start, start), reading each of its elements first
    // from the same place in from: the source, or the factor's own storage (then nothing is copied).
    private static SolveResult Factor(Span<T> a, int ld, bool rowWise, MatrixRef<T> from, int start, int size, in PackBuffers<T> buffers)
    {
        MatrixRef<T> l = MatrixRef<T>.Factor(ref MemoryMarshal.GetReference(a), ld, rowWise);
        if (size <= BlockSizes<T>.FactorBase)
        {
            BlockCopy<T>.Lower(l.Block(start, start), from.Block(start, start), size);
            SolveResult diagonal = CholeskyKernel<T>.Factor(a.Slice(start * ld + start), size, ld, rowWise);
            return diagonal.Success ? diagonal : SolveResult.Failed(start + diagonal.FailedPivot);
        }

        int n1 = BlockSizes<T>.Split(size);
        SolveResult result = Factor(a, ld, rowWise, from, start, n1, buffers);
        if (!result.Success)
        {
            return result;
        }

        int n2 = size - n1;
        MatrixRef<T> l21 = l.Block(start + n1, start);
        PanelSolve<T, TKernel>.Run(l.Block(start, start), l21, from.Block(start + n1, start), n2, n1, buffers);
        Gemm<T, TKernel>.UpdateFrom(l.Block(start + n1, start + n1), from.Block(start + n1, start + n1), l21, l21, n2, n2, n1, TriangleMask.Lower, buffers);

        // The update wrote the whole trailing triangle: the rest factors in place.
        return Factor(a, ld, rowWise, l, start + n1, n2, buffers);
    }
}
