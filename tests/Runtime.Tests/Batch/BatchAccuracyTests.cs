using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Runtime.Tests.Generated;
using Specialized.Testing;
using Xunit;

namespace Specialized.Runtime.Tests.Batch;

/// <summary>
/// dchkpo per system on every batch solver: for each n up to past its MaxN and every count from 0
/// to two Vector512 widths plus one (and 37), the nine dchkpo types in a seeded random order, so
/// non-SPD systems sit at random lanes next to SPD ones. Each SPD system keeps dpot02's and dget04's
/// ratios below 30; each non-SPD one reports dpotrf's pivot and keeps its x; a and b are never
/// written; and every system's bits equal those of the same system solved alone.
/// </summary>
/// <remarks>
/// Where Vector512 is accelerated, a size with a Vector512 kernel sends a batch's systems after its
/// last whole pass, and a batch of one, to its Vector256 kernel: these counts run both kernels, and the
/// comparison with the system solved alone holds the two widths to the same bits.
/// </remarks>
public class BatchAccuracyTests
{
    public static IEnumerable<object[]> Cases =>
        from name in BatchSolvers.Names
        let maxN = BatchSolvers.Get(name).MaxN
        from n in maxN > 0 ? Enumerable.Range(0, maxN + 2) : [0, 1, 2, 3, 5, 8, 16, 17, 32, 33]
        select new object[] { name, n };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_system_keeps_the_ratios_and_its_own_result(string name, int n)
    {
        var (solve, triangle, layout, _) = BatchSolvers.Get(name);
        switch (solve)
        {
            case BatchSolver<double> d:
                Check(d, triangle, layout, n, Precision.Double);
                break;
            default:
                Check((BatchSolver<float>)solve, triangle, layout, n, Precision.Single);
                break;
        }
    }

    private static void Check<T>(BatchSolver<T> solve, Triangle triangle, MatrixLayout layout, int n, Precision precision)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = System.Runtime.Intrinsics.Vector512<T>.Count;
        int[] types = Enumerable.Range(1, 9).Where(t => TestMatrix.Applies(t, n)).ToArray();
        foreach (int count in Enumerable.Range(0, 2 * width + 2).Append(37))
        {
            var random = new Random(TestData.Seed(n, count));
            TestMatrix[] matrices = Enumerable.Range(0, count)
                .Select(_ => GeneratedTestData.Matrix(types[random.Next(types.Length)], n, precision))
                .ToArray();
            var batch = BatchBuffers<T>.Create(matrices, triangle, layout);
            T[] a = (T[])batch.A.Clone(), b = (T[])batch.B.Clone(), x = (T[])batch.X.Clone();
            var results = new SolveResult[count];
            solve(a, b, x, results, n);

            Assert.True(MatrixStorage.BitIdentical<T>(batch.A, a), $"a was written, n={n}, count={count}");
            Assert.True(MatrixStorage.BitIdentical<T>(batch.B, b), $"b was written, n={n}, count={count}");
            for (int k = 0; k < count; k++)
            {
                TestMatrix matrix = matrices[k];
                string context = matrix.Describe($"system {k} of {count}, {triangle}, {layout}");
                ReadOnlySpan<T> xk = x.AsSpan(k * n, n);
                if (matrix.IsSpd)
                {
                    Assert.True(results[k].Success, $"failed at {results[k].FailedPivot}: {context}");
                    RightHandSide rhs = GeneratedTestData.RightHandSide(matrix, 1);
                    LapackRatios.AssertBelow(context, ("dpot02", LapackRatios.Residual(matrix, rhs, xk)), ("dget04", LapackRatios.ForwardError(matrix, rhs, xk)));
                }
                else
                {
                    Assert.Equal(matrix.ExpectedFailedPivot, results[k].FailedPivot);
                    Assert.True(MatrixStorage.BitIdentical(batch.X.AsSpan(k * n, n), xk), $"x written on failure: {context}");
                }

                // Alone, in a batch of one: the lane-mates must not have changed a bit.
                T[] xAlone = batch.X.AsSpan(k * n, n).ToArray();
                var alone = new SolveResult[1];
                solve(batch.A.AsSpan(k * n * n, n * n), batch.B.AsSpan(k * n, n), xAlone, alone, n);
                Assert.Equal(alone[0], results[k]);
                Assert.True(MatrixStorage.BitIdentical<T>(xAlone, xk), $"differs from the system solved alone: {context}");
            }
        }
    }
}

/// <summary>A batch's a, b and x: the stored triangles (the other triangle NaN), B = A·X* per system, x full of sentinels.</summary>
internal sealed record BatchBuffers<T>(T[] A, T[] B, T[] X)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static BatchBuffers<T> Create(TestMatrix[] matrices, Triangle triangle, MatrixLayout layout)
    {
        int count = matrices.Length;
        int n = count == 0 ? 0 : matrices[0].N;
        var a = new T[count * n * n];
        var b = new T[count * n];
        for (int k = 0; k < count; k++)
        {
            MatrixStorage.Write(matrices[k].Dense, n, triangle, layout, a.AsSpan(k * n * n, n * n), T.NaN);
            MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrices[k], 1).B).CopyTo(b.AsSpan(k * n));
        }

        return new BatchBuffers<T>(a, b, TestData.Sentinels<T>(count * n, salt: 7));
    }
}
