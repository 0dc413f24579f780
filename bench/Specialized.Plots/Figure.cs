using System.Collections.Generic;
using ScottPlot;

namespace Specialized.Plots;

/// <summary>One PNG: a log-log chart of a value against n, one line per method, and an optional level line.</summary>
internal sealed record Figure(string FileName, string Title, string YLabel, IReadOnlyList<int> Sizes, IReadOnlyList<Series> Series, Level? Level = null)
{
    /// <summary>What n is; the solve suites' n is the order of the system.</summary>
    public string XLabel { get; init; } = "n (order of the SPD system)";

    /// <summary>Whether the legend goes right of the chart, widening the image: too many lines to leave a corner free.</summary>
    public bool LegendOutside { get; init; }
}

/// <summary>One method's line: (n, value) points, with the legend text and look of <see cref="MethodStyle"/>.</summary>
internal sealed record Series(MethodStyle Style, IReadOnlyList<(int N, double Value)> Points);

/// <summary>A horizontal line across the chart, such as the machine's FMA peak.</summary>
internal sealed record Level(double Value, string Label);

/// <summary>How a benchmark method is drawn: the CSV's method name, its legend text, marker and line.</summary>
internal sealed record MethodStyle(string Method, string Label, MarkerShape Marker, LinePattern Line);
