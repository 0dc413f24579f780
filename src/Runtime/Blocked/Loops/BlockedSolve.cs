using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// L·Lᵀ·X = B for many right-hand sides (B n x nrhs, row-major), recursive on n like the
/// factorization: each half's diagonal block is solved directly and the coupling between halves
/// is one GEMM update of B on the micro-kernel (LAPACK's dtrsm, left side, blocked).
/// </summary>
internal static class BlockedSolve<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    public static void Run(ReadOnlySpan<T> factor, Span<T> b, int n, int nrhs, bool rowWise, Span<T> scratch)
    {
        var buffers = new PackBuffers<T>(scratch, n, nrhs, TKernel.MR, TKernel.NR);

        // The factor is only read; MatrixRef is a read-write view for the shared GEMM loops.
        ref T origin = ref MemoryMarshal.GetReference(factor);
        MatrixRef<T> l = MatrixRef<T>.Factor(ref origin, n, rowWise);
        var x = new MatrixRef<T>(ref MemoryMarshal.GetReference(b), nrhs, 1);
        Forward(l, x, n, nrhs, buffers);
        Backward(l, x, n, nrhs, buffers);
    }

    // L·Y = B.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward(MatrixRef<T> l, MatrixRef<T> b, int n, int nrhs, in PackBuffers<T> buffers)
    {
        if (n <= BlockSizes<T>.FactorBase)
        {
            for (int i = 0; i < n; i++)
            {
                Span<T> yi = Row(b, i, nrhs);
                for (int k = 0; k < i; k++)
                {
                    VectorOps.Axpy(-l[i, k], Row(b, k, nrhs), yi);
                }

                VectorOps.Scale(T.One / l[i, i], yi);
            }

            return;
        }

        int n1 = BlockSizes<T>.Split(n);
        Forward(l, b, n1, nrhs, buffers);
        Gemm<T, TKernel>.Update(b.Block(n1, 0), l.Block(n1, 0), b.Transposed, n - n1, nrhs, n1, TriangleMask.Full, buffers);
        Forward(l.Block(n1, n1), b.Block(n1, 0), n - n1, nrhs, buffers);
    }

    // Lᵀ·X = Y.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward(MatrixRef<T> l, MatrixRef<T> b, int n, int nrhs, in PackBuffers<T> buffers)
    {
        if (n <= BlockSizes<T>.FactorBase)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                Span<T> xi = Row(b, i, nrhs);
                for (int k = i + 1; k < n; k++)
                {
                    VectorOps.Axpy(-l[k, i], Row(b, k, nrhs), xi);
                }

                VectorOps.Scale(T.One / l[i, i], xi);
            }

            return;
        }

        int n1 = BlockSizes<T>.Split(n);
        Backward(l.Block(n1, n1), b.Block(n1, 0), n - n1, nrhs, buffers);
        Gemm<T, TKernel>.Update(b, l.Block(n1, 0).Transposed, b.Block(n1, 0).Transposed, n1, nrhs, n - n1, TriangleMask.Full, buffers);
        Backward(l, b, n1, nrhs, buffers);
    }

    private static Span<T> Row(MatrixRef<T> b, int i, int nrhs) => MemoryMarshal.CreateSpan(ref b[i, 0], nrhs);
}
