using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Cluster;

/// <summary>Solves batches. Any key will do: the driver uses keys to spread its calls over gateways.</summary>
internal interface ISolveGrain : IGrainWithIntegerKey
{
    /// <summary>Solves batch (band, start, end) of run <paramref name="seed"/>; the token carries the caller's deadline.</summary>
    Task<BatchAnswer> Solve(int seed, Batch batch, CancellationToken cancellationToken);
}

/// <summary>A batch's results and who made them (so the driver learns each silo's cores).</summary>
[GenerateSerializer, Immutable]
internal sealed record BatchAnswer([property: Id(0)] byte[] Results, [property: Id(1)] SiloAddress Silo, [property: Id(2)] int Cores);

/// <summary>
/// Stateless: activations run where the call lands (the client's gateway), as many per silo as it
/// has cores, and any of them can take any batch, so a lost silo loses only its calls in flight.
/// </summary>
[StatelessWorker]
internal sealed class SolveGrain(ILocalSiloDetails silo) : Grain, ISolveGrain
{
    private readonly BatchWorker _worker = new();

    public Task<BatchAnswer> Solve(int seed, Batch batch, CancellationToken cancellationToken) =>
        Task.FromResult(new BatchAnswer(_worker.Solve(seed, batch, cancellationToken), silo.SiloAddress, System.Environment.ProcessorCount));
}
