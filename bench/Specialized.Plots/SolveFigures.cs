using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Specialized.Plots;

/// <summary>The small-n and large-n suites: time and GFLOP/s per precision and job.</summary>
internal static class SolveFigures
{
    private const string PeakClass = "FmaPeak";

    private static readonly Dictionary<string, string> s_small = new() { ["SmallSolveDouble"] = "double", ["SmallSolveFloat"] = "float" };
    private static readonly Dictionary<string, string> s_large = new() { ["LargeSolveDouble"] = "double", ["LargeSolveFloat"] = "float" };
    private static readonly Dictionary<string, string> s_peakMethod = new() { ["double"] = "Double", ["float"] = "Single" };

    public static IEnumerable<Figure> From(IReadOnlyList<string> files)
    {
        // (class, job) -> n -> method -> median ns; later files override earlier ones.
        var data = new Dictionary<(string Class, string Job), SortedDictionary<int, Dictionary<string, double?>>>();
        foreach (string file in files)
        {
            foreach (IReadOnlyDictionary<string, string> row in ReportRows.Read(file))
            {
                string? cls = ClassOf(row, file);
                bool hasN = row.TryGetValue("N", out string? nCell) && nCell.Length > 0;
                if (cls is null || (cls != PeakClass && !hasN))
                {
                    continue;
                }

                int n = cls == PeakClass ? 0 : int.Parse(nCell!, System.Globalization.CultureInfo.InvariantCulture);
                string job = row.GetValueOrDefault("Job", "");
                if (!data.TryGetValue((cls, job), out SortedDictionary<int, Dictionary<string, double?>>? rows))
                {
                    data[(cls, job)] = rows = [];
                }

                if (!rows.TryGetValue(n, out Dictionary<string, double?>? methods))
                {
                    rows[n] = methods = [];
                }

                methods[row["Method"]] = ReportRows.Median(row);
            }
        }

        foreach (((string cls, string job), SortedDictionary<int, Dictionary<string, double?>> rows) in data.OrderBy(d => d.Key))
        {
            bool small = s_small.ContainsKey(cls);
            if (!small && !s_large.ContainsKey(cls))
            {
                continue;
            }

            string precision = small ? s_small[cls] : s_large[cls];
            string[] jobs = data.Keys.Where(k => k.Class == cls).Select(k => k.Job).ToArray();
            string suffix = JobSuffix(jobs, job);
            string jobText = suffix.Length > 0 ? $", job {suffix[1..]}" : "";
            string stem = (small ? "small-solve-" : "large-solve-") + precision + suffix;
            string what = small ? "Factor + solve" : "Large n: factor + solve";
            IReadOnlyList<MethodStyle> styles = small ? MethodStyles.Small : MethodStyles.Large;
            double scale = small ? 1 : 1e-3;
            int[] sizes = [.. rows.Keys];

            yield return new Figure(
                stem + "-time.png",
                $"{what}, one right-hand side, {precision}{jobText}",
                $"median {(small ? "ns" : "µs")} per factor+solve",
                sizes,
                Lines(rows, styles, (_, ns) => ns * scale));

            double? peak = small ? null : PeakGflops(data, precision);
            yield return new Figure(
                stem + "-gflops.png",
                $"{what} throughput, {precision}{jobText}",
                "GFLOP/s (n³/3 + 2n² per factor+solve)",
                sizes,
                Lines(rows, styles, (n, ns) => Flops(n) / ns),
                peak is { } p ? new Level(p, $"FMA peak, same run ({p:F0})") : null);
        }
    }

    /// <summary>One line per method that has a value at some n, in the suite's legend order.</summary>
    internal static IReadOnlyList<Series> Lines(
        SortedDictionary<int, Dictionary<string, double?>> rows, IReadOnlyList<MethodStyle> styles, Func<int, double, double> value) =>
        styles
            .Select(style => new Series(
                style,
                rows.Where(r => r.Value.GetValueOrDefault(style.Method) is > 0)
                    .Select(r => (r.Key, value(r.Key, r.Value[style.Method]!.Value)))
                    .ToList()))
            .Where(series => series.Points.Count > 0)
            .ToList();

    /// <summary>Factor (n³/3) plus forward and back substitution (2n²), leading terms.</summary>
    private static double Flops(int n) => (double)n * n * n / 3 + 2.0 * n * n;

    /// <summary>'' or '-job': a job is named only when chosen on purpose or one of several, as perf-table.py does.</summary>
    private static string JobSuffix(IReadOnlyCollection<string> jobs, string job)
    {
        bool named = jobs.Count > 1 || !(job is "" or "DefaultJob" || job.StartsWith("Job-", StringComparison.Ordinal));
        return named ? "-" + job.ToLowerInvariant() : "";
    }

    // A joined report (--join) has a Type column; a per-class report names the class in its file name.
    private static string? ClassOf(IReadOnlyDictionary<string, string> row, string file)
    {
        string name = row.GetValueOrDefault("Type") is { Length: > 0 } type ? type : Path.GetFileName(file);
        return s_small.Keys.Concat(s_large.Keys).Append(PeakClass)
            .FirstOrDefault(cls => Regex.IsMatch(name, @"(^|\.)" + cls + "(-|$)"));
    }

    /// <summary>GFLOP/s of the FmaPeak probe (its time per operation is ns per flop), or null.</summary>
    private static double? PeakGflops(Dictionary<(string Class, string Job), SortedDictionary<int, Dictionary<string, double?>>> data, string precision)
    {
        foreach (((string cls, _), SortedDictionary<int, Dictionary<string, double?>> rows) in data)
        {
            if (cls == PeakClass && rows.TryGetValue(0, out Dictionary<string, double?>? methods) &&
                methods.GetValueOrDefault(s_peakMethod[precision]) is > 0 and double ns)
            {
                return 1 / ns;
            }
        }

        return null;
    }
}
