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
    private int _held;

    /// <summary>Calls held so far.</summary>
    public int Held => Volatile.Read(ref _held);

    public void Hang(string siloName) => Volatile.Write(ref _silo, siloName);

    /// <summary>Ends the held calls with an error, unanswered: a silo being killed waits for its running calls.</summary>
    public void Release() => _release.TrySetResult();

    public async Task Filter(string siloName, IIncomingGrainCallContext context)
    {
        if (Volatile.Read(ref _silo) == siloName && context.InterfaceMethod.Name == nameof(ISolveGrain.Solve))
        {
            Interlocked.Increment(ref _held);
            await _release.Task;
            throw new System.InvalidOperationException("the silo holding this call was killed");
        }

        await context.Invoke();
    }
}
