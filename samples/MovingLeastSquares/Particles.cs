using System;

namespace MovingLeastSquares;

/// <summary>
/// The particles to project: positions uniform over the inner square [0.1, 0.9]² (so every
/// neighbourhood lies inside the cloud), heights off the surface by up to ±<see cref="Offset"/>,
/// and each particle's neighbour count uniform in <see cref="MinNeighbours"/>..<see cref="MaxNeighbours"/>.
/// </summary>
internal sealed class Particles
{
    public const int MinNeighbours = 200;
    public const int MaxNeighbours = 1000;

    /// <summary>How far off the surface the particles start, at most.</summary>
    public const double Offset = 0.05;

    public Particles(int count, int seed)
    {
        var random = new Random(seed);
        X = new double[count];
        Y = new double[count];
        Z = new double[count];
        Neighbours = new int[count];
        for (int k = 0; k < count; k++)
        {
            X[k] = 0.1 + 0.8 * random.NextDouble();
            Y[k] = 0.1 + 0.8 * random.NextDouble();
            Z[k] = Surface.Height(X[k], Y[k]) + Offset * (2 * random.NextDouble() - 1);
            Neighbours[k] = random.Next(MinNeighbours, MaxNeighbours + 1);
        }
    }

    public int Count => X.Length;

    public double[] X { get; }

    public double[] Y { get; }

    /// <summary>The heights before projection.</summary>
    public double[] Z { get; }

    /// <summary>How many cloud points each particle's patch is fitted to.</summary>
    public int[] Neighbours { get; }
}
