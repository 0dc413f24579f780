using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Specialized.Benchmarks;

/// <summary>
/// The kernel-solve plot: seconds against N, log-log, one line per method and γ, from KernelSolveBench's
/// BenchmarkDotNet report (median), bench/kernel_scipy.py's CSV (median) and the KeOps GPU figures of the
/// published KeOps benchmark (γ = 1e4 for NumPy + KeOps and dense NumPy, 5e3 for SciPy-CG + KeOps), drawn
/// with ScottPlot.
/// </summary>
public static class KernelPlot
{
    // Quoted from the KeOps KernelSolve benchmark's published run (one GPU), seconds.
    private static readonly (string Name, (int N, double Seconds)[] Points)[] Quoted =
    [
        ("NumPy + KeOps, GPU (quoted)", [(1_000, 0.000842), (10_000, 0.004884), (100_000, 0.250456), (1_000_000, 40.217673)]),
        ("SciPy-CG + KeOps, GPU (quoted)", [(1_000, 0.001046), (10_000, 0.001921), (100_000, 0.034312), (1_000_000, 7.001583)]),
        ("dense NumPy, GPU (quoted)", [(1_000, 1.213036), (10_000, 20.332538)]),
    ];

    public static void Draw(string results, string output)
    {
        var lines = new SortedDictionary<string, SortedDictionary<int, double>>(StringComparer.Ordinal);
        foreach (string report in Directory.GetFiles(results, "*KernelSolveBench*-report.csv"))
        {
            ReadReport(report, lines);
        }

        string scipy = Path.Combine(results, "kernel-scipy.csv");
        if (File.Exists(scipy))
        {
            foreach (string[] row in File.ReadLines(scipy).Skip(1).Select(l => l.Split(',')))
            {
                Add(lines, $"scipy cKDTree + cg, γ = {Gamma(row[1])}", int.Parse(row[0], CultureInfo.InvariantCulture), double.Parse(row[2], CultureInfo.InvariantCulture));
            }
        }

        foreach ((string name, (int N, double Seconds)[] points) in Quoted)
        {
            foreach ((int n, double s) in points)
            {
                Add(lines, name, n, s);
            }
        }

        var plot = new ScottPlot.Plot();
        foreach ((string name, SortedDictionary<int, double> points) in lines)
        {
            var scatter = plot.Add.Scatter(points.Keys.Select(n => Math.Log10(n)).ToArray(), points.Values.Select(Math.Log10).ToArray());
            scatter.LegendText = name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            if (name.Contains("quoted", StringComparison.Ordinal))
            {
                scatter.LinePattern = ScottPlot.LinePattern.Dashed;
            }
        }

        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Title("(αI + K)·a = b, Gaussian kernel, points in [0,1]³, float, tolerance 1e-6");
        plot.XLabel("N (points)");
        plot.YLabel("seconds (build + solve)");
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        plot.SavePng(output, 1000, 700);
        Console.WriteLine($"kernel plot: {output} ({lines.Count} lines)");
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
    };

    // BenchmarkDotNet's CSV: Method, N, Gamma and Median columns (Median like "1.234 ms").
    private static void ReadReport(string path, SortedDictionary<string, SortedDictionary<int, double>> lines)
    {
        string[] all = File.ReadAllLines(path);
        string[] header = SplitCsv(all[0]);
        int method = Array.IndexOf(header, "Method"), n = Array.IndexOf(header, "N"), gamma = Array.IndexOf(header, "Gamma"), median = Array.IndexOf(header, "Median");
        foreach (string line in all.Skip(1))
        {
            string[] row = SplitCsv(line);
            if (row.Length <= median || !TryDuration(row[median], out double seconds))
            {
                continue;
            }

            string name = row[method] switch
            {
                "Specialized" => "Specialized kernel system (truncated), 2 cores",
                "EveryPair" => "Specialized kernel system, every pair, 2 cores",
                "DenseCholesky" => "Specialized dense Cholesky, 2 cores",
                _ => "",
            };
            if (name.Length > 0)
            {
                Add(lines, $"{name}, γ = {Gamma(row[gamma])}", int.Parse(row[n].Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), seconds);
            }
        }
    }

    private static string Gamma(string text) => double.Parse(text, CultureInfo.InvariantCulture).ToString("0e0", CultureInfo.InvariantCulture);

    private static void Add(SortedDictionary<string, SortedDictionary<int, double>> lines, string name, int n, double seconds)
    {
        if (!lines.TryGetValue(name, out SortedDictionary<int, double>? points))
        {
            lines[name] = points = [];
        }

        points[n] = seconds;
    }

    private static bool TryDuration(string text, out double seconds)
    {
        string[] parts = text.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        seconds = 0;
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return false;
        }

        double scale = parts[1] switch { "ns" => 1e-9, "μs" or "us" => 1e-6, "ms" => 1e-3, "s" => 1, _ => double.NaN };
        seconds = value * scale;
        return double.IsFinite(seconds);
    }

    // Fields separated by commas; a quoted field may hold commas (BenchmarkDotNet quotes "1,234.5 ms").
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
