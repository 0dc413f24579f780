using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Specialized.Benchmarks;

/// <summary>
/// The suites' own cases (their benchmark classes, set up as the suites set them up) in timing loops,
/// for the figures BenchmarkDotNet's one-process-per-case runs cannot give: A/B rows
/// (two builds alternated in the same minutes, see bench/ab.sh) and where a suite's time goes. Run as
/// <c>dotnet run -c Release --project bench/Specialized.Benchmarks -- probe NAME [key=value ...]</c>,
/// best with <c>DOTNET_TieredCompilation=0</c> so every method runs optimized from its first call.
/// </summary>
public static class ProbeCommand
{
    private const string Usage = """
        probe solve  n=1000,3000 [type=double|float] [threads=1|2] [rounds=5]
              the large-n suite's case (keep-inputs Cholesky.Solve, its 4 matrices): median µs per solve, GFLOP/s (n³/3 + 2n²)
        probe batch  n=8,12,16 [type=double|float] [count=256] [rounds=7]
              the batch suite's generated batch solver: ns per system, the stream floor (a, b read, x written) and their ratio
        probe fits   [shape=uniform|ragged] [type=double|float] [weighted=false] [rounds=7]
              the least-squares suite's 10,000 generated fits x 6 (and, unweighted, on all cores), each against its read probe
        probe peak   the FMA peak (GFLOP/s, double and float) and the core clock from a chain of dependent adds
        """;

    /// <summary>Runs the probe named by <paramref name="args"/>[0]; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var options = Options.Parse(args.Skip(1));
            switch (args[0])
            {
                case "solve":
                    SolveProbe.Run(options);
                    break;
                case "batch":
                    BatchProbe.Run(options);
                    break;
                case "fits":
                    FitProbe.Run(options);
                    break;
                case "peak":
                    options.ThrowIfUnused();
                    PeakProbe.Run();
                    break;
                default:
                    throw new ArgumentException($"no probe named '{args[0]}'");
            }

            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"probe: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    /// <summary>
    /// key=value arguments. Each probe reads its keys, then calls <see cref="ThrowIfUnused"/> before it
    /// measures anything, so a mistyped key stops the run instead of passing silently.
    /// </summary>
    internal sealed class Options
    {
        private readonly Dictionary<string, string> _values;
        private readonly HashSet<string> _used = [];

        private Options(Dictionary<string, string> values) => _values = values;

        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string arg in args)
            {
                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || !values.TryAdd(arg[..eq], arg[(eq + 1)..]))
                {
                    throw new ArgumentException($"'{arg}' is not a new key=value");
                }
            }

            return new Options(values);
        }

        public string Text(string key, string fallback)
        {
            _used.Add(key);
            return _values.GetValueOrDefault(key, fallback);
        }

        public int Int(string key, int fallback) => int.Parse(Text(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        public int[] Ints(string key, string fallback) =>
            Text(key, fallback).Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        public bool Flag(string key) => bool.Parse(Text(key, "false"));

        /// <summary>The element type: <c>double</c> or <c>float</c>.</summary>
        public bool IsDouble() => Text("type", "double") switch
        {
            "double" => true,
            "float" => false,
            string other => throw new ArgumentException($"type={other}: double or float"),
        };

        public void ThrowIfUnused()
        {
            string[] unknown = _values.Keys.Where(k => !_used.Contains(k)).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException($"unknown keys: {string.Join(", ", unknown)}");
            }
        }
    }
}
