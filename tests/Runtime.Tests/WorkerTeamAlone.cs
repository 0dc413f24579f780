namespace Specialized.Runtime.Tests;

/// <summary>
/// Tests that must find the runtime's shared worker team free: while another test holds it, a
/// multi-threaded call shares its work through <c>Parallel.For</c> instead, which allocates. xunit runs
/// this collection after the parallel ones, alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerTeamAlone
{
    public const string Name = "Worker team alone";
}
