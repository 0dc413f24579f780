using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// The keep-inputs forms copy each block of the caller's matrix where the blocked factorization first
/// touches it. On every micro-kernel, at the edges of the recursion's blocks (48 to factor, 16 to
/// substitute), of the cache blocks (MC = 144, KC = 256 double) and at the padded stride (n = 512),
/// in both storage orders, the factor must be bit for bit the one factored from a full copy, the
/// source must not change, and nothing outside its stored triangle (NaN here) may be read; a
/// failing pivot is reported at the same index.
/// </summary>
public class CopyAsFactorTests
{
    private static readonly int[] Sizes = [1, 16, 17, 48, 49, 95, 96, 97, 143, 145, 255, 257, 300, 512, 600];

    public static IEnumerable<object[]> Cases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (string kernel in new[] { "Vector512", "Vector256", "Vector128", "Scalar" })
            {
                foreach (int n in Sizes)
                {
                    yield return [precision, kernel, n];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Copying_as_it_factors_gives_the_factor_of_the_copy(Precision precision, string kernel, int n)
    {
        double[] dense = TestMatrix.Create(2, n, precision, TestData.Seed(n, 2)).Dense;
        Run(precision, kernel, dense, n, expectedPivot: -1);
    }

    public static IEnumerable<object[]> FailureCases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (string kernel in new[] { "Vector512", "Scalar" })
            {
                foreach ((int n, int k) in new[] { (300, 0), (300, 47), (300, 160), (300, 299), (600, 333) })
                {
                    yield return [precision, kernel, n, k];
                }
            }
        }
    }

    // A negative diagonal entry at k: the same pivot from both paths, at the first base block, deep
    // inside the recursion and at the last row.
    [Theory]
    [MemberData(nameof(FailureCases))]
    public void Copying_as_it_factors_fails_at_the_same_pivot(Precision precision, string kernel, int n, int k)
    {
        double[] dense = (double[])TestMatrix.Create(2, n, precision, TestData.Seed(n, 2)).Dense.Clone();
        dense[k * n + k] = -1;
        Run(precision, kernel, dense, n, expectedPivot: k);
    }

    private static void Run(Precision precision, string kernel, double[] dense, int n, int expectedPivot)
    {
        if (precision == Precision.Double)
        {
            Run<double>(kernel, dense, n, expectedPivot);
        }
        else
        {
            Run<float>(kernel, dense, n, expectedPivot);
        }
    }

    private static void Run<T>(string kernel, double[] dense, int n, int expectedPivot)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kernel)
        {
            case "Vector512":
                Compare<T, MicroKernel512<T>>(dense, n, expectedPivot);
                break;
            case "Vector256":
                Compare<T, MicroKernel256<T>>(dense, n, expectedPivot);
                break;
            case "Vector128":
                Compare<T, MicroKernel128<T>>(dense, n, expectedPivot);
                break;
            default:
                Compare<T, MicroKernelScalar<T>>(dense, n, expectedPivot);
                break;
        }
    }

    private static void Compare<T, TKernel>(double[] dense, int n, int expectedPivot)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IMicroKernel<T>
    {
        int ld = BlockSizes<T>.Stride(n);
        T[] scratch = new T[PackBuffers<T>.Length(n, n, TKernel.MR, TKernel.NR)];
        foreach (bool rowWise in new[] { true, false })
        {
            string context = $"{typeof(T).Name}, {typeof(TKernel).Name}, n={n}, ld={ld}, rowWise={rowWise}";
            T[] source = new T[n * n];
            Array.Fill(source, T.NaN);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    source[rowWise ? i * n + j : j * n + i] = T.CreateTruncating(dense[i * n + j]);
                }
            }

            T[] before = (T[])source.Clone();
            T[] expected = new T[ld * n];
            CholeskyKernel<T>.CopyTriangle(source, expected, n, ld, rowWise);
            SolveResult expectedResult = BlockedFactor<T, TKernel>.Run(expected, ld, expected, n, ld, rowWise, scratch, 1);

            // NaN in the copy too, so an element the factorization used without copying shows.
            T[] actual = new T[ld * n];
            Array.Fill(actual, T.NaN);
            SolveResult actualResult = BlockedFactor<T, TKernel>.Run(source, n, actual, n, ld, rowWise, scratch, 1);

            Assert.Equal(expectedPivot < 0, expectedResult.Success);
            Assert.Equal(expectedResult, actualResult);
            Assert.True(MatrixStorage.BitIdentical<T>(before, source), context + ": the source changed");
            if (expectedPivot >= 0)
            {
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                for (int i = j; i < n; i++)
                {
                    int at = rowWise ? i * ld + j : j * ld + i;
                    Assert.True(MatrixStorage.BitIdentical<T>(expected.AsSpan(at, 1), actual.AsSpan(at, 1)), $"{context}: L({i}, {j}) differs");
                }
            }
        }
    }
}
