using System;
using System.Linq;
using Specialized.Testing;
using Xunit;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>
/// Ragged batches: each fit's result and x are bit for bit those of fitting it alone, a failing fit
/// (zero column) keeps its x without disturbing its neighbours, on one thread and on two; bad offsets throw first.
/// </summary>
public class FitBatchTests
{
    private const int Cols = 6;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(100)]
    public void Each_fit_matches_fitting_it_alone(int count)
    {
        var random = new Random(count);
        int[] starts = new int[count + 1];
        for (int k = 0; k < count; k++)
        {
            starts[k + 1] = starts[k] + Cols + random.Next(0, 60);
        }

        int total = starts[count];
        double[] a = Enumerable.Range(0, total * Cols).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, total).Select(_ => random.NextDouble()).ToArray();
        for (int k = 3; k < count; k += 7)
        {
            // Fit k: column 2 all zero.
            for (int i = starts[k]; i < starts[k + 1]; i++)
            {
                a[i * Cols + 2] = 0;
            }
        }

        LeastSquaresSolver<double> generated = (aa, bb, xx, r, c) => FitSolvers.DoubleRow(aa, bb, xx, r, c);
        var runtimeX = Filled(count * Cols);
        var runtimeResults = new SolveResult[count];
        LeastSquares.FitBatch(a, b, starts, runtimeX, runtimeResults, Cols);
        foreach (int threads in new[] { 1, 2 })
        {
            var x = Filled(count * Cols);
            var results = new SolveResult[count];
            LeastSquares.FitBatch(generated, a, b, starts, x, results, Cols, threads);
            for (int k = 0; k < count; k++)
            {
                int rows = starts[k + 1] - starts[k];
                var alone = Filled(Cols);
                SolveResult expected = FitSolvers.DoubleRow(a.AsSpan(starts[k] * Cols, rows * Cols), b.AsSpan(starts[k], rows), alone, rows, Cols);
                Assert.Equal(expected, results[k]);
                Assert.Equal(k >= 3 && (k - 3) % 7 == 0, !expected.Success);
                Assert.True(MatrixStorage.BitIdentical<double>(alone, x.AsSpan(k * Cols, Cols)), $"fit {k}, {threads} threads");

                var runtimeAlone = Filled(Cols);
                SolveResult runtimeExpected = LeastSquares.Fit(a.AsSpan(starts[k] * Cols, rows * Cols), b.AsSpan(starts[k], rows), runtimeAlone, rows, Cols);
                Assert.Equal(runtimeExpected, runtimeResults[k]);
                Assert.True(MatrixStorage.BitIdentical<double>(runtimeAlone, runtimeX.AsSpan(k * Cols, Cols)), $"runtime fit {k}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Weighted_batch_matches_fitting_each_alone(int threads)
    {
        const int count = 50;
        var random = new Random(threads);
        int[] starts = Enumerable.Range(0, count + 1).Select(k => k * (Cols + 9)).ToArray();
        int total = starts[count];
        double[] a = Enumerable.Range(0, total * Cols).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, total).Select(_ => random.NextDouble()).ToArray();
        double[] w = Enumerable.Range(0, total).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var x = Filled(count * Cols);
        var results = new SolveResult[count];
        LeastSquares.FitBatch<double>(FitSolvers.DoubleRowWeighted, a, b, w, starts, x, results, Cols, threads);
        for (int k = 0; k < count; k++)
        {
            int rows = starts[k + 1] - starts[k];
            var alone = Filled(Cols);
            Assert.Equal(FitSolvers.DoubleRowWeighted(a.AsSpan(starts[k] * Cols, rows * Cols), b.AsSpan(starts[k], rows), w.AsSpan(starts[k], rows), alone, rows, Cols), results[k]);
            Assert.True(MatrixStorage.BitIdentical<double>(alone, x.AsSpan(k * Cols, Cols)), $"fit {k}");
        }

        Assert.ThrowsAny<ArgumentException>(() => LeastSquares.FitBatch<double>(FitSolvers.DoubleRowWeighted, a, b, w.AsMemory(1), starts, x, results, Cols, threads));
    }

    [Theory]
    [InlineData(new[] { 0, 6 }, 2)]
    [InlineData(new[] { -1, 6, 12 }, 2)]
    [InlineData(new[] { 0, 12, 11 }, 2)]
    [InlineData(new[] { 0, 5, 12 }, 2)]
    [InlineData(new[] { 0, 6, 13 }, 2)]
    public void Bad_offsets_throw_before_any_fit(int[] starts, int count)
    {
        var x = Filled(count * Cols);
        Assert.ThrowsAny<ArgumentException>(() => LeastSquares.FitBatch(new double[12 * Cols], new double[12], starts, x, new SolveResult[count], Cols));
        Assert.ThrowsAny<ArgumentException>(() => LeastSquares.FitBatch<double>((aa, bb, xx, r, c) => FitSolvers.DoubleRow(aa, bb, xx, r, c), new double[12 * Cols], new double[12], starts, x, new SolveResult[count], Cols, 2));
        Assert.All(x, value => Assert.Equal(-3, value));
    }

    private static double[] Filled(int length) => Enumerable.Repeat(-3.0, length).ToArray();
}
