using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Specialized;

/// <summary>
/// One large GEMM update shared among worker threads by column blocks of C, each worker with its
/// own packing buffers. Block edges fall on multiples of NR, so every element of C sees the same
/// tiles and the same sequence of operations as on one thread: the result is bit-identical.
/// </summary>
/// <remarks>
/// The blocks are <see cref="ChunksPerWorker"/> per worker, of equal work, and each worker claims the
/// next one free until none is left, so a worker that the system holds back leaves its blocks to the
/// others instead of making them wait at the end of the region.
/// The workers receive raw addresses: the caller (<see cref="BlockedCholesky{T}"/>) pins the
/// matrix and the scratch for the whole factorization before any update can get here.
/// </remarks>
internal static unsafe class ParallelGemm<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    /// <summary>
    /// m·n·k (or m·w² for a panel solve) below which sharing costs more than it saves. With
    /// <c>Parallel.For</c>, about 270 µs to start a region, 2²³ (2²⁴ for panels) was the best; with the
    /// spinning <see cref="WorkerTeam"/>, 2²² for both made two threads 1.18x faster than one at
    /// n = 400 (the 2²³ setting 1.0x) and kept n = 256 level, where 2²¹ was 0.92x (AMD EPYC VM,
    /// factor-only probe, alternating processes, three rounds).
    /// </summary>
    public const long MinimumWork = 1 << 22;

    /// <summary>
    /// Column blocks per worker. One block each took 2.2x the one-thread time with two threads on a
    /// machine running other work (one worker waited for the other's late half); 4 kept the packing of
    /// A, repeated per block, near 1% of the update.
    /// </summary>
    public const int ChunksPerWorker = 4;

    /// <summary>The update, with C's columns contiguous (<see cref="Gemm{T, TKernel}"/> has normalized it).</summary>
    public static void Update(MatrixRef<T> c, MatrixRef<T> a, MatrixRef<T> b, int m, int n, int k, TriangleMask mask, in PackBuffers<T> buffers)
    {
        var job = new Job
        {
            C = (T*)Unsafe.AsPointer(ref c.Origin),
            Ldc = c.RowStride,
            A = (T*)Unsafe.AsPointer(ref a.Origin),
            ARowStride = a.RowStride,
            AColumnStride = a.ColumnStride,
            B = (T*)Unsafe.AsPointer(ref b.Origin),
            BRowStride = b.RowStride,
            BColumnStride = b.ColumnStride,
            M = m,
            N = n,
            K = k,
            Mask = mask,
            Parts = buffers.Workers,
            Chunks = ChunksPerWorker * buffers.Workers,
            Scratch = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffers.WorkerScratch)),
            WorkerLength = buffers.WorkerLength,
            Order = buffers.Order,
        };
        WorkerTeam.Share(buffers.Team, job, job.Parts);
    }

    /// <summary>The first column of part <paramref name="part"/>: equal work per part, on a multiple of NR.</summary>
    public static int Boundary(int part, int parts, int n, TriangleMask mask)
    {
        if (part >= parts)
        {
            return n;
        }

        double share = (double)part / parts;
        double x = mask switch
        {
            // Column j holds n − j elements of the lower triangle, j + 1 of the upper.
            TriangleMask.Lower => n - Math.Sqrt((double)n * n * (1 - share)),
            TriangleMask.Upper => n * Math.Sqrt(share),
            _ => n * share,
        };
        int nr = TKernel.NR;
        return Math.Min(n, (int)Math.Round(x / nr) * nr);
    }

    private sealed class Job : IParallelJob
    {
        public T* C;
        public nint Ldc;
        public T* A;
        public nint ARowStride;
        public nint AColumnStride;
        public T* B;
        public nint BRowStride;
        public nint BColumnStride;
        public int M;
        public int N;
        public int K;
        public TriangleMask Mask;
        public int Parts;
        public int Chunks;
        public int Claimed;
        public T* Scratch;
        public int WorkerLength;
        public int Order;

        public void Run(int part)
        {
            var c = new MatrixRef<T>(ref Unsafe.AsRef<T>(C), Ldc, 1);
            var a = new MatrixRef<T>(ref Unsafe.AsRef<T>(A), ARowStride, AColumnStride);
            var b = new MatrixRef<T>(ref Unsafe.AsRef<T>(B), BRowStride, BColumnStride);
            var buffers = PackBuffers<T>.ForWorker(Scratch, WorkerLength, part, Parts, Order, TKernel.MR, TKernel.NR);
            for (int chunk = Interlocked.Increment(ref Claimed) - 1; chunk < Chunks; chunk = Interlocked.Increment(ref Claimed) - 1)
            {
                int j0 = Boundary(chunk, Chunks, N, Mask);
                int j1 = Boundary(chunk + 1, Chunks, N, Mask);
                if (j1 > j0)
                {
                    Gemm<T, TKernel>.Update(c.Block(0, j0), a, b.Block(j0, 0), M, j1 - j0, K, Mask, buffers, -j0);
                }
            }
        }
    }
}
