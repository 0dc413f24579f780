using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>The every-pair product that forms each pair's kernel once for both points: its schedule and its sums.</summary>
public class SymmetricSweepTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(49)]
    public void Schedule_meets_every_pair_of_tiles_once_and_no_tile_twice_in_a_round(int tiles)
    {
        (int[] items, int[] roundStart) = SymmetricSweep<float>.Schedule(tiles);
        var met = new HashSet<(int, int)>();
        for (int round = 0; round + 1 < roundStart.Length; round++)
        {
            var busy = new HashSet<int>();
            for (int item = roundStart[round]; item < roundStart[round + 1]; item++)
            {
                int a = items[2 * item], b = items[2 * item + 1];
                Assert.InRange(a, 0, tiles - 1);
                Assert.InRange(b, 0, tiles - 1);
                Assert.True(busy.Add(a) & (a == b || busy.Add(b)), $"round {round}: tile {a} or {b} twice");
                Assert.True(met.Add((Math.Min(a, b), Math.Max(a, b))), $"tiles {a}, {b} met twice");
                Assert.True(a != b || round == 0, "a tile's own block after the first round");
            }
        }

        Assert.Equal(tiles + tiles * (tiles - 1) / 2, met.Count);
        Assert.Equal(roundStart[^1] * 2, items.Length);
    }

    /// <summary>4,500 points: three tiles, the last one partial, so every row gets sums from its own tile and two others.</summary>
    [Theory]
    [InlineData(RadialKernel.Gaussian, 3, 1)]
    [InlineData(RadialKernel.Gaussian, 3, 7)]
    [InlineData(RadialKernel.Matern52, 5, 2)]
    [InlineData(RadialKernel.Laplacian, 1, 8)]
    public void Every_pair_product_matches_row_sums_across_tiles(RadialKernel kernel, int dimension, int nrhs)
    {
        Check<float>(kernel, dimension, nrhs);
        Check<double>(kernel, dimension, nrhs);
    }

    private static void Check<T>(RadialKernel kernel, int dimension, int nrhs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int count = 4500;
        var problem = new KernelProblem<T>(count, dimension, kernel, KernelProblem<T>.GammaForMass(count, dimension, 200), 0.8);
        using KernelSystem<T> system = problem.Create(new KernelSystemOptions { Truncation = 0 });
        T[] v = problem.Values(nrhs);
        var y = new T[v.Length];
        system.Multiply(v, y, nrhs);

        // As in the dense reference: each lane sums at most TileLength / lanes terms in T before the double sums.
        int lanes = PairKernelFactory.Create<T>(kernel, dimension, false).Lanes;
        double summation = Math.Sqrt(KernelOperator<T>.TileLength / lanes);
        double eps = KernelProblem<T>.Epsilon;
        double expError = typeof(T) == typeof(float) ? ExpPolynomial.SingleMaxRelativeError : ExpPolynomial.DoubleMaxRelativeError;
        var random = new Random(3);
        foreach (int i in Enumerable.Range(0, 80).Select(_ => random.Next(count)))
        {
            for (int q = 0; q < nrhs; q++)
            {
                (double exact, double magnitude) = problem.Row(i, v, nrhs, q);
                double ratio = Math.Abs(double.CreateTruncating(y[i * nrhs + q]) - exact) / (eps * summation * magnitude);
                Assert.True(ratio <= LapackRatios.Threshold + expError / eps, $"{typeof(T).Name} row {i}, column {q}: ratio {ratio:G3}");
            }
        }
    }
}
