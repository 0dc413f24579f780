using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit.Abstractions;

namespace Cluster.Tests;

/// <summary>The sample as its users run it: silo processes and a `drive` process on loopback TCP, one silo SIGKILLed mid-run.</summary>
public sealed partial class MultiProcessTests(ITestOutputHelper output)
{
    private const long Systems = 40_000;
    private const int Seed = 5;
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60), RunLimit = TimeSpan.FromSeconds(150);

    [Fact]
    public void LocalhostClustering_SiloKilled_EveryBatchRecordedOnce_SameBytesAsLocal() =>
        RunKillingOneSilo(redis: null);

    [RedisFact]
    public void RedisMembership_SiloKilled_EveryBatchRecordedOnce_SameBytesAsLocal()
    {
        int port = SampleProcess.FreePort();
        using SampleProcess redis = SampleProcess.Program(RedisFactAttribute.Server, "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        WaitForPort(port);
        RunKillingOneSilo(redis: $"127.0.0.1:{port}");
    }

    private void RunKillingOneSilo(string? redis)
    {
        string expected = Reference.Directory(Systems, Seed, BatchPlan.DefaultTargetSeconds);
        int primary = SampleProcess.FreePort(), secondary = SampleProcess.FreePort();
        int gateway1 = SampleProcess.FreePort(), gateway2 = SampleProcess.FreePort();
        string[] membership = redis is null ? ["--primary", $"{primary}"] : ["--redis", redis];
        using SampleProcess first = SampleProcess.Sample(["silo", "--port", $"{primary}", "--gateway", $"{gateway1}", .. membership]);
        first.WaitForLine("silo up", Startup);
        using SampleProcess second = SampleProcess.Sample(["silo", "--port", $"{secondary}", "--gateway", $"{gateway2}", .. membership]);
        second.WaitForLine("silo up", Startup);

        string directory = Scratch.NewDirectory("drive");
        string[] cluster = redis is null ? ["--gateways", $"{gateway1},{gateway2}"] : ["--redis", redis];
        using SampleProcess drive = SampleProcess.Sample(["drive", "--systems", $"{Systems}", "--seed", $"{Seed}", "--out", directory, .. cluster]);
        int batches = BatchPlan.Create(Systems).Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Reference.RecordedBatches(directory) < batches / 3)
        {
            Assert.True(clock.Elapsed < RunLimit, $"a third of the batches not recorded in {RunLimit}: {drive.Stderr}");
            Thread.Sleep(10);
        }

        // The secondary: under localhost clustering the primary holds the membership table.
        second.Kill();
        output.WriteLine($"SIGKILLed a silo at {Reference.RecordedBatches(directory)}/{batches} batches, {clock.Elapsed.TotalSeconds:F1} s in");
        int exit = drive.WaitForExit(RunLimit);
        output.WriteLine(drive.Stderr);
        string last = drive.Stdout.Last();
        output.WriteLine(last);

        Assert.Equal(0, exit);
        Match line = ResultLine().Match(last);
        Assert.True(line.Success, $"last line '{last}'");
        Assert.Equal($"{Systems}", line.Groups["systems"].Value);
        Assert.Equal($"{batches}", line.Groups["batches"].Value);
        Assert.Equal($"{batches}", line.Groups["recorded"].Value);
        // The dead silo's calls come back as failures, past their deadline, or backed up at the end of the run.
        Assert.Matches("(re-sending|backing up) batch", drive.Stderr);
        Assert.Equal(batches, Reference.RecordedBatches(directory));
        Reference.AssertSameFiles(expected, directory);
    }

    private static void WaitForPort(int port)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient("127.0.0.1", port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (clock.Elapsed < Startup)
            {
                Thread.Sleep(50);
            }
        }
    }

    [GeneratedRegex(@"^systems=(?<systems>\d+) batches=(?<batches>\d+) recorded=(?<recorded>\d+) duplicates=\d+ not_spd=0 worst_ratio=\d+\.\d+ seconds=\d+\.\d+$")]
    internal static partial Regex ResultLine();
}

/// <summary>A test that needs a redis-server binary; skipped, saying so, where none is installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Server = "/usr/bin/redis-server";

    public RedisFactAttribute()
    {
        if (!File.Exists(Server))
        {
            Skip = $"no {Server}: install the redis-server package (apt-get install redis-server) to run this test";
        }
    }
}
