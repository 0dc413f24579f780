using System;
using System.Diagnostics;
using System.IO;
using Specialized;

namespace MovingLeastSquares;

/// <summary>
/// Project particles onto a moving-least-squares surface. Each particle gets its own
/// Gaussian-weighted quadratic patch fitted to its 200..1000 nearest points of a noisy point cloud
/// sampled from a known surface, through the generated weighted <c>[LeastSquares(MaxCols = 6)]</c>
/// method; the patch's height above the particle is where the particle lands. Times the fits on
/// one thread and on all cores and checks the projected heights against the surface.
/// </summary>
public static class MovingLeastSquaresSample
{
    /// <summary>Particles projected unless told otherwise: the workload's count.</summary>
    public const int DefaultParticles = 10_000;

    /// <summary>Points in the cloud: the 1000 nearest lie within about 0.03 of a particle.</summary>
    public const int CloudPoints = 400_000;

    /// <summary>Standard deviation σ of the cloud's heights around the surface.</summary>
    public const double Noise = 0.002;

    /// <summary>
    /// The projected heights' RMS error must stay below this fraction of σ. A fit to n points with
    /// weights exp(−4r²/R²) averages the noise over n(1 − e⁻⁴)²/(2(1 − e⁻⁸)) ≈ 0.48·n of them (≥ 96
    /// here); fitting six coefficients inflates the constant term's variance a few times, which
    /// leaves about σ/5 for n = 200 and less above, while the surface's own departure from a
    /// quadratic over h = R/2 ≤ 0.015 is ~1e-5, far below σ. Seen here: 0.11 σ. A fit that does not
    /// beat half the noise of a single cloud point is wrong.
    /// </summary>
    public const double RmsBound = 0.5;

    /// <summary>The largest error must stay below this many σ: about 10 standard deviations of an n = 200 fit (seen here: 0.6 σ).</summary>
    public const double MaxBound = 2.0;

    private const int WarmUpFits = 64;

    /// <summary>Runs the sample, writing what it did and how fast to <paramref name="output"/>.</summary>
    /// <param name="particles">Number of particles, at least 1.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="progress">Told the fraction done after each stage, when given.</param>
    /// <exception cref="InvalidOperationException">A check failed: the message says which.</exception>
    public static void Run(int particles, TextWriter output, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(particles, 1);
        output.WriteLine(
            $"Moving least squares: {particles:N0} particles projected onto z = f(x, y), each through a Gaussian-weighted " +
            $"quadratic patch (1, u, v, u², uv, v²) fitted to its {Particles.MinNeighbours}..{Particles.MaxNeighbours} nearest of " +
            $"{CloudPoints:N0} cloud points (height noise σ = {Noise})");

        long t0 = Stopwatch.GetTimestamp();
        var cloud = new PointCloud(CloudPoints, Noise, seed: 4);
        var swarm = new Particles(particles, seed: 44);
        var patches = Patches.Build(cloud, swarm);
        double build = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        int rows = patches.RowStarts[^1];
        double megabytes = rows * (Patches.Cols + 2) * (double)sizeof(double) / 1e6;
        progress?.Report(0.5);

        // The first calls pay for JIT compilation; a short-lived process pays it too, but not per fit.
        var coefficients = new double[particles * Patches.Cols];
        var results = new SolveResult[particles];
        int warmUp = Math.Min(WarmUpFits, particles);
        Fit(patches, patches.RowStarts.AsMemory(0, warmUp + 1), coefficients, results.AsMemory(0, warmUp), threads: 1);

        t0 = Stopwatch.GetTimestamp();
        Fit(patches, patches.RowStarts, coefficients, results, threads: 1);
        double single = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(0.75);

        // All cores: FitBatch hands contiguous runs of particles to the thread pool.
        var parallelCoefficients = new double[coefficients.Length];
        var parallelResults = new SolveResult[particles];
        t0 = Stopwatch.GetTimestamp();
        Fit(patches, patches.RowStarts, parallelCoefficients, parallelResults, Environment.ProcessorCount);
        double parallel = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        progress?.Report(0.9);

        int failed = Array.FindIndex(results, r => !r.Success);
        if (failed >= 0)
        {
            throw new InvalidOperationException($"the fit of particle {failed} failed: {results[failed]}");
        }

        if (!coefficients.AsSpan().SequenceEqual(parallelCoefficients) || !results.AsSpan().SequenceEqual(parallelResults))
        {
            throw new InvalidOperationException("the fits on all cores differ from the fits on one thread");
        }

        double before = 0, sumSquares = 0, worst = 0;
        int worstParticle = 0;
        for (int k = 0; k < particles; k++)
        {
            double truth = Surface.Height(swarm.X[k], swarm.Y[k]);
            double error = Math.Abs(coefficients[k * Patches.Cols] - truth);
            before += (swarm.Z[k] - truth) * (swarm.Z[k] - truth);
            sumSquares += error * error;
            if (!(error <= worst))
            {
                worst = error;
                worstParticle = k;
            }
        }

        double rms = Math.Sqrt(sumSquares / particles);
        progress?.Report(1.0);

        output.WriteLine(
            $"cloud, particles and {rows:N0} weighted rows ({megabytes:F0} MB of A, b and w, {rows / (double)particles:F0} per particle) built in {build:F2} s on all cores");
        output.WriteLine(
            $"fits, one thread: {single * 1e3:F1} ms, {single / particles * 1e6:F2} µs per fit ({megabytes / 1e3 / single:F1} GB/s of A, b, w); " +
            $"all {Environment.ProcessorCount} cores: {parallel * 1e3:F1} ms ({single / parallel:F2}x), same answers bit for bit");
        output.WriteLine(
            $"projected height vs f(x, y): RMS {rms:E2} ({rms / Noise:F3} σ), max {worst:E2} ({worst / Noise:F2} σ, particle {worstParticle}); " +
            $"before projection RMS {Math.Sqrt(before / particles):E2}");
        output.WriteLine($"check: RMS < {RmsBound} σ and max < {MaxBound} σ (the fit must beat the noise of a single cloud point)");
        if (!(rms < RmsBound * Noise) || !(worst < MaxBound * Noise))
        {
            throw new InvalidOperationException($"the projection misses the surface: RMS {rms / Noise:F3} σ, max {worst / Noise:F2} σ");
        }
    }

    private static void Fit(Patches patches, ReadOnlyMemory<int> rowStarts, double[] coefficients, Memory<SolveResult> results, int threads) =>
        LeastSquares.FitBatch<double>(PatchFit.Fit, patches.A, patches.B, patches.W, rowStarts, coefficients, results, Patches.Cols, threads);
}
