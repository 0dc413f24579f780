using System;
using System.Globalization;
using System.Numerics;

namespace Specialized.Benchmarks;

/// <summary>
/// The least-squares suite's own cases in a loop, each against the read probe of the same data in the
/// same process, so that a ratio does not mix two processes' memory speeds: <see cref="LeastSquaresFits{T}.Generated"/>
/// and <see cref="LeastSquaresFits{T}.AllCores"/> against <see cref="LeastSquaresFits{T}.ReadProbe"/> and
/// <see cref="LeastSquaresFits{T}.ReadProbeAllCores"/>, or <see cref="LeastSquaresFits{T}.GeneratedWeighted"/>
/// against <see cref="LeastSquaresFits{T}.ReadProbeWeighted"/>.
/// </summary>
internal static class FitProbe
{
    public static void Run(ProbeCommand.Options options)
    {
        RowShape shape = options.Text("shape", "uniform") switch
        {
            "uniform" => RowShape.Rows1000,
            "ragged" => RowShape.Rows200To1000,
            string other => throw new ArgumentException($"shape={other}: uniform or ragged"),
        };
        bool isDouble = options.IsDouble();
        bool weighted = options.Flag("weighted");
        int rounds = options.Int("rounds", 7);
        options.ThrowIfUnused();
        if (isDouble)
        {
            Measure(new LeastSquaresFits<double> { Shape = shape, Fits = 10_000 }, weighted, rounds);
        }
        else
        {
            Measure(new LeastSquaresFits<float> { Shape = shape, Fits = 10_000 }, weighted, rounds);
        }
    }

    private static void Measure<T>(LeastSquaresFits<T> bench, bool weighted, int rounds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bench.Setup();
        string name = $"fits {typeof(T).Name} {bench.Shape}{(weighted ? " weighted" : "")}";
        if (weighted)
        {
            double fit = Median(() => bench.GeneratedWeighted(), rounds), read = Median(() => bench.ReadProbeWeighted(), rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: 1 thread {fit:F2} ms, read {read:F2} ms, ratio {fit / read:F2}"));
            return;
        }

        double one = Median(() => bench.Generated(), rounds), readOne = Median(() => bench.ReadProbe(), rounds);
        double all = Median(() => bench.AllCores(), rounds), readAll = Median(() => bench.ReadProbeAllCores(), rounds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: 1 thread {one:F2} ms, read {readOne:F2} ms, ratio {one / readOne:F2}; all cores {all:F2} ms, read {readAll:F2} ms, ratio {all / readAll:F2}; speed-up {one / all:F2} (read {readOne / readAll:F2})"));
    }

    private static double Median(Action call, int rounds) => ProbeTiming.Median(ProbeTiming.Samples(call, rounds));
}
