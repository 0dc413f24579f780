using System;

namespace MixedSizes;

/// <summary>
/// The mixed-sizes workload in miniature: SPD systems whose order n is log-uniform in 1..400, so small
/// systems dominate the count and large ones the arithmetic. A few distinct matrices per size are
/// cycled, so the small sizes are not timed on one cached matrix.
/// </summary>
internal sealed class Workload
{
    public const int MaxOrder = 400;

    private Workload(int[] sizes, double[][] matrixPool, int[] matrixIndex, double[] rhs, int[] rhsOffset)
    {
        Sizes = sizes;
        MatrixPool = matrixPool;
        MatrixIndex = matrixIndex;
        Rhs = rhs;
        RhsOffset = rhsOffset;
    }

    public int[] Sizes { get; }

    /// <summary>Per size, a block of distinct n x n matrices laid end to end.</summary>
    public double[][] MatrixPool { get; }

    /// <summary>Which matrix of its size's pool each system uses.</summary>
    public int[] MatrixIndex { get; }

    public double[] Rhs { get; }

    public int[] RhsOffset { get; }

    public int Count => Sizes.Length;

    public ReadOnlySpan<double> Matrix(int k)
    {
        int n = Sizes[k];
        return MatrixPool[n].AsSpan(MatrixIndex[k] * n * n, n * n);
    }

    public static Workload Create(int count, int seed)
    {
        var random = new Random(seed);
        var sizes = new int[count];
        var rhsOffset = new int[count];
        int total = 0;
        for (int k = 0; k < count; k++)
        {
            sizes[k] = Math.Min(MaxOrder, (int)Math.Exp(random.NextDouble() * Math.Log(MaxOrder + 1)));
            sizes[k] = Math.Max(1, sizes[k]);
            rhsOffset[k] = total;
            total += sizes[k];
        }

        var pool = new double[MaxOrder + 1][];
        var poolSize = new int[MaxOrder + 1];
        foreach (int n in sizes)
        {
            poolSize[n] = Math.Clamp(4096 / (n * n), 1, 16);
        }

        for (int n = 1; n <= MaxOrder; n++)
        {
            pool[n] = poolSize[n] == 0 ? Array.Empty<double>() : SpdMatrices(n, poolSize[n], random);
        }

        var matrixIndex = new int[count];
        for (int k = 0; k < count; k++)
        {
            matrixIndex[k] = random.Next(poolSize[sizes[k]]);
        }

        var rhs = new double[total];
        for (int i = 0; i < total; i++)
        {
            rhs[i] = random.NextDouble() * 2 - 1;
        }

        return new Workload(sizes, pool, matrixIndex, rhs, rhsOffset);
    }

    /// <summary>Symmetric, strictly diagonally dominant with a positive diagonal, hence SPD (Gershgorin).</summary>
    private static double[] SpdMatrices(int n, int count, Random random)
    {
        var block = new double[count * n * n];
        for (int m = 0; m < count; m++)
        {
            Span<double> a = block.AsSpan(m * n * n, n * n);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    double v = random.NextDouble() * 2 - 1;
                    a[i * n + j] = v;
                    a[j * n + i] = v;
                }

                a[i * n + i] = n + random.NextDouble();
            }
        }

        return block;
    }
}
