using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Specialized.Plots;

/// <summary>
/// Draws a <see cref="Figure"/> log-log: ScottPlot's axes are linear, so the chart plots log2(n) and
/// log10(value) and labels the ticks with n and the value.
/// </summary>
internal static class LogLogChart
{
    private const int Width = 960;
    private const int Height = 660;
    private const int LegendWidth = 380;

    public static void Save(Figure figure, string path)
    {
        var plot = new Plot();
        foreach (Series series in figure.Series)
        {
            var scatter = plot.Add.Scatter(
                series.Points.Select(p => Math.Log2(p.N)).ToArray(),
                series.Points.Select(p => Math.Log10(p.Value)).ToArray());
            scatter.LegendText = series.Style.Label;
            scatter.MarkerShape = series.Style.Marker;
            scatter.MarkerSize = 7;
            scatter.LinePattern = series.Style.Line;
            scatter.LineWidth = 1.5f;
        }

        var values = figure.Series.SelectMany(s => s.Points.Select(p => p.Value)).ToList();
        if (figure.Level is { } level)
        {
            var line = plot.Add.HorizontalLine(Math.Log10(level.Value));
            line.LegendText = level.Label;
            line.Color = Colors.Gray;
            line.LineWidth = 1;
            line.LinePattern = LinePattern.DenselyDashed;
            values.Add(level.Value);
        }

        var sizes = new NumericManual();
        foreach (int n in figure.Sizes)
        {
            sizes.AddMajor(Math.Log2(n), n.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = sizes;
        plot.Axes.Left.TickGenerator = ValueTicks(values);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.06);
        plot.Grid.MinorLineWidth = 1;

        plot.Title(figure.Title, 15);
        plot.XLabel(figure.XLabel, 13);
        plot.YLabel(figure.YLabel, 13);
        if (figure.LegendOutside)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        plot.Legend.FontSize = 11;
        plot.SavePng(path, figure.LegendOutside ? Width + LegendWidth : Width, Height);
    }

    /// <summary>
    /// Ticks at 1, 2 and 5 times each power of ten when the values span at most two decades, at the
    /// powers of ten alone beyond that; minor ticks at the other multiples.
    /// </summary>
    private static NumericManual ValueTicks(IReadOnlyCollection<double> values)
    {
        var ticks = new NumericManual();
        if (values.Count == 0)
        {
            return ticks;
        }

        int low = (int)Math.Floor(Math.Log10(values.Min()));
        int high = (int)Math.Ceiling(Math.Log10(values.Max()));
        int[] labelled = high - low <= 3 ? [1, 2, 5] : [1];
        for (int decade = low; decade <= high; decade++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double value = m * Math.Pow(10, decade);
                if (labelled.Contains(m))
                {
                    ticks.AddMajor(Math.Log10(value), value.ToString("G4", CultureInfo.InvariantCulture));
                }
                else
                {
                    ticks.AddMinor(Math.Log10(value));
                }
            }
        }

        return ticks;
    }
}
