using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace Specialized.Benchmarks;

/// <summary>
/// The correctness guard of a benchmark's GlobalSetup: every solver runs once over the batch and
/// its x is compared with the runtime fallback's, so a wrong peer (or a wrong generated solver)
/// throws instead of being timed.
/// </summary>
public static class SolveGuard
{
    /// <summary>
    /// Largest accepted max|x − x_ref| / max|x_ref| per system. The batches are well conditioned
    /// (cond(A) ≤ 1 + n, see <see cref="SpdBatch{T}"/>): correct solvers agree to
    /// ~1e-15 in double and ~1e-6 in float (seen up to n = 32); a wrong one is off by far more.
    /// </summary>
    public static double Tolerance<T>() => typeof(T) == typeof(float) ? 1e-3 : 1e-8;

    /// <summary>
    /// Runs <paramref name="reference"/>, then each of <paramref name="solvers"/>, over
    /// <paramref name="batch"/>; throws when a solver reports failure or any system's x differs
    /// from the reference by more than <see cref="Tolerance{T}"/>. Prints one line with the
    /// worst relative difference of each solver (BenchmarkDotNet puts it in the log).
    /// </summary>
    public static void Check<T>(string benchmark, SpdBatch<T> batch, Func<bool> reference, IEnumerable<(string Name, Func<bool> Solve)> solvers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = batch.N;
        batch.X.AsSpan().Fill(T.NaN);
        if (!reference())
        {
            throw new InvalidOperationException($"{benchmark} N={n}: the fallback reports a matrix that is not positive definite");
        }

        T[] expected = (T[])batch.X.Clone();
        double tolerance = Tolerance<T>();
        var report = new List<string>();
        foreach (var (name, solve) in solvers)
        {
            batch.X.AsSpan().Fill(T.NaN);
            if (!solve())
            {
                throw new InvalidOperationException($"{benchmark} N={n}: {name} reports failure on an SPD batch");
            }

            double worst = 0;
            int worstSystem = 0;
            for (int k = 0; k < batch.Count; k++)
            {
                double diff = 0, scale = 0;
                for (int i = k * n; i < (k + 1) * n; i++)
                {
                    double e = double.CreateTruncating(expected[i]);
                    double d = Math.Abs(double.CreateTruncating(batch.X[i]) - e);
                    diff = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(diff, d);
                    scale = Math.Max(scale, Math.Abs(e));
                }

                double relative = diff / Math.Max(scale, double.Epsilon);
                if (!(relative <= worst))
                {
                    worst = relative;
                    worstSystem = k;
                }
            }

            if (!(worst <= tolerance))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{benchmark} N={n}: {name} disagrees with the fallback: system {worstSystem}, max|x - x_ref| / max|x_ref| = {worst:G3} > {tolerance:G3}"));
            }

            report.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {worst:G2}"));
        }

        Console.WriteLine($"// Guard {benchmark} N={n}: worst relative difference from the fallback: {(report.Count == 0 ? "(nothing to compare)" : string.Join(", ", report))}");
    }

    /// <summary>The guard entries for <paramref name="instance"/>'s benchmark methods whose peers are available.</summary>
    public static IEnumerable<(string Name, Func<bool> Solve)> AvailableSolvers(object instance, int n, params string[] methods) =>
        methods.Select(name => instance.GetType().GetMethod(name)!)
            .Where(m => PeerProbe.Runs(m, n))
            .Select(m => (m.Name, (Func<bool>)m.CreateDelegate(typeof(Func<bool>), instance)));
}
