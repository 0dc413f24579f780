using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// The factorization and solves every public entry point uses: unblocked below
/// <see cref="Crossover"/>, blocked above it on the widest accelerated micro-kernel (the one
/// dispatch ladder).
/// </summary>
internal static class BlockedCholesky<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The order from which the blocked factorization beats the unblocked kernel.</summary>
    public const int Crossover = 96;

    /// <summary>The fewest right-hand sides solved blocked (from <see cref="Crossover"/> on) rather than column by column.</summary>
    public const int SolveCrossoverRhs = 8;

    /// <summary>
    /// Factors in place. <paramref name="workers"/> &gt; 1 shares the large updates and panel solves
    /// among that many threads (ignored below the crossover); the caller has clamped it to the
    /// processor count.
    /// </summary>
    public static SolveResult Factor(Span<T> a, int n, bool rowWise, int workers = 1) => Factor(a, n, n, rowWise, workers);

    /// <summary>As <see cref="Factor(Span{T}, int, bool, int)"/> with buffer rows <paramref name="n"/> ≤ <paramref name="ld"/> apart.</summary>
    public static SolveResult Factor(Span<T> a, int n, int ld, bool rowWise, int workers) =>
        n < Crossover ? CholeskyKernel<T>.Factor(a, n, ld, rowWise) : Blocked(a, ld, a, n, ld, rowWise, workers);

    /// <summary>
    /// Factors a copy of the stored triangle of <paramref name="source"/> (order n, stride n) into
    /// <paramref name="a"/> (buffer rows <paramref name="ld"/> apart), leaving the source alone. The
    /// blocked factorization copies each block where it first touches it
    /// (<see cref="BlockedFactor{T, TKernel}"/>); below the crossover the triangle is copied first.
    /// </summary>
    public static SolveResult FactorCopy(ReadOnlySpan<T> source, Span<T> a, int n, int ld, bool rowWise, int workers)
    {
        if (n < Crossover)
        {
            CholeskyKernel<T>.CopyTriangle(source, a, n, ld, rowWise);
            return CholeskyKernel<T>.Factor(a, n, ld, rowWise);
        }

        return Blocked(source, n, a, n, ld, rowWise, workers);
    }

    // The blocked factorization on the widest accelerated micro-kernel, of a itself (source is a) or of
    // a copy of source (rows sourceLd apart).
    private static SolveResult Blocked(ReadOnlySpan<T> source, int sourceLd, Span<T> a, int n, int ld, bool rowWise, int workers)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            return Factor<MicroKernel512<T>>(source, sourceLd, a, n, ld, rowWise, workers);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return Factor<MicroKernel256<T>>(source, sourceLd, a, n, ld, rowWise, workers);
        }

        return Vector128.IsHardwareAccelerated
            ? Factor<MicroKernel128<T>>(source, sourceLd, a, n, ld, rowWise, workers)
            : Factor<MicroKernelScalar<T>>(source, sourceLd, a, n, ld, rowWise, workers);
    }

    /// <summary>
    /// The blocked factorization on one micro-kernel, for any n ≥ 1. Packing scratch comes from the
    /// stack up to <see cref="Cholesky.StackScratchBytes"/>, else from <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static SolveResult Factor<TKernel>(Span<T> a, int n, bool rowWise, int workers = 1)
        where TKernel : struct, IMicroKernel<T> => Factor<TKernel>(a, n, a, n, n, rowWise, workers);

    private static unsafe SolveResult Factor<TKernel>(ReadOnlySpan<T> source, int sourceLd, Span<T> a, int n, int ld, bool rowWise, int workers)
        where TKernel : struct, IMicroKernel<T>
    {
        int length = PackBuffers<T>.Length(n, n, TKernel.MR, TKernel.NR, workers);
        if (workers == 1 && length <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            return BlockedFactor<T, TKernel>.Run(source, sourceLd, a, n, ld, rowWise, stackalloc T[length], workers);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(length);
        try
        {
            // Worker threads address the matrices and the scratch through raw pointers: pin them all.
            fixed (T* pinnedSource = source)
            fixed (T* pinnedMatrix = a)
            fixed (T* pinnedScratch = rented)
            {
                WorkerTeam? team = workers > 1 ? WorkerTeam.TryJoin(workers) : null;
                try
                {
                    return BlockedFactor<T, TKernel>.Run(source, sourceLd, a, n, ld, rowWise, rented.AsSpan(0, length), workers, team);
                }
                finally
                {
                    team?.Leave();
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Solves L·Lᵀ·X = B in place; B is n x nrhs, row-major. One right-hand side runs along the
    /// factor eight rows at a time (<see cref="VectorSubstitution{T}"/>); a few (below <see cref="SolveCrossoverRhs"/>) do the same
    /// column by column through an n-long copy (stack up to <see cref="Cholesky.StackScratchBytes"/>,
    /// else pooled); more go blocked from <see cref="Crossover"/> on, row by row below it.
    /// </summary>
    public static void Solve(ReadOnlySpan<T> l, Span<T> b, int n, int nrhs, bool rowWise)
    {
        if (nrhs == 1)
        {
            VectorSubstitution<T>.Solve(l, b, n, rowWise);
        }
        else if (nrhs < SolveCrossoverRhs)
        {
            SolveByColumns(l, b, n, nrhs, rowWise);
        }
        else if (n < Crossover)
        {
            CholeskyKernel<T>.Solve(l, b, n, nrhs, rowWise);
        }
        else if (Vector512.IsHardwareAccelerated)
        {
            Solve<MicroKernel512<T>>(l, b, n, nrhs, rowWise);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Solve<MicroKernel256<T>>(l, b, n, nrhs, rowWise);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Solve<MicroKernel128<T>>(l, b, n, nrhs, rowWise);
        }
        else
        {
            Solve<MicroKernelScalar<T>>(l, b, n, nrhs, rowWise);
        }
    }

    private static void SolveByColumns(ReadOnlySpan<T> l, Span<T> b, int n, int nrhs, bool rowWise)
    {
        if (n <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            CholeskyKernel<T>.SolveByColumns(l, b, n, nrhs, rowWise, stackalloc T[n]);
            return;
        }

        T[] rented = ArrayPool<T>.Shared.Rent(n);
        try
        {
            CholeskyKernel<T>.SolveByColumns(l, b, n, nrhs, rowWise, rented.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>The blocked solve on one micro-kernel, with scratch as <see cref="Factor{TKernel}(Span{T}, int, bool, int)"/> takes it.</summary>
    public static void Solve<TKernel>(ReadOnlySpan<T> l, Span<T> b, int n, int nrhs, bool rowWise)
        where TKernel : struct, IMicroKernel<T>
    {
        int length = PackBuffers<T>.Length(n, nrhs, TKernel.MR, TKernel.NR);
        if (length <= Cholesky.StackScratchBytes / Unsafe.SizeOf<T>())
        {
            BlockedSolve<T, TKernel>.Run(l, b, n, nrhs, rowWise, stackalloc T[length]);
            return;
        }

        T[] rented = ArrayPool<T>.Shared.Rent(length);
        try
        {
            BlockedSolve<T, TKernel>.Run(l, b, n, nrhs, rowWise, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }
}
