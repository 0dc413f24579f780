using System;

namespace MovingLeastSquares;

/// <summary>
/// Points sampled uniformly over the unit square from <see cref="Surface"/>, heights with
/// Gaussian noise, kept sorted by the cell of a uniform grid so that a neighbourhood is a few
/// contiguous runs of points.
/// </summary>
internal sealed class PointCloud
{
    // About this many points per grid cell.
    private const int PointsPerCell = 32;

    private readonly int[] _cellStarts;

    public PointCloud(int count, double noise, int seed)
    {
        Noise = noise;
        Cells = Math.Max(1, (int)Math.Sqrt(count / (double)PointsPerCell));
        var random = new Random(seed);
        var x = new double[count];
        var y = new double[count];
        var cell = new int[count];
        _cellStarts = new int[Cells * Cells + 1];
        for (int i = 0; i < count; i++)
        {
            x[i] = random.NextDouble();
            y[i] = random.NextDouble();
            cell[i] = CellOf(x[i], y[i]);
            _cellStarts[cell[i] + 1]++;
        }

        for (int c = 0; c < Cells * Cells; c++)
        {
            _cellStarts[c + 1] += _cellStarts[c];
        }

        X = new double[count];
        Y = new double[count];
        Z = new double[count];
        int[] next = _cellStarts[..^1];
        for (int i = 0; i < count; i++)
        {
            int j = next[cell[i]]++;
            X[j] = x[i];
            Y[j] = y[i];
            // Box–Muller: the noise is normal with standard deviation `noise`.
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            Z[j] = Surface.Height(x[i], y[i]) + noise * gaussian;
        }
    }

    /// <summary>The standard deviation of the heights' noise.</summary>
    public double Noise { get; }

    /// <summary>Cells per side of the grid.</summary>
    public int Cells { get; }

    public int Count => X.Length;

    public double[] X { get; }

    public double[] Y { get; }

    public double[] Z { get; }

    /// <summary>
    /// Writes into <paramref name="found"/> the indices of the points within <paramref name="radius"/>
    /// of (x, y) and into <paramref name="distances"/> their squared distances; returns how many,
    /// or -1 when there are more than the buffers hold.
    /// </summary>
    public int Within(double x, double y, double radius, Span<int> found, Span<double> distances)
    {
        int lowX = Clamp(x - radius), highX = Clamp(x + radius), lowY = Clamp(y - radius), highY = Clamp(y + radius);
        double r2 = radius * radius;
        int count = 0;
        for (int cy = lowY; cy <= highY; cy++)
        {
            for (int i = _cellStarts[cy * Cells + lowX]; i < _cellStarts[cy * Cells + highX + 1]; i++)
            {
                double dx = X[i] - x, dy = Y[i] - y, d2 = dx * dx + dy * dy;
                if (d2 <= r2)
                {
                    if (count == found.Length)
                    {
                        return -1;
                    }

                    found[count] = i;
                    distances[count++] = d2;
                }
            }
        }

        return count;
    }

    private int CellOf(double x, double y) => Clamp(y) * Cells + Clamp(x);

    private int Clamp(double coordinate) => Math.Clamp((int)(coordinate * Cells), 0, Cells - 1);
}
