using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// The blocked factorization behind every public form: dchkpo's ratios at the crossover (96), at
/// the edges of each cache block (MC = 144 rows, KC = 256 double / 512 float deep) and of the
/// recursion's base blocks (48 to factor, 16 to substitute), on every micro-kernel of the dispatch
/// ladder, with nrhs 1 (vector solve), 2 (by columns) and 15 (blocked solve); failures found at
/// their exact pivot deep inside the recursion.
/// </summary>
public class BlockedTests
{
    private static readonly int[] RightHandSideCounts = [1, 2, 15];

    public static IEnumerable<object[]> EdgeCases()
    {
        int crossover = BlockedCholesky<double>.Crossover;
        int mc = BlockSizes<double>.MC;
        int[] sizes =
        [
            crossover - 1, crossover, crossover + 1,
            mc - 1, mc, mc + 1, 2 * mc - 1, 2 * mc + 1,
            255, 256, 257, 2 * 256 - 1, 2 * 256, 2 * 256 + 1,
        ];
        foreach (Precision precision in TestData.Precisions)
        {
            for (int k = 0; k < sizes.Length; k++)
            {
                // Alternate a well-conditioned type with dchkpo's worst-conditioned one.
                yield return [precision, sizes[k], k % 2 == 0 ? 2 : 7];
            }
        }

        yield return [Precision.Single, 1000, 7];
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Block_edges_keep_dchkpo_ratios(Precision precision, int n, int type)
    {
        TestMatrix matrix = TestMatrix.Create(type, n, precision, TestData.Seed(n, type));
        if (precision == Precision.Double)
        {
            AccuracyTests.Check<double>(matrix, RightHandSideCounts);
        }
        else
        {
            AccuracyTests.Check<float>(matrix, RightHandSideCounts);
        }
    }

    public static IEnumerable<object[]> KernelCases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (string kernel in new[] { "Vector512", "Vector256", "Vector128", "Scalar" })
            {
                foreach (int n in new[] { 1, 16, 17, 47, 48, 49, 63, 64, 65, 97, 129, 145, 257 })
                {
                    yield return [precision, kernel, n];
                }
            }
        }
    }

    // Every rung of the dispatch ladder, whichever one this machine would pick, across the base
    // block edges (n ≤ 48 factors unblocked inside the recursion; 16 and 17 the substitution's).
    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Every_micro_kernel_factors_within_ratio(Precision precision, string kernel, int n)
    {
        TestMatrix matrix = TestMatrix.Create(6, n, precision, TestData.Seed(n, 6));
        if (precision == Precision.Double)
        {
            CheckKernel<double>(matrix, kernel);
        }
        else
        {
            CheckKernel<float>(matrix, kernel);
        }
    }

    public static IEnumerable<object[]> FailureCases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach ((int n, int k) in new[] { (300, 40), (300, 100), (300, 170), (300, 299), (512, 400), (600, 333) })
            {
                foreach (double value in new[] { -1.0, double.NaN })
                {
                    yield return [precision, n, k, value];
                }
            }
        }
    }

    // A bad diagonal entry at k leaves the leading k x k minor SPD: the blocked recursion must
    // report k exactly, however deep in its blocks k lies, and leave b and x alone.
    [Theory]
    [MemberData(nameof(FailureCases))]
    public void Failure_inside_a_later_block_reports_its_pivot(Precision precision, int n, int k, double value)
    {
        double[] dense = (double[])TestMatrix.Create(2, n, precision, TestData.Seed(n, 2)).Dense.Clone();
        dense[k * n + k] = value;
        string context = $"n={n}, A({k},{k})={value}, {precision}";
        Assert.Equal(k, ReferenceCholesky.FirstFailedPivot(dense, n));
        if (precision == Precision.Double)
        {
            FailureTests.CheckFailure<double>(dense, n, k, context);
        }
        else
        {
            FailureTests.CheckFailure<float>(dense, n, k, context);
        }
    }

    private static void CheckKernel<T>(TestMatrix matrix, string kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N;
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            T[] factor = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout);
            T[] original = (T[])factor.Clone();
            bool rowWise = FactorStorage.IsRowWise(triangle, layout);
            SolveResult result = kernel switch
            {
                "Vector512" => BlockedCholesky<T>.Factor<MicroKernel512<T>>(factor, n, rowWise),
                "Vector256" => BlockedCholesky<T>.Factor<MicroKernel256<T>>(factor, n, rowWise),
                "Vector128" => BlockedCholesky<T>.Factor<MicroKernel128<T>>(factor, n, rowWise),
                _ => BlockedCholesky<T>.Factor<MicroKernelScalar<T>>(factor, n, rowWise),
            };
            string context = matrix.Describe($"{triangle}, {layout}, {kernel}");
            Assert.True(result.Success, $"{context}: {result}");
            Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(original, factor, n, triangle, layout));
            LapackRatios.AssertBelow(context, ("factor", LapackRatios.Factor<T>(matrix, factor, triangle, layout)));
        }
    }
}
