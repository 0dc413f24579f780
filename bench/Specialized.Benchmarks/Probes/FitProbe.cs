using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Specialized.Benchmarks;

/// <summary>
/// The least-squares suite's case in a loop: 10,000 generated fits x 6 on one thread and through
/// <c>LeastSquares.FitBatch</c> on two, each against one read pass over the data the fit reads
/// (A and b, and w when weighted) on as many threads, all in one process, so that the ratios do not
/// mix two processes' memory speeds.
/// </summary>
internal static class FitProbe
{
    private const int Fits = 10_000;
    private const int Cols = 6;

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
            Measure<double>(shape, weighted, rounds);
        }
        else
        {
            Measure<float>(shape, weighted, rounds);
        }
    }

    private static void Measure<T>(RowShape shape, bool weighted, int rounds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var job = new LeastSquaresJob<T>(Fits, Cols, shape, seed: 4004);
        job.Check("generated fit", () => FitAll(job, weighted), weighted);
        job.Check("FitBatch on two threads", () => FitBatch(job, weighted), weighted);
        double one = ProbeTiming.Median(ProbeTiming.Samples(() => FitAll(job, weighted), rounds));
        double two = ProbeTiming.Median(ProbeTiming.Samples(() => FitBatch(job, weighted), rounds));
        double read = ProbeTiming.Median(ProbeTiming.Samples(() => Read(job, weighted, 0, 1), rounds));
        double readTwo = ProbeTiming.Median(ProbeTiming.Samples(() => Parallel.For(0, 2, part => Read(job, weighted, part, 2)), rounds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fits {typeof(T).Name} {shape}{(weighted ? " weighted" : "")}: 1 thread {one:F2} ms, read {read:F2} ms, ratio {one / read:F2}; 2 threads {two:F2} ms, read {readTwo:F2} ms, ratio {two / readTwo:F2}; speed-up {one / two:F2} (read {read / readTwo:F2})"));
    }

    private static bool FitAll<T>(LeastSquaresJob<T> job, bool weighted)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool ok = true;
        for (int k = 0; k < job.Fits; k++)
        {
            int rows = job.RowsOf(k);
            SolveResult result = (typeof(T) == typeof(double), weighted) switch
            {
                (true, false) => Solvers.Fit(Cast<T, double>(job.MatrixOf(k)), Cast<T, double>(job.RhsOf(k)), MemoryMarshal.Cast<T, double>(job.SolutionOf(k)), rows, Cols),
                (true, true) => Solvers.FitWeighted(Cast<T, double>(job.MatrixOf(k)), Cast<T, double>(job.RhsOf(k)), Cast<T, double>(job.WeightsOf(k)), MemoryMarshal.Cast<T, double>(job.SolutionOf(k)), rows, Cols),
                (false, false) => Solvers.FitSingle(Cast<T, float>(job.MatrixOf(k)), Cast<T, float>(job.RhsOf(k)), MemoryMarshal.Cast<T, float>(job.SolutionOf(k)), rows, Cols),
                (false, true) => Solvers.FitWeightedSingle(Cast<T, float>(job.MatrixOf(k)), Cast<T, float>(job.RhsOf(k)), Cast<T, float>(job.WeightsOf(k)), MemoryMarshal.Cast<T, float>(job.SolutionOf(k)), rows, Cols),
            };
            ok &= result.Success;
        }

        return ok;
    }

    private static bool FitBatch<T>(LeastSquaresJob<T> job, bool weighted)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (typeof(T) == typeof(double), weighted)
        {
            case (true, false):
                LeastSquares.FitBatch<double>(Solvers.Fit, As<T, double>(job.A), As<T, double>(job.B), job.RowStarts, As<T, double>(job.X), job.Results, Cols, 2);
                break;
            case (true, true):
                LeastSquares.FitBatch<double>(Solvers.FitWeighted, As<T, double>(job.A), As<T, double>(job.B), As<T, double>(job.W), job.RowStarts, As<T, double>(job.X), job.Results, Cols, 2);
                break;
            case (false, false):
                LeastSquares.FitBatch<float>(Solvers.FitSingle, As<T, float>(job.A), As<T, float>(job.B), job.RowStarts, As<T, float>(job.X), job.Results, Cols, 2);
                break;
            default:
                LeastSquares.FitBatch<float>(Solvers.FitWeightedSingle, As<T, float>(job.A), As<T, float>(job.B), As<T, float>(job.W), job.RowStarts, As<T, float>(job.X), job.Results, Cols, 2);
                break;
        }

        return Array.TrueForAll(job.Results, r => r.Success);
    }

    // Part `part` of `parts` of every array the fit reads.
    private static T Read<T>(LeastSquaresJob<T> job, bool weighted, int part, int parts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = ReadFloor.Sum<T>(Part(job.A, part, parts)) + ReadFloor.Sum<T>(Part(job.B, part, parts));
        return weighted ? sum + ReadFloor.Sum<T>(Part(job.W, part, parts)) : sum;
    }

    private static ReadOnlySpan<T> Part<T>(T[] array, int part, int parts)
    {
        long from = (long)array.Length * part / parts, to = (long)array.Length * (part + 1) / parts;
        return array.AsSpan((int)from, (int)(to - from));
    }

    private static ReadOnlySpan<TTo> Cast<T, TTo>(ReadOnlySpan<T> span)
        where T : struct
        where TTo : struct => MemoryMarshal.Cast<T, TTo>(span);

    private static TTo[] As<T, TTo>(T[] array) => (TTo[])(object)array;
}
