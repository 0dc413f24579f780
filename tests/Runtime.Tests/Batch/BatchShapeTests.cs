using System;
using System.Collections.Concurrent;
using System.Linq;
using Specialized.Testing;
using Xunit;

namespace Specialized.Runtime.Tests.Batch;

/// <summary>
/// Bad shapes throw before anything is read or written, with the user's parameter names; a batch of
/// size 0 or count 0 succeeds; no call allocates; the parallel splitter gives the same bits as one thread.
/// </summary>
public class BatchShapeTests
{
    [Fact]
    public void Short_spans_and_negative_n_throw_with_the_users_names()
    {
        var results = new SolveResult[3];
        double[] x = new double[12];
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => BatchSolvers.Double_UR(new double[48], new double[12], x, results, -1)).ParamName);
        Assert.Equal("matrices", Assert.Throws<ArgumentException>(() => BatchSolvers.Double_UR(new double[47], new double[12], x, results, 4)).ParamName);
        Assert.Equal("rhs", Assert.Throws<ArgumentException>(() => BatchSolvers.Double_UR(new double[48], new double[11], x, results, 4)).ParamName);
        Assert.Equal("solutions", Assert.Throws<ArgumentException>(() => BatchSolvers.Double_UR(new double[48], new double[12], new double[11], results, 4)).ParamName);
        Assert.All(x, v => Assert.Equal(0, v));
        Assert.All(results, r => Assert.Equal(default, r));

        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Cholesky.SolveBatch(new float[47], new float[12], new float[12], new SolveResult[3], 4)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Cholesky.SolveBatch(new float[1], new float[1], new float[1], new SolveResult[1], -2)).ParamName);
        Assert.Equal("layout", Assert.Throws<ArgumentOutOfRangeException>(() => Cholesky.SolveBatch(new float[1], new float[1], new float[1], new SolveResult[1], 1, Triangle.Lower, (MatrixLayout)7)).ParamName);
    }

    [Fact]
    public void Order_zero_marks_every_system_solved()
    {
        var results = new SolveResult[5];
        results.AsSpan().Fill(SolveResult.Failed(3));
        BatchSolvers.Float_UC([], [], [], results, 0);
        Assert.All(results, r => Assert.True(r.Success));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(19)]
    [InlineData(40)]
    public void No_batch_call_allocates(int n)
    {
        const int count = 13;
        var matrix = TestMatrix.Create(2, n, Precision.Double);
        var a = new double[count * n * n];
        for (int k = 0; k < count; k++)
        {
            MatrixStorage.Write(matrix.Dense, n, Triangle.Upper, MatrixLayout.RowMajor, a.AsSpan(k * n * n, n * n), 0.0);
        }

        var b = new double[count * n];
        b.AsSpan().Fill(1);
        var x = new double[count * n];
        var results = new SolveResult[count];
        BatchSolvers.Double_UR(a, b, x, results, n);
        Cholesky.SolveBatch(a, b, x, results, n, Triangle.Upper);
        Assert.Equal(0, Allocations.Measure(() => BatchSolvers.Double_UR(a, b, x, results, n)));
        Assert.Equal(0, Allocations.Measure(() => Cholesky.SolveBatch(a, b, x, results, n, Triangle.Upper)));
        Assert.All(results, r => Assert.True(r.Success));
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(2, 5000)]
    [InlineData(4, 2049)]
    public void Parallel_split_gives_the_bits_of_one_thread(int degree, int count)
    {
        const int n = 6;
        var random = new Random(count + degree);
        // Every seventh system is not SPD, so failures are split across parts too.
        var (a, b) = FloatBatch(n, count, random, k => TestMatrix.Create(k % 7 == 3 ? 4 : 2, n, Precision.Single, seed: random.Next()));

        var xOne = new float[count * n];
        var rOne = new SolveResult[count];
        BatchSolvers.Float_UC(a, b, xOne, rOne, n);
        var xMany = new float[count * n];
        var rMany = new SolveResult[count];
        ParallelBatch.Solve<float>(BatchSolvers.Float_UC, a, b, xMany, rMany, n, degree);
        Assert.Equal(rOne, rMany);
        Assert.True(MatrixStorage.BitIdentical<float>(xOne, xMany));
        Assert.Contains(rOne, r => !r.Success);
    }

    /// <summary>
    /// From n = 14 the 16-float kernels take only batches whose matrices fit in 16 MiB: a batch just
    /// past that limit, solved by the 8-float kernel, gives the bits and results of the same systems
    /// in batches of 37, which take the 16-float kernel where Vector512 is accelerated.
    /// </summary>
    [Theory]
    [InlineData(14, 21399)]
    [InlineData(16, 16384)]
    public void A_float_batch_past_the_wide_limit_gives_the_bits_of_small_batches(int n, int limit)
    {
        int count = limit + 3, size = n * n;
        var random = new Random(n);
        var distinct = Enumerable.Range(0, 61)
            .Select(k => TestMatrix.Create(k % 13 == 5 ? 4 : 2, n, Precision.Single, seed: random.Next()))
            .ToArray();
        var (a, b) = FloatBatch(n, count, random, k => distinct[k % distinct.Length]);

        var xAll = new float[count * n];
        var rAll = new SolveResult[count];
        BatchSolvers.Float_UC(a, b, xAll, rAll, n);
        var xParts = new float[count * n];
        var rParts = new SolveResult[count];
        for (int first = 0; first < count; first += 37)
        {
            int length = Math.Min(37, count - first);
            BatchSolvers.Float_UC(a.AsSpan(first * size, length * size), b.AsSpan(first * n, length * n), xParts.AsSpan(first * n, length * n), rParts.AsSpan(first, length), n);
        }

        Assert.Equal(rParts, rAll);
        Assert.True(MatrixStorage.BitIdentical<float>(xParts, xAll));
        Assert.Contains(rAll, r => !r.Success);
    }

    /// <summary>
    /// A float batch of order 14 or more with more than 16 MiB of matrices is cut into parts that each
    /// keep more than 16 MiB (the size past which the generated 16-float kernels hand a batch to the
    /// 8-float ones); a smaller batch, a smaller order (whose kernels have no such limit) or a double
    /// batch keeps the usual parts.
    /// </summary>
    [Theory]
    [InlineData(16, 40_000, true)]
    [InlineData(14, 30_000, true)]
    [InlineData(16, 16_000, false)]
    [InlineData(8, 70_000, false)]
    public void Parallel_split_keeps_the_parts_of_a_large_float_batch_above_16_MiB(int n, int count, bool large)
    {
        int limit = (16 << 20) / (n * n * sizeof(float));
        var floats = new ConcurrentBag<int>();
        var doubles = new ConcurrentBag<int>();
        ParallelBatch.Solve<float>((a, b, x, r, order) => floats.Add(r.Length), new float[count * n * n], new float[count * n], new float[count * n], new SolveResult[count], n, 2);
        ParallelBatch.Solve<double>((a, b, x, r, order) => doubles.Add(r.Length), new double[count * n * n], new double[count * n], new double[count * n], new SolveResult[count], n, 2);

        Assert.Equal(count, floats.Sum());
        Assert.Equal(count, doubles.Sum());
        int[] parts = floats.OrderByDescending(p => p).ToArray();
        if (large)
        {
            Assert.True(parts.Length > 1, "the batch is still split");
            Assert.All(parts.SkipLast(1), p => Assert.True(p > limit, $"part of {p} systems, limit {limit}"));
        }
        else
        {
            Assert.Equal(doubles.OrderByDescending(p => p), parts);
        }

        Assert.All(doubles, p => Assert.True(p <= (count / 8 + 15 & ~15) || p == ParallelBatch.MinSystemsPerItem));
    }

    // count systems for Float_UC (upper triangle, column-major), system k's matrix from matrixOf(k), then its b from random.
    private static (float[] A, float[] B) FloatBatch(int n, int count, Random random, Func<int, TestMatrix> matrixOf)
    {
        var a = new float[count * n * n];
        var b = new float[count * n];
        for (int k = 0; k < count; k++)
        {
            MatrixStorage.Write(matrixOf(k).Dense, n, Triangle.Upper, MatrixLayout.ColumnMajor, a.AsSpan(k * n * n, n * n), 0f);
            for (int i = 0; i < n; i++)
            {
                b[k * n + i] = (float)random.NextDouble();
            }
        }

        return (a, b);
    }

    [Fact]
    public void Parallel_split_checks_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => ParallelBatch.Solve<double>(null!, new double[4], new double[2], new double[2], new SolveResult[1], 2, 1));
        Assert.Equal("degreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => ParallelBatch.Solve<double>(BatchSolvers.Double_LR, new double[4], new double[2], new double[2], new SolveResult[1], 2, 0)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ParallelBatch.Solve<double>(BatchSolvers.Double_LR, new double[4], new double[2], new double[1], new SolveResult[1], 2, 2)).ParamName);
    }
}
