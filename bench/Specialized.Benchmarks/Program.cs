using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace Specialized.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (BenchmarkDotNet's switches, e.g. --filter '*'),
/// or with <c>probe</c> first, one of the timing loops of <see cref="ProbeCommand"/>.
/// Peers that cannot run here (library missing, or failing a one-system probe) are left out of the
/// run, and one line says which and why.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "probe")
        {
            return ProbeCommand.Run(args[1..]);
        }

        Console.WriteLine(PeerProbe.SkippedLine());
        Console.WriteLine(PeerProbe.AvailableLine());
        // The boilerplate project builds the runtime, generator and analyzers again: over the
        // default two minutes on a busy 2-core machine.
        var config = DefaultConfig.Instance.AddFilter(new SimpleFilter(RunsHere)).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    // A case runs unless its method measures a peer that is unavailable, or a fixed-size peer with
    // no instantiation for the case's N, or its Count is outside the method's CountRange.
    private static bool RunsHere(BenchmarkCase benchmark)
    {
        var n = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value as int?;
        if (benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Count")?.Value is int count
            && benchmark.Descriptor.WorkloadMethod.GetCustomAttribute<CountRangeAttribute>() is { } range
            && (count < range.Min || count > range.Max))
        {
            return false;
        }

        return n is { } order
            ? PeerProbe.Runs(benchmark.Descriptor.WorkloadMethod, order)
            : PeerProbe.PeerOf(benchmark.Descriptor.WorkloadMethod) is not { } peer || PeerProbe.IsAvailable(peer);
    }
}
