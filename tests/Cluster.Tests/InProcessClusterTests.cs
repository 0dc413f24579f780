using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Cluster.Tests;

/// <summary>The driver against a three-silo Orleans test cluster in this process, silos lost mid-run.</summary>
public sealed class InProcessClusterTests(ITestOutputHelper output)
{
    // Small batches so a short run still has a few dozen of them to lose and re-send.
    private const double BatchSeconds = 0.02;
    private const long Systems = 30_000;
    private const int Seed = 11;

    // A dead silo's calls come back by the call deadline at the latest; the rest of the run is ~1/2 of the work.
    private static readonly TimeSpan AfterKillBound = TimeSpan.FromSeconds(90);

    private static readonly DriveOptions Options = new()
    {
        MaxDeadline = TimeSpan.FromSeconds(5),
        GiveUpAfter = TimeSpan.FromSeconds(20),
        MembershipRefresh = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task SiloKilledThenAnotherStopped_EveryBatchRecordedOnce_SameBytesAsLocal()
    {
        string expected = Reference.Directory(Systems, Seed, BatchSeconds);
        var hanging = new HangingSilo();
        await using InProcessTestCluster cluster = await StartAsync(silos: 3, hanging);
        var plan = BatchPlan.Create(Systems, BatchSeconds);
        var tally = new Tally();
        string directory = Scratch.NewDirectory("drive");
        ResultStore store = ResultStore.Open(directory, plan, Seed, tally);
        var log = new StringWriter();
        var driver = new Driver(cluster.Client, plan, Seed, store, tally, Options, TextWriter.Synchronized(log));
        Task<bool> run = Task.Run(() => driver.RunAsync(new ProgressLine(TextWriter.Null, plan, tally), CancellationToken.None));

        await WhenRecordedAsync(tally, plan.Count / 3, run);

        // The silo to kill stops answering first, so it dies with calls in flight.
        InProcessSiloHandle victim = cluster.Silos[1];
        hanging.Hang(victim.Name);
        await WhenAsync(() => hanging.Held > 0, run);
        output.WriteLine($"killing {victim.SiloAddress}, holding {hanging.Held} calls, at {tally.Recorded}/{plan.Count} batches");
        var sinceKill = Stopwatch.StartNew();
        Task kill = cluster.KillSiloAsync(victim);
        await Task.Delay(200);
        hanging.Release();
        await kill;
        output.WriteLine($"killed it at {tally.Recorded}/{plan.Count} batches");
        await WhenRecordedAsync(tally, 2 * plan.Count / 3, run);
        await cluster.StopSiloAsync(cluster.Silos[^1]);
        output.WriteLine($"stopped a silo at {tally.Recorded}/{plan.Count} batches");

        bool complete = await run;
        output.WriteLine(log.ToString());
        output.WriteLine($"answers by silo: {string.Join(", ", driver.AnswersBySilo.Select(p => $"{p.Key} {p.Value}"))}");
        output.WriteLine($"{sinceKill.Elapsed.TotalSeconds:F1} s from the kill to the end; {tally.Summary(plan, 0).Line}");
        Assert.True(complete, "the driver gave up with batches unrecorded");
        AssertEveryHeldBatchSentAgain(hanging.HeldBatches, log.ToString());
        Assert.True(sinceKill.Elapsed < AfterKillBound, $"{sinceKill.Elapsed} from the kill to the end");
        Assert.Equal(plan.Count, tally.Recorded);
        Assert.Equal(plan.Count, Reference.RecordedBatches(directory));
        Reference.AssertSameFiles(expected, directory);
    }

    [Fact]
    public async Task DriverStoppedAndRestarted_ResumesAndEndsWithSameBytesAsLocal()
    {
        string expected = Reference.Directory(Systems, Seed, BatchSeconds);
        await using InProcessTestCluster cluster = await StartAsync(silos: 2);
        var plan = BatchPlan.Create(Systems, BatchSeconds);
        string directory = Scratch.NewDirectory("drive");

        var first = new Tally();
        using (var stop = new CancellationTokenSource())
        {
            var driver = new Driver(cluster.Client, plan, Seed, ResultStore.Open(directory, plan, Seed, first), first, Options, TextWriter.Null);
            Task<bool> run = Task.Run(() => driver.RunAsync(new ProgressLine(TextWriter.Null, plan, first), stop.Token));
            await WhenRecordedAsync(first, plan.Count / 3, run);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var second = new Tally();
        ResultStore resumed = ResultStore.Open(directory, plan, Seed, second);
        int before = second.Recorded;
        output.WriteLine($"first run recorded {before}/{plan.Count} batches");
        Assert.InRange(before, plan.Count / 3, plan.Count - 1);
        var again = new Driver(cluster.Client, plan, Seed, resumed, second, Options, TextWriter.Null);
        Assert.True(await again.RunAsync(new ProgressLine(TextWriter.Null, plan, second), CancellationToken.None));

        Assert.Equal(plan.Count - before, second.RecordedNow);
        Assert.Equal(plan.Count, Reference.RecordedBatches(directory));
        Reference.AssertSameFiles(expected, directory);
    }

    private static async Task<InProcessTestCluster> StartAsync(int silos, HangingSilo? hanging = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        if (hanging is not null)
        {
            builder.ConfigureSilo((options, silo) => silo.AddIncomingGrainCallFilter(context => hanging.Filter(options.SiloName, context)));
        }

        InProcessTestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// Each call the killed silo held went out again: re-sent when its failure came back, or backed up
    /// first when it stayed unanswered too long (then its failure may come after the twin's answer was recorded).
    /// </summary>
    private static void AssertEveryHeldBatchSentAgain(IReadOnlyCollection<int> held, string log)
    {
        Assert.NotEmpty(held);
        foreach (int batch in held)
        {
            bool again = log.Contains($"re-sending batch {batch} (", StringComparison.Ordinal)
                || log.Contains($"backing up batch {batch} (", StringComparison.Ordinal);
            Assert.True(again, $"batch {batch}, held by the killed silo, was neither re-sent nor backed up");
        }
    }

    private static Task WhenRecordedAsync(Tally tally, int count, Task run) => WhenAsync(() => tally.Recorded >= count, run);

    /// <summary>Waits for <paramref name="condition"/>; fails if the run ends first or it takes minutes.</summary>
    private static async Task WhenAsync(Func<bool> condition, Task run)
    {
        var limit = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(run.IsCompleted, "the run ended before the moment the test waits for");
            Assert.True(limit.Elapsed < TimeSpan.FromMinutes(2), "the moment the test waits for did not come in two minutes");
            await Task.Delay(10);
        }
    }
}
