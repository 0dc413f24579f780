using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// What every shared step of a factorization (<see cref="ParallelGemm{T, TKernel}"/>,
/// <see cref="ParallelPanelSolve{T, TKernel}"/>) gives its workers: how many parts, a counter they claim
/// blocks from, and the raw address of the workers' packing scratch, which each part carves its own
/// buffers from. Each step keeps one job per calling thread and sets it before every use, so a warm
/// step allocates nothing; a step returns only when every part is done.
/// </summary>
internal abstract unsafe class SharedStepJob<T, TKernel> : IParallelJob
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    public int Parts;
    public int Claimed;
    private T* _scratch;
    private int _workerLength;
    private int _order;

    public abstract void Run(int part);

    /// <summary>Takes the parts and the workers' scratch of <paramref name="buffers"/> (pinned by the caller) and resets the claims.</summary>
    public void Bind(in PackBuffers<T> buffers)
    {
        Parts = buffers.Workers;
        Claimed = 0;
        _scratch = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffers.WorkerScratch));
        _workerLength = buffers.WorkerLength;
        _order = buffers.Order;
    }

    /// <summary>The packing buffers of <paramref name="part"/>.</summary>
    protected PackBuffers<T> WorkerBuffers(int part) =>
        PackBuffers<T>.ForWorker(_scratch, _workerLength, part, Parts, _order, TKernel.MR, TKernel.NR);
}
