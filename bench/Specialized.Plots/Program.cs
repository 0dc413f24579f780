using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Specialized.Plots;

/// <summary>
/// Draws the benchmark suites against their peers as PNG files, from BenchmarkDotNet's
/// *-report.csv files, log-log against n, one line per method:
/// <list type="bullet">
/// <item>small-solve-PRECISION[-JOB]-time.png and -gflops.png (SmallSolve*: median ns, GFLOP/s)</item>
/// <item>large-solve-PRECISION[-JOB]-time.png and -gflops.png (LargeSolve*: median µs, GFLOP/s with the same run's FMA peak)</item>
/// <item>batch-solve-PRECISION-COUNT.png (BatchSolve&lt;T&gt;: median ns per system)</item>
/// <item>kernel-solve-time.png (KernelSolveBench, with kernel-scipy.csv beside its report and the quoted KeOps GPU figures: seconds against N)</item>
/// </list>
/// </summary>
public static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project bench/Specialized.Plots -- [-o DIR] [PATH ...]

        PATH is a BenchmarkDotNet artifacts directory, its results/ directory or a *-report.csv file
        (default: bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts, then ./BenchmarkDotNet.Artifacts).
        DIR defaults to plots/ beside the first results directory.
        """;

    public static int Main(string[] args)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        string? output = null;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "-o" or "--out" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        IReadOnlyList<string> files;
        try
        {
            files = ReportFiles.Find(paths);
        }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine($"plot: {e.Message}");
            return 1;
        }

        // A report whose cases all failed (NA) draws nothing.
        IReadOnlyList<Figure> figures = [.. SolveFigures.From(files).Concat(BatchFigures.From(files)).Concat(KernelFigures.From(files)).Where(f => f.Series.Count > 0)];
        if (figures.Count == 0)
        {
            string read = files.Count == 0 ? "(no report files found)" : string.Join(", ", files);
            Console.Error.WriteLine($"plot: no SmallSolve* / LargeSolve* / BatchSolve* / KernelSolveBench rows in {read}");
            return 1;
        }

        output ??= Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(files[0])))!, "plots");
        Directory.CreateDirectory(output);
        foreach (Figure figure in figures)
        {
            string path = Path.Combine(output, figure.FileName);
            LogLogChart.Save(figure, path);
            Console.WriteLine($"plot: wrote {path}");
        }

        return 0;
    }
}
