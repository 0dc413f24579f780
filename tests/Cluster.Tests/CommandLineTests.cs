using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Cluster.Tests;

/// <summary>The program's contract at its edges: exit codes and messages for bad input, and the result line.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void UnknownRole_ExitsTwo_NamingTheRoles()
    {
        var (code, _, stderr) = SampleProcess.Run(Limit, "gather", "--systems", "10");
        Assert.Equal(2, code);
        Assert.Contains("unknown role 'gather'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local", "--systems", "-1")]
    [InlineData("drive", "--systems", "-5")]
    [InlineData("local", "--systems", "many")]
    [InlineData("local")]
    [InlineData("local", "--systems", "10", "--threads", "0")]
    [InlineData("silo", "--port", "70000")]
    public void BadArguments_ExitTwo_WithUsage(params string[] args)
    {
        var (code, stdout, stderr) = SampleProcess.Run(Limit, args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void UnreachableGateways_FailWithinSeconds()
    {
        var clock = Stopwatch.StartNew();
        var (code, _, stderr) = SampleProcess.Run(
            Limit, "drive", "--systems", "100", "--out", Scratch.NewDirectory("unreachable"),
            "--gateways", $"{SampleProcess.FreePort()},{SampleProcess.FreePort()}");
        Assert.Equal(4, code);
        Assert.Contains("cannot reach the cluster", stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ForeignDirectory_IsRefusedAndLeftAlone()
    {
        string directory = Scratch.NewDirectory("foreign");
        Assert.Equal(0, SampleProcess.Run(Limit, "local", "--systems", "300", "--out", directory).ExitCode);
        string manifest = File.ReadAllText(Path.Combine(directory, "manifest.txt"));

        foreach (string[] other in new[] { new[] { "--systems", "301" }, ["--systems", "300", "--seed", "7"] })
        {
            var (code, _, stderr) = SampleProcess.Run(Limit, ["local", .. other, "--out", directory]);
            Assert.Equal(3, code);
            Assert.Contains("holds results of another run", stderr, StringComparison.Ordinal);
        }

        string stranger = Scratch.NewDirectory("stranger");
        Directory.CreateDirectory(stranger);
        File.WriteAllText(Path.Combine(stranger, "notes.txt"), "mine");
        var refused = SampleProcess.Run(Limit, "local", "--systems", "300", "--out", stranger);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("not written by this program", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(directory, "manifest.txt")));
    }

    [Fact]
    public void Local_PrintsTheResultLineLast_AndRecordsWhatTheReferenceRecords()
    {
        string directory = Scratch.NewDirectory("local-cli");
        var (code, stdout, _) = SampleProcess.Run(Limit, "local", "--systems", "3000", "--seed", "9", "--out", directory, "--threads", "2");
        Assert.Equal(0, code);
        int batches = BatchPlan.Create(3000).Count;
        Assert.Matches(MultiProcessTests.ResultLine(), stdout.Last());
        Assert.StartsWith($"systems=3000 batches={batches} recorded={batches} duplicates=0 not_spd=0 ", stdout.Last(), StringComparison.Ordinal);
        Reference.AssertSameFiles(Reference.Directory(3000, 9, BatchPlan.DefaultTargetSeconds), directory);

        // Run again: everything is recorded already, so nothing is solved and it passes at once.
        var again = SampleProcess.Run(Limit, "local", "--systems", "3000", "--seed", "9", "--out", directory);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith($"systems=3000 batches={batches} recorded={batches} ", again.Stdout.Last(), StringComparison.Ordinal);
    }
}
