using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Specialized.Plots;

/// <summary>Finds BenchmarkDotNet's *-report.csv files, as bench/perf-table.py does.</summary>
internal static class ReportFiles
{
    public static IReadOnlyList<string> Find(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            string bench = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..");
            paths = new[]
                {
                    Path.Combine(bench, "Specialized.Benchmarks", "BenchmarkDotNet.Artifacts", "results"),
                    Path.Combine("BenchmarkDotNet.Artifacts", "results"),
                }
                .Where(Directory.Exists)
                .ToArray();
        }

        var files = new List<string>();
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(Path.Combine(path, "results")))
            {
                files.AddRange(Reports(Path.Combine(path, "results")));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Reports(path));
            }
            else
            {
                throw new DirectoryNotFoundException($"{path} does not exist");
            }
        }

        return files.DistinctBy(Path.GetFullPath).ToList();
    }

    private static IEnumerable<string> Reports(string directory) =>
        Directory.GetFiles(directory, "*-report.csv").Order(StringComparer.Ordinal);
}
