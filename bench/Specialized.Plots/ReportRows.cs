using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Specialized.Plots;

/// <summary>The rows of one BenchmarkDotNet CSV report, each a column-name to cell map.</summary>
internal static partial class ReportRows
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string? header = reader.ReadLine();
        if (header is null)
        {
            yield break;
        }

        List<string> columns = Cells(header);
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            List<string> cells = Cells(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Count && i < cells.Count; i++)
            {
                row[columns[i]] = cells[i];
            }

            yield return row;
        }
    }

    /// <summary>
    /// '13.42 ns', '1,234.5 ns', '1.234 μs', '12 ms' as nanoseconds; null for NA, '?', '-' or empty.
    /// A bare number is BenchmarkDotNet's unit for these sizes, nanoseconds.
    /// </summary>
    public static double? Nanoseconds(IReadOnlyDictionary<string, string> row, string column)
    {
        if (!row.TryGetValue(column, out string? cell) || TimeCell().Match(cell) is not { Success: true } match)
        {
            return null;
        }

        double number = double.Parse(match.Groups[1].Value.Replace(",", "").Replace("\u00a0", "").Replace(" ", ""), CultureInfo.InvariantCulture);
        double scale = match.Groups[2].Value switch
        {
            "ps" => 1e-3,
            "" or "ns" => 1,
            "us" or "μs" or "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            string unit => throw new FormatException($"unknown time unit in '{cell}' ({unit})"),
        };
        return number * scale;
    }

    /// <summary>The median, else the mean (a report may leave the median out).</summary>
    public static double? Median(IReadOnlyDictionary<string, string> row) => Nanoseconds(row, "Median") ?? Nanoseconds(row, "Mean");

    // RFC 4180: a quoted cell may hold commas and doubled quotes.
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    [GeneratedRegex(@"^\s*([-+]?[0-9][0-9,\u00a0 ]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*([a-zA-Zμµ]*)\s*$")]
    private static partial Regex TimeCell();
}
