using System;

namespace Samples;

/// <summary>
/// The mixed-sizes workload in miniature: SPD systems whose order n is log-uniform in 1..400, so small
/// systems dominate the count and large ones the arithmetic. A few distinct matrices per size are
/// cycled, so the small sizes are not timed on one cached matrix. The draws that make one system
/// (<see cref="DrawOrder"/>, <see cref="FillSpd"/>, <see cref="FillRhs"/>) are shared with the
/// cluster sample, which makes each system from its own stream instead of one stream for all.
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
            sizes[k] = DrawOrder(random);
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
        FillRhs(rhs, random);

        return new Workload(sizes, pool, matrixIndex, rhs, rhsOffset);
    }

    /// <summary>An order log-uniform in 1..<see cref="MaxOrder"/>: one draw.</summary>
    public static int DrawOrder(Random random) =>
        Math.Max(1, Math.Min(MaxOrder, (int)Math.Exp(random.NextDouble() * Math.Log(MaxOrder + 1))));

    /// <summary>
    /// Symmetric, strictly diagonally dominant with a positive diagonal, hence SPD (Gershgorin):
    /// n(n+1)/2 draws into the dense row-major n x n matrix a.
    /// </summary>
    public static void FillSpd(Span<double> a, int n, Random random)
    {
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

    /// <summary>Right-hand sides uniform in [-1, 1): one draw per element.</summary>
    public static void FillRhs(Span<double> b, Random random)
    {
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() * 2 - 1;
        }
    }

    private static double[] SpdMatrices(int n, int count, Random random)
    {
        var block = new double[count * n * n];
        for (int m = 0; m < count; m++)
        {
            FillSpd(block.AsSpan(m * n * n, n * n), n, random);
        }

        return block;
    }
}
