using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Specialized;

/// <summary>
/// One large GEMM update shared among worker threads, BLIS's way: for each rank-KC slice the workers
/// pack B once, together, into the shared buffer, then claim MC-row blocks of C one at a time, each
/// packing its rows of A into its own buffer. Every tile, and every operation on an element of C, is
/// the one-thread loop's (the same KC slices, MC blocks and NR panels), so the result is bit-identical.
/// </summary>
/// <remarks>
/// Splitting C by columns instead had each worker pack the whole of A for each of its column blocks:
/// with two threads the packing took 1.6 times its share of the one-thread update. A worker packs its
/// share of B's panels, then any panel nobody has started, and waits only for a panel another worker
/// is packing at that moment, so a worker that runs alone (<c>Parallel.For</c> may run the parts one
/// after the other) packs everything itself. Row blocks of the triangle are claimed from the longest.
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
    /// The update C = F − A·Bᵀ (<see cref="Gemm{T, TKernel}.UpdateFrom"/>), with C's columns contiguous
    /// (<see cref="Gemm{T, TKernel}"/> has normalized it).
    /// </summary>
    public static void Update(MatrixRef<T> c, MatrixRef<T> from, MatrixRef<T> a, MatrixRef<T> b, int m, int n, int k, TriangleMask mask, in PackBuffers<T> buffers)
    {
        Job job = s_job ??= new Job();
        job.Bind(buffers);
        job.C = (T*)Unsafe.AsPointer(ref c.Origin);
        job.Ldc = c.RowStride;
        job.A = (T*)Unsafe.AsPointer(ref a.Origin);
        job.ARowStride = a.RowStride;
        job.AColumnStride = a.ColumnStride;
        job.B = (T*)Unsafe.AsPointer(ref b.Origin);
        job.BRowStride = b.RowStride;
        job.BColumnStride = b.ColumnStride;
        job.PackedB = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffers.B));
        job.M = m;
        job.N = n;
        job.Mask = mask;
        int panels = (n + TKernel.NR - 1) / TKernel.NR;
        int* states = stackalloc int[panels];
        job.States = states;
        job.Panels = panels;
        for (int pc = 0; pc < k; pc += BlockSizes<T>.KC)
        {
            MatrixRef<T> f = pc == 0 ? from : c;
            job.F = (T*)Unsafe.AsPointer(ref f.Origin);
            job.Ldf = f.RowStride;
            job.Pc = pc;
            job.Kc = Math.Min(BlockSizes<T>.KC, k - pc);
            job.Claimed = 0;
            new Span<int>(states, panels).Clear();
            WorkerTeam.Share(buffers.Team, job, job.Parts);
        }
    }

    [ThreadStatic]
    private static Job? s_job;

    private sealed class Job : SharedStepJob<T, TKernel>
    {
        // The states of a micro-panel of B.
        private const int Unpacked = 0;
        private const int InProgress = 1;
        private const int Packed = 2;

        public T* C;
        public nint Ldc;
        public T* F;
        public nint Ldf;
        public T* A;
        public nint ARowStride;
        public nint AColumnStride;
        public T* B;
        public nint BRowStride;
        public nint BColumnStride;
        public T* PackedB;
        public int M;
        public int N;
        public TriangleMask Mask;
        public int Pc;
        public int Kc;
        public int* States;
        public int Panels;

        public override void Run(int part)
        {
            int first = Panels * part / Parts;
            for (int panel = first; panel < Panels; panel++)
            {
                PackPanel(panel);
            }

            for (int panel = 0; panel < first; panel++)
            {
                PackPanel(panel);
            }

            Multiply(part);
        }

        // Packs B's micro-panel if no worker has started it; returns once it is packed, by whoever.
        private void PackPanel(int panel)
        {
            ref int state = ref States[panel];
            if (Interlocked.CompareExchange(ref state, InProgress, Unpacked) == Unpacked)
            {
                int nr = TKernel.NR;
                int j0 = panel * nr;
                var b = new MatrixRef<T>(ref Unsafe.AsRef<T>(B), BRowStride, BColumnStride);
                Packing.Pack(b.Block(j0, Pc), Math.Min(nr, N - j0), Kc, nr, new Span<T>(PackedB + (nint)j0 * Kc, nr * Kc));
                Volatile.Write(ref state, Packed);
                return;
            }

            while (Volatile.Read(ref state) != Packed)
            {
                Thread.SpinWait(4);
            }
        }

        private void Multiply(int part)
        {
            var c = new MatrixRef<T>(ref Unsafe.AsRef<T>(C), Ldc, 1);
            var f = new MatrixRef<T>(ref Unsafe.AsRef<T>(F), Ldf, 1);
            var a = new MatrixRef<T>(ref Unsafe.AsRef<T>(A), ARowStride, AColumnStride);
            Span<T> packedA = WorkerBuffers(part).A;
            var packedB = new Span<T>(PackedB, (N + TKernel.NR - 1) / TKernel.NR * TKernel.NR * Kc);
            int mc = BlockSizes<T>.MC;
            int blocks = (M + mc - 1) / mc;
            for (int claim = Interlocked.Increment(ref Claimed) - 1; claim < blocks; claim = Interlocked.Increment(ref Claimed) - 1)
            {
                // A row block of the lower triangle is longer the lower it is: the longest go first.
                int ic = (Mask == TriangleMask.Lower ? blocks - 1 - claim : claim) * mc;
                int rows = Math.Min(mc, M - ic);
                if (!Mask.Excludes(ic, 0, rows, N))
                {
                    Packing.Pack(a.Block(ic, Pc), rows, Kc, TKernel.MR, packedA);
                    Gemm<T, TKernel>.Macro(c.Block(ic, 0), f.Block(ic, 0), packedA, packedB, rows, N, Kc, ic, Mask);
                }
            }
        }
    }
}
