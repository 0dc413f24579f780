using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Specialized;

/// <summary>
/// One large panel solve shared among worker threads by rows: each row of the panel is solved on
/// its own, so every worker runs the whole recursive <see cref="PanelSolve{T, TKernel}"/> on its rows
/// with its own packing buffers. Each element sees the operations it sees on one thread, so the
/// result is bit-identical. The rows go out in blocks claimed one at a time, as
/// <see cref="ParallelGemm{T, TKernel}"/> hands out its row blocks.
/// </summary>
/// <remarks>
/// The workers receive raw addresses, pinned by the caller as for <see cref="ParallelGemm{T, TKernel}"/>.
/// </remarks>
internal static unsafe class ParallelPanelSolve<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    /// <summary>
    /// Row blocks per worker. Each block packs the triangle again at every level of its recursion: the
    /// top panel of an order-3000 factorization (m = w = 1500, double) solved as 1, 2, 4 or 8 blocks one
    /// after another took 39.2, 39.6, 40.5 and 43.1 ms of thread time. One block each took 2.2x the
    /// one-thread time with two threads on a machine running other work (one worker waited for the
    /// other's late half); two each keep a block to hand over.
    /// </summary>
    public const int ChunksPerWorker = 2;

    /// <summary>The solve of <see cref="PanelSolve{T, TKernel}.Run(MatrixRef{T}, MatrixRef{T}, MatrixRef{T}, int, int, in PackBuffers{T})"/>, B's elements read first from <paramref name="from"/>.</summary>
    public static void Run(MatrixRef<T> l, MatrixRef<T> b, MatrixRef<T> from, int m, int w, in PackBuffers<T> buffers)
    {
        Job job = s_job ??= new Job();
        job.Bind(buffers);
        job.L = (T*)Unsafe.AsPointer(ref l.Origin);
        job.LRowStride = l.RowStride;
        job.LColumnStride = l.ColumnStride;
        job.B = (T*)Unsafe.AsPointer(ref b.Origin);
        job.BRowStride = b.RowStride;
        job.BColumnStride = b.ColumnStride;
        job.F = (T*)Unsafe.AsPointer(ref from.Origin);
        job.FRowStride = from.RowStride;
        job.FColumnStride = from.ColumnStride;
        job.M = m;
        job.W = w;
        job.Chunks = ChunksPerWorker * buffers.Workers;
        WorkerTeam.Share(buffers.Team, job, job.Parts);
    }

    [ThreadStatic]
    private static Job? s_job;

    private sealed class Job : SharedStepJob<T, TKernel>
    {
        public T* L;
        public nint LRowStride;
        public nint LColumnStride;
        public T* B;
        public nint BRowStride;
        public nint BColumnStride;
        public T* F;
        public nint FRowStride;
        public nint FColumnStride;
        public int M;
        public int W;
        public int Chunks;

        public override void Run(int part)
        {
            var l = new MatrixRef<T>(ref Unsafe.AsRef<T>(L), LRowStride, LColumnStride);
            var b = new MatrixRef<T>(ref Unsafe.AsRef<T>(B), BRowStride, BColumnStride);
            var f = new MatrixRef<T>(ref Unsafe.AsRef<T>(F), FRowStride, FColumnStride);
            var buffers = WorkerBuffers(part);
            for (int chunk = Interlocked.Increment(ref Claimed) - 1; chunk < Chunks; chunk = Interlocked.Increment(ref Claimed) - 1)
            {
                int i0 = Boundary(chunk), i1 = Boundary(chunk + 1);
                if (i1 > i0)
                {
                    PanelSolve<T, TKernel>.Run(l, b.Block(i0, 0), f.Block(i0, 0), i1 - i0, W, buffers);
                }
            }
        }

        // Equal blocks of rows, on multiples of MR so that only the last block has an edge tile.
        private int Boundary(int chunk)
        {
            int mr = TKernel.MR;
            return chunk >= Chunks ? M : Math.Min(M, (int)((long)M * chunk / Chunks / mr * mr));
        }
    }
}
