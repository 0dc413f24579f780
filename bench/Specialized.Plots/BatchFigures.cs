using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Specialized.Plots;

/// <summary>The batch suite: ns per system, one chart per precision and batch count streamed from memory (the in-cache count goes in a table only).</summary>
internal static class BatchFigures
{
    // BenchmarkDotNet names a generic class's report after BatchSolve_Double_ / BatchSolve_Single_.
    private static readonly Dictionary<string, string> s_classes = new() { ["BatchSolve_Double_"] = "double", ["BatchSolve_Single_"] = "float" };

    // BatchSolve's in-cache count: only the batch runs there, against the FMA peak.
    private const int InCache = 256;

    public static IEnumerable<Figure> From(IReadOnlyList<string> files)
    {
        var data = new SortedDictionary<(string Precision, int Count), SortedDictionary<int, Dictionary<string, double?>>>();
        foreach (string file in files)
        {
            string? cls = s_classes.Keys.FirstOrDefault(c => Path.GetFileName(file).Contains(c, System.StringComparison.Ordinal));
            if (cls is null)
            {
                continue;
            }

            foreach (IReadOnlyDictionary<string, string> row in ReportRows.Read(file))
            {
                if (ReportRows.Median(row) is not { } median || !row.TryGetValue("Count", out string? countCell) || !row.TryGetValue("N", out string? nCell))
                {
                    continue;
                }

                int count = int.Parse(new string(countCell.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
                int n = int.Parse(nCell, CultureInfo.InvariantCulture);
                if (count == InCache)
                {
                    continue;
                }

                if (!data.TryGetValue((s_classes[cls], count), out SortedDictionary<int, Dictionary<string, double?>>? rows))
                {
                    data[(s_classes[cls], count)] = rows = [];
                }

                if (!rows.TryGetValue(n, out Dictionary<string, double?>? methods))
                {
                    rows[n] = methods = [];
                }

                methods[row["Method"]] = median / count;
            }
        }

        foreach (((string precision, int count), SortedDictionary<int, Dictionary<string, double?>> rows) in data)
        {
            yield return new Figure(
                $"batch-solve-{precision}-{count}.png",
                $"Batched factor + solve, {count.ToString("N0", CultureInfo.InvariantCulture)} systems of one size, {precision}",
                "median ns per system",
                [.. rows.Keys],
                SolveFigures.Lines(rows, MethodStyles.Batch, (_, ns) => ns));
        }
    }
}
