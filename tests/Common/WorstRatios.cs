using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Specialized.Testing;

/// <summary>
/// The largest value of each LAPACK test ratio seen in this test run, per test class that checked it
/// (the path under test: runtime, generated, factor forms, batch, fits), written when the test process
/// exits to worst-ratios.txt next to the test assembly, for .ci/run to print.
/// </summary>
public static class WorstRatios
{
    private static readonly ConcurrentDictionary<(string Path, string Ratio), (double Value, string Context)> s_worst = new();

    static WorstRatios() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();

    /// <summary>Keeps <paramref name="value"/> if it is the largest seen so far for this path and ratio.</summary>
    public static void Record(string path, string ratio, double value, string context)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        s_worst.AddOrUpdate((path, ratio), (value, context), (_, old) => value > old.Value ? (value, context) : old);
    }

    private static void Write()
    {
        if (s_worst.IsEmpty)
        {
            return;
        }

        var lines = s_worst
            .OrderBy(p => p.Key.Path, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Ratio, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.Path,-28} {p.Key.Ratio,-22} {p.Value.Value,10:G4}  ({p.Value.Context})"));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "worst-ratios.txt"), lines.Prepend($"{"path (test class)",-28} {"ratio",-22} {"worst",10}  (case)"));
    }
}
