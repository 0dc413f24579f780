using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// The degree-of-parallelism overloads: workers split the large updates on tile boundaries, so
/// every form gives the bits one thread gives, at sizes where the updates are shared and where
/// they are not; the argument is checked before anything is written.
/// </summary>
public class ParallelTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (int n in new[] { 50, 97, 300, 700 })
            {
                yield return [precision, n];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void More_threads_give_identical_bits(Precision precision, int n)
    {
        TestMatrix matrix = TestMatrix.Create(2, n, precision, TestData.Seed(n, 2));
        if (precision == Precision.Double)
        {
            Check<double>(matrix);
        }
        else
        {
            Check<float>(matrix);
        }
    }

    [Fact]
    public void Degree_below_one_throws_before_writing()
    {
        double[] a = [4, 0, 0, 9];
        double[] b = [1, 2];
        Assert.Throws<ArgumentOutOfRangeException>("degreeOfParallelism", () => Cholesky.Factor(a, 2, Triangle.Lower, MatrixLayout.RowMajor, 0));
        Assert.Throws<ArgumentOutOfRangeException>("degreeOfParallelism", () => Cholesky.Solve(a.AsSpan(), b.AsSpan(), 2, 1, Triangle.Lower, MatrixLayout.RowMajor, -1));
        Assert.Equal([4.0, 0, 0, 9], a);
        Assert.Equal([1.0, 2], b);
    }

    private static void Check<T>(TestMatrix matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int nrhs = 2;
        int n = matrix.N;
        T[] rhs = MatrixStorage.Convert<T>(matrix.CreateRightHandSide(nrhs, TestData.Seed(n, nrhs)).B);
        foreach ((Triangle triangle, MatrixLayout layout) in TestData.Storages)
        {
            T[] original = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout);
            T[] one = (T[])original.Clone();
            T[] xOne = new T[n * nrhs];
            Assert.True(Run(original, rhs, one, xOne, n, nrhs, triangle, layout, 1));
            foreach (int degree in new[] { 2, 3, 64 })
            {
                string context = $"{typeof(T).Name}, n={n}, {triangle}, {layout}, degree {degree}";
                T[] many = (T[])original.Clone();
                T[] xMany = new T[n * nrhs];
                Assert.True(Run(original, rhs, many, xMany, n, nrhs, triangle, layout, degree));
                Assert.True(MatrixStorage.FirstBitDifference<T>(one, many) < 0, context + ": factor differs");
                Assert.True(MatrixStorage.FirstBitDifference<T>(xOne, xMany) < 0, context + ": solution differs");
            }
        }
    }

    // Factors a in place and solves into x (keep-inputs); checks the in-place solve agrees with both.
    private static bool Run<T>(T[] original, T[] rhs, T[] a, T[] x, int n, int nrhs, Triangle triangle, MatrixLayout layout, int degree)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] inPlace = (T[])original.Clone();
        T[] b = (T[])rhs.Clone();
        if (a is double[] ad)
        {
            return Cholesky.Factor(ad, n, triangle, layout, degree)
                && Cholesky.Solve((double[])(object)original, (double[])(object)rhs, (double[])(object)x, n, nrhs, triangle, layout, degree)
                && Cholesky.Solve((double[])(object)inPlace, (double[])(object)b, n, nrhs, triangle, layout, degree)
                && MatrixStorage.FirstBitDifference<T>(b, x) < 0
                && MatrixStorage.FirstBitDifference<T>(inPlace, a) < 0;
        }

        return Cholesky.Factor((float[])(object)a, n, triangle, layout, degree)
            && Cholesky.Solve((float[])(object)original, (float[])(object)rhs, (float[])(object)x, n, nrhs, triangle, layout, degree)
            && Cholesky.Solve((float[])(object)inPlace, (float[])(object)b, n, nrhs, triangle, layout, degree)
            && MatrixStorage.FirstBitDifference<T>(b, x) < 0
            && MatrixStorage.FirstBitDifference<T>(inPlace, a) < 0;
    }
}
