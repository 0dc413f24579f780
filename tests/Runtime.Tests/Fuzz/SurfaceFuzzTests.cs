using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Specialized.Runtime.Tests.Fuzz;

/// <summary>
/// Random calls to every public entry point, runtime and generated (<see cref="FuzzTargets"/>): n
/// from −3 to 300, mostly small; nrhs, counts, triangles, layouts and degrees of parallelism in and
/// out of range; spans short, exact or long, some sharing one array; values from SPD to NaN, ±Inf,
/// subnormal and huge. Each call either throws from the ArgumentException family, exactly when the
/// arguments are bad and before writing anything, or completes with a sound result and writes
/// nothing outside the needed part of its written spans (<see cref="FuzzTarget{T}"/>). A hang fails
/// on the timeout. SPECIALIZED_LONG_FUZZ=1 runs ten times as many cases.
/// </summary>
public class SurfaceFuzzTests(ITestOutputHelper output)
{
    private const int Partitions = 16;

    private static readonly int Cases = Environment.GetEnvironmentVariable("SPECIALIZED_LONG_FUZZ") == "1" ? 1_000_000 : 100_000;

    [Fact(Timeout = 30 * 60 * 1000)]
    public async Task Every_call_throws_an_argument_exception_or_stays_inside_its_spans()
    {
        var targets = FuzzTargets.All;
        var failures = new ConcurrentBag<(int Partition, int Case, string Failure)>();
        int threw = 0, overlapping = 0;
        var stopwatch = Stopwatch.StartNew();

        // Each partition draws its cases from its own seed, so the run is the same whatever the scheduling.
        await Task.Run(() => Parallel.For(0, Partitions, partition =>
        {
            var random = new Random(partition);
            for (int k = 0; k < Cases / Partitions; k++)
            {
                CaseResult result = targets[random.Next(targets.Count)].RunCase(random);
                if (result.Failure is not null)
                {
                    failures.Add((partition, k, result.Failure));
                    return; // one failure per partition is report enough
                }

                Interlocked.Add(ref threw, result.Threw ? 1 : 0);
                Interlocked.Add(ref overlapping, result.Overlapping ? 1 : 0);
            }
        }));

        output.WriteLine($"{Cases} cases over {targets.Count} entry points in {stopwatch.Elapsed.TotalSeconds:F1} s: "
            + $"{threw} threw an ArgumentException, {Cases - threw} completed; {overlapping} had spans sharing an array.");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.OrderBy(f => f.Partition).Select(f => $"partition {f.Partition}, case {f.Case}: {f.Failure}")));
    }
}
