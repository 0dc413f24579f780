using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;

namespace Cluster.Tests;

/// <summary>What `local` records for a run, made once per (N, seed, batch size) and shared by the tests that compare against it.</summary>
internal static class Reference
{
    private static readonly ConcurrentDictionary<(long, int, double), Lazy<string>> Runs = new();

    public static string Directory(long systems, int seed, double batchSeconds) =>
        Runs.GetOrAdd((systems, seed, batchSeconds), key => new Lazy<string>(() => Make(key.Item1, key.Item2, key.Item3))).Value;

    /// <summary>Every file under <paramref name="actual"/> has the same bytes as its twin under <paramref name="expected"/>, and none is missing or extra.</summary>
    public static void AssertSameFiles(string expected, string actual)
    {
        string[] want = Files(expected), got = Files(actual);
        Assert.Equal(want, got);
        foreach (string file in want)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs from the local run's");
        }
    }

    public static int RecordedBatches(string directory) =>
        System.IO.Directory.Exists(Path.Combine(directory, "batches"))
            ? System.IO.Directory.EnumerateFiles(Path.Combine(directory, "batches"), "*.bin", SearchOption.AllDirectories).Count()
            : 0;

    private static string[] Files(string root) =>
        System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Make(long systems, int seed, double batchSeconds)
    {
        string directory = Scratch.NewDirectory("local");
        var plan = BatchPlan.Create(systems, batchSeconds);
        var tally = new Tally();
        ResultStore store = ResultStore.Open(directory, plan, seed, tally);
        LocalRunner.Run(plan, seed, store, tally, threads: 2, new ProgressLine(TextWriter.Null, plan, tally), CancellationToken.None);
        Assert.Equal(plan.Count, tally.Recorded);
        return directory;
    }
}

/// <summary>Fresh directories under the system's temporary folder, one per use.</summary>
internal static class Scratch
{
    public static string NewDirectory(string what) =>
        Path.Combine(Path.GetTempPath(), "cluster-tests", $"{what}-{Guid.NewGuid():N}");
}
