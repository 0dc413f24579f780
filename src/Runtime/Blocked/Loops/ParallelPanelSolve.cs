using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// One large panel solve shared among worker threads by rows: each row of the panel is solved on
/// its own, so every worker runs the whole recursive <see cref="PanelSolve{T, TKernel}"/> on its rows
/// with its own packing buffers. Each element sees the operations it sees on one thread, so the
/// result is bit-identical.
/// </summary>
/// <remarks>
/// The workers receive raw addresses, pinned by the caller as for <see cref="ParallelGemm{T, TKernel}"/>.
/// </remarks>
internal static unsafe class ParallelPanelSolve<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    public static void Run(MatrixRef<T> l, MatrixRef<T> b, int m, int w, in PackBuffers<T> buffers)
    {
        var job = new Job
        {
            L = (T*)Unsafe.AsPointer(ref l.Origin),
            LRowStride = l.RowStride,
            LColumnStride = l.ColumnStride,
            B = (T*)Unsafe.AsPointer(ref b.Origin),
            BRowStride = b.RowStride,
            BColumnStride = b.ColumnStride,
            M = m,
            W = w,
            Parts = buffers.Workers,
            Scratch = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffers.WorkerScratch)),
            WorkerLength = buffers.WorkerLength,
            Order = buffers.Order,
        };
        WorkerTeam.Share(buffers.Team, job, job.Parts);
    }

    private sealed class Job : IParallelJob
    {
        public T* L;
        public nint LRowStride;
        public nint LColumnStride;
        public T* B;
        public nint BRowStride;
        public nint BColumnStride;
        public int M;
        public int W;
        public int Parts;
        public T* Scratch;
        public int WorkerLength;
        public int Order;

        public void Run(int part)
        {
            int i0 = Boundary(part), i1 = Boundary(part + 1);
            if (i1 <= i0)
            {
                return;
            }

            var l = new MatrixRef<T>(ref Unsafe.AsRef<T>(L), LRowStride, LColumnStride);
            var b = new MatrixRef<T>(ref Unsafe.AsRef<T>(B), BRowStride, BColumnStride);
            var buffers = PackBuffers<T>.ForWorker(Scratch, WorkerLength, part, Parts, Order, TKernel.MR, TKernel.NR);
            PanelSolve<T, TKernel>.Run(l, b.Block(i0, 0), i1 - i0, W, buffers);
        }

        // Equal shares of rows, on multiples of MR so that only the last share has an edge tile.
        private int Boundary(int part)
        {
            int mr = TKernel.MR;
            return part >= Parts ? M : Math.Min(M, (int)((long)M * part / Parts / mr * mr));
        }
    }
}
