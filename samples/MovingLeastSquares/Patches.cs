using System;
using System.Threading.Tasks;

namespace MovingLeastSquares;

/// <summary>
/// Every particle's weighted fit, laid end to end as <c>LeastSquares.FitBatch</c> lays out a ragged
/// batch: particle k owns rows <c>RowStarts[k]</c> .. <c>RowStarts[k + 1] − 1</c> of the row-major
/// rows x 6 matrix A, the heights b and the weights w.
/// </summary>
/// <remarks>
/// Particle k's rows are its N nearest cloud points, in local coordinates u = (x − xₖ)/R,
/// v = (y − yₖ)/R scaled by the distance R to the farthest of them (so the columns
/// 1, u, v, u², uv, v² all lie in [-1, 1] and AᵀWA stays well conditioned), weighted by the
/// Gaussian w = exp(−d²/h²) with h = R/2. The fitted quadratic's constant term is then the surface
/// height right above the particle.
/// </remarks>
internal sealed class Patches
{
    /// <summary>The quadratic patch's columns: 1, u, v, u², uv, v².</summary>
    public const int Cols = 6;

    private Patches(int[] rowStarts)
    {
        RowStarts = rowStarts;
        int rows = rowStarts[^1];
        A = new double[checked(rows * Cols)];
        B = new double[rows];
        W = new double[rows];
    }

    public int Count => RowStarts.Length - 1;

    public int[] RowStarts { get; }

    public double[] A { get; }

    public double[] B { get; }

    public double[] W { get; }

    /// <summary>Builds every particle's rows, the particles split over all cores.</summary>
    public static Patches Build(PointCloud cloud, Particles particles)
    {
        var rowStarts = new int[particles.Count + 1];
        for (int k = 0; k < particles.Count; k++)
        {
            rowStarts[k + 1] = checked(rowStarts[k] + particles.Neighbours[k]);
        }

        var patches = new Patches(rowStarts);
        Parallel.For(
            0,
            particles.Count,
            () => new Scratch(4 * Particles.MaxNeighbours),
            (k, _, scratch) => patches.Fill(k, cloud, particles, scratch),
            _ => { });
        return patches;
    }

    private Scratch Fill(int k, PointCloud cloud, Particles particles, Scratch scratch)
    {
        double x = particles.X[k], y = particles.Y[k];
        int n = particles.Neighbours[k];

        // A disc expected to hold about 1.5 n points; widened until it holds n, buffers grown if it holds too many.
        double radius = 1.25 * Math.Sqrt(n / (Math.PI * cloud.Count));
        int found;
        while ((found = cloud.Within(x, y, radius, scratch.Found, scratch.Distances)) < n)
        {
            if (found < 0)
            {
                scratch = new Scratch(2 * scratch.Found.Length);
            }
            else
            {
                radius *= 1.25;
            }
        }

        Span<double> distances = scratch.Distances.AsSpan(0, found);
        Span<int> nearest = scratch.Found.AsSpan(0, found);
        distances.Sort(nearest);
        double support = Math.Sqrt(distances[n - 1]);
        for (int r = 0; r < n; r++)
        {
            int i = nearest[r];
            int row = RowStarts[k] + r;
            double u = (cloud.X[i] - x) / support, v = (cloud.Y[i] - y) / support;
            Span<double> a = A.AsSpan(row * Cols, Cols);
            a[0] = 1;
            a[1] = u;
            a[2] = v;
            a[3] = u * u;
            a[4] = u * v;
            a[5] = v * v;
            B[row] = cloud.Z[i];
            W[row] = Math.Exp(-4 * (u * u + v * v));
        }

        return scratch;
    }

    private sealed class Scratch(int capacity)
    {
        public int[] Found { get; } = new int[capacity];

        public double[] Distances { get; } = new double[capacity];
    }
}
