using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans;

namespace Cluster.Tests;

/// <summary>
/// Makes one in-process silo hold every batch call it receives, unanswered, from a chosen moment:
/// so when it is killed it surely has calls in flight, the ones a driver must send again.
/// </summary>
internal sealed class HangingSilo
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _silo;
    private readonly ConcurrentQueue<int> _heldBatches = new();

    /// <summary>Calls held so far.</summary>
    public int Held => _heldBatches.Count;

    /// <summary>The batch index of every call held so far.</summary>
    public IReadOnlyCollection<int> HeldBatches => _heldBatches;

    public void Hang(string siloName) => Volatile.Write(ref _silo, siloName);

    /// <summary>Ends the held calls with an error, unanswered: a silo being killed waits for its running calls.</summary>
    public void Release() => _release.TrySetResult();

    public async Task Filter(string siloName, IIncomingGrainCallContext context)
    {
        if (Volatile.Read(ref _silo) == siloName && context.InterfaceMethod.Name == nameof(ISolveGrain.Solve))
        {
            _heldBatches.Enqueue(Enumerable.Range(0, context.Request.GetArgumentCount()).Select(context.Request.GetArgument).OfType<Batch>().Single().Index);
            await _release.Task;
            throw new System.InvalidOperationException("the silo holding this call was killed");
        }

        await context.Invoke();
    }
}
