using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Specialized.Plots;

/// <summary>
/// The kernel-solve suite: seconds (build + solve) against N, one line per method and γ, from KernelSolveBench's
/// reports (median), bench/kernel_scipy.py's kernel-scipy.csv beside them (median) and the KeOps GPU figures
/// quoted from its published run.
/// </summary>
internal static class KernelFigures
{
    private const string Class = "KernelSolveBench";

    // The KeOps KernelSolve benchmark's published run on one GPU, seconds: its NumPy runs use γ = 1e4, its torch
    // (SciPy-CG) run 5e3, as bench/kernel-table.py quotes them.
    private static readonly (string Method, double Gamma, (int N, double Seconds)[] Points)[] s_quoted =
    [
        ("NumPyKeOps", 1e4, [(1_000, 0.000842), (10_000, 0.004884), (100_000, 0.250456), (1_000_000, 40.217673)]),
        ("DenseNumPy", 1e4, [(1_000, 1.213036), (10_000, 20.332538)]),
        ("ScipyCgKeOps", 5e3, [(1_000, 0.001046), (10_000, 0.001921), (100_000, 0.034312), (1_000_000, 7.001583)]),
    ];

    public static IEnumerable<Figure> From(IReadOnlyList<string> files)
    {
        // γ -> N -> method -> median seconds; later files override earlier ones.
        var data = new SortedDictionary<double, SortedDictionary<int, Dictionary<string, double?>>>(Comparer<double>.Create((a, b) => b.CompareTo(a)));
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            foreach (IReadOnlyDictionary<string, string> row in ReportRows.Read(file))
            {
                // A joined report (--join) has a Type column; a per-class report names the class in its file name.
                string name = row.GetValueOrDefault("Type") is { Length: > 0 } type ? type : Path.GetFileName(file);
                if (name.Contains(Class, StringComparison.Ordinal) && ReportRows.Median(row) is { } ns)
                {
                    Add(data, Number(row["Gamma"]), (int)Number(row["N"]), row["Method"], ns * 1e-9);
                    directories.Add(Path.GetDirectoryName(Path.GetFullPath(file))!);
                }
            }
        }

        if (data.Count == 0)
        {
            yield break;
        }

        foreach (string scipy in directories.Select(d => Path.Combine(d, "kernel-scipy.csv")).Where(File.Exists))
        {
            foreach (IReadOnlyDictionary<string, string> row in ReportRows.Read(scipy))
            {
                Add(data, Number(row["gamma"]), (int)Number(row["n"]), "scipy", Number(row["median_s"]));
            }
        }

        foreach ((string method, double gamma, (int N, double Seconds)[] points) in s_quoted)
        {
            foreach ((int n, double seconds) in points)
            {
                Add(data, gamma, n, method, seconds);
            }
        }

        yield return new Figure(
            "kernel-solve-time.png",
            "(αI + K)·a = b, Gaussian kernel, points in [0,1]³, float, tolerance 1e-6",
            "seconds (build + solve)",
            [.. data.Values.SelectMany(rows => rows.Keys).Distinct().Order()],
            [.. data.SelectMany(d => SolveFigures.Lines(d.Value, Labelled(d.Key), (_, seconds) => seconds))])
        {
            XLabel = "N (points)",
            LegendOutside = true,
        };
    }

    private static List<MethodStyle> Labelled(double gamma)
    {
        string prefix = $"γ = {gamma.ToString("0e0", CultureInfo.InvariantCulture)}: ";
        return [.. MethodStyles.Kernel.Select(style => style with { Label = prefix + style.Label })];
    }

    private static void Add(SortedDictionary<double, SortedDictionary<int, Dictionary<string, double?>>> data, double gamma, int n, string method, double seconds)
    {
        if (!data.TryGetValue(gamma, out SortedDictionary<int, Dictionary<string, double?>>? rows))
        {
            data[gamma] = rows = [];
        }

        if (!rows.TryGetValue(n, out Dictionary<string, double?>? methods))
        {
            rows[n] = methods = [];
        }

        methods[method] = seconds;
    }

    // BenchmarkDotNet may write "1,000"; kernel_scipy.py writes "10000.0" and "0.0950...".
    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
