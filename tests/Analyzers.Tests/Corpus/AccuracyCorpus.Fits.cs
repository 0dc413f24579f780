namespace Specialized.Analyzers.Tests;

/// <summary>Moving-least-squares patch fits and Gaussian-process hyper-parameter loops.</summary>
internal static partial class AccuracyCorpus
{
    private static readonly Snippet[] Fits =
    [
        new("mls: design matrix reused for every patch", """
            static class Mls
            {
                public static int FitAll(double[] points, int patches, int rows, double[] coefficients)
                {
                    var a = new double[rows * 6];
                    var b = new double[rows];
                    int failed = 0;
                    for (int p = 0; p < patches; p++)
                    {
                        for (int r = 0; r < rows; r++)
                        {
                            int at = ((p * rows) + r) * 3;
                            double x = points[at], y = points[at + 1];
                            int o = r * 6;
                            a[o] = 1;
                            a[o + 1] = x;
                            a[o + 2] = y;
                            a[o + 3] = x * x;
                            a[o + 4] = x * y;
                            a[o + 5] = y * y;
                            b[r] = points[at + 2];
                        }

                        if (!Spd.Fit(a, b, coefficients.AsSpan(p * 6, 6), rows, 6))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("mls: design matrix allocated per patch", """
            static class Mls
            {
                public static void FitAll(double[] heights, int patches, int rows, double[] coefficients)
                {
                    for (int p = 0; p < patches; p++)
                    {
                        var a = {|SPD0101:new double[rows * 6]|};
                        for (int r = 0; r < rows; r++)
                        {
                            a[r * 6] = 1;
                        }

                        if (!Spd.Fit(a, heights.AsSpan(p * rows, rows), coefficients.AsSpan(p * 6, 6), rows, 6))
                        {
                            coefficients.AsSpan(p * 6, 6).Clear();
                        }
                    }
                }
            }
            """),
        new("mls: design rows kept in a list and flattened by LINQ", """
            using System.Collections.Generic;
            using System.Linq;

            static class Mls
            {
                public static SolveResult FitPatch(List<double[]> designRows, double[] heights, double[] x) =>
                    Spd.Fit({|SPD0201:designRows.SelectMany(r => r).ToArray()|}, heights, x, designRows.Count, 6);
            }
            """),
        new("mls: weighted fit with weights computed in place", """
            static class Mls
            {
                public static int FitAll(double[] a, double[] heights, double[] distances, double[] x, int patches, int rows)
                {
                    var w = new double[rows];
                    int failed = 0;
                    for (int p = 0; p < patches; p++)
                    {
                        for (int r = 0; r < rows; r++)
                        {
                            double d = distances[(p * rows) + r];
                            w[r] = Math.Exp(-d * d);
                        }

                        var result = Spd.FitWeighted(a.AsSpan(p * rows * 6, rows * 6), heights.AsSpan(p * rows, rows), w, x.AsSpan(p * 6, 6), rows, 6);
                        if (!result.Success)
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("mls: cubic patch with 10 columns above MaxCols", """
            static class Mls
            {
                public static SolveResult Cubic(double[] a, double[] b, double[] x, int rows) => Spd.Fit(a, b, x, rows, {|SPD0204:10|});
            }
            """),
        new("mls: solution buffer shorter than the columns", """
            static class Mls
            {
                public static SolveResult Fit(double[] a, double[] b, int rows)
                {
                    var x = new double[3];
                    return Spd.Fit(a, b, {|SPD0203:x|}, rows, 6);
                }
            }
            """),
        new("mls: weighted fit result dropped", """
            static class Mls
            {
                public static void Fit(double[] a, double[] b, double[] w, double[] x, int rows)
                {
                    {|SPD0301:Spd.FitWeighted(a, b, w, x, rows, 6)|};
                }
            }
            """),
        new("mls: rows of each patch copied by row index", """
            static class Mls
            {
                public static int FitAll(double[][][] patches, double[][] heights, double[] x)
                {
                    var a = new double[64 * 6];
                    int failed = 0;
                    for (int p = 0; p < patches.Length; p++)
                    {
                        double[][] rows = patches[p];
                        for (int r = 0; r < rows.Length; r++)
                        {
                            Array.Copy(rows[r], 0, a, r * 6, 6);
                        }

                        if (!Spd.Fit({|SPD0201:a.AsSpan(0, rows.Length * 6)|}, heights[p], x, rows.Length, 6))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("mls: rows of each patch appended with a running offset", """
            static class Mls
            {
                public static int FitAll(double[][][] patches, double[][] heights, double[] x)
                {
                    var a = new double[64 * 6];
                    int failed = 0;
                    foreach (double[][] rows in patches)
                    {
                        int o = 0;
                        foreach (double[] row in rows)
                        {
                            row.AsSpan(0, 6).CopyTo(a.AsSpan(o));
                            o += 6;
                        }

                        if (!Spd.Fit({|SPD0201:a.AsSpan(0, o)|}, heights[failed], x, rows.Length, 6))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("gp: kernel matrix refilled for each length scale", """
            static class Gp
            {
                public static double Best(double[] xs, double[] ys, double[] lengthScales)
                {
                    int n = xs.Length;
                    var k = new double[n * n];
                    var alpha = new double[n];
                    double best = double.NegativeInfinity;
                    foreach (double l in lengthScales)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            for (int j = 0; j < n; j++)
                            {
                                double d = xs[i] - xs[j];
                                k[(i * n) + j] = Math.Exp(-0.5 * d * d / (l * l)) + (i == j ? 1e-6 : 0);
                            }
                        }

                        if (!Spd.Factor(k, n))
                        {
                            continue;
                        }

                        ys.CopyTo(alpha, 0);
                        Spd.SolveFactored(k, alpha, n);
                        double fit = 0;
                        for (int i = 0; i < n; i++)
                        {
                            fit -= 0.5 * ys[i] * alpha[i];
                        }

                        best = Math.Max(best, fit);
                    }

                    return best;
                }
            }
            """),
        new("gp: kernel matrix allocated per length scale", """
            static class Gp
            {
                public static int Count(double[] xs, double[] lengthScales)
                {
                    int n = xs.Length, ok = 0;
                    foreach (double l in lengthScales)
                    {
                        var k = {|SPD0101:new double[n * n]|};
                        for (int i = 0; i < n; i++)
                        {
                            k[(i * n) + i] = 1 + l;
                        }

                        if (Spd.Factor(k, n))
                        {
                            ok++;
                        }
                    }

                    return ok;
                }
            }
            """),
        new("gp: targets copied by LINQ for every hyper-parameter", """
            using System.Linq;

            static class Gp
            {
                public static double Sum(double[] factor, double[] ys, int n, int trials)
                {
                    double sum = 0;
                    for (int t = 0; t < trials; t++)
                    {
                        double[] alpha = {|SPD0101:ys.ToArray()|};
                        Spd.SolveFactored(factor, alpha, n);
                        sum += alpha[0];
                    }

                    return sum;
                }
            }
            """),
        new("gp: factorization result ignored", """
            static class Gp
            {
                public static void Prepare(double[] k, int n)
                {
                    {|SPD0301:Spd.Factor(k, n)|};
                }
            }
            """),
        new("gp: kernel built as rows and flattened for every length scale", """
            using System.Linq;

            static class Gp
            {
                public static int Count(double[][] kernel, double[] scales, int n)
                {
                    int failed = 0;
                    foreach (double l in scales)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            for (int j = 0; j < n; j++)
                            {
                                kernel[i][j] = Math.Exp(-Math.Abs(i - j) / l);
                            }
                        }

                        double[] flat = {|SPD0101:kernel.SelectMany(row => row).ToArray()|};
                        if (!Spd.Factor({|SPD0201:flat|}, n))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("gp: inverse into a buffer too short", """
            static class Gp
            {
                public static bool Covariance(double[] k)
                {
                    var inverse = new double[9];
                    return Spd.Invert(k, {|SPD0203:inverse|}, 4);
                }
            }
            """),
        new("gp: hyper-parameters in parallel with thread-local buffers", """
            using System.Threading.Tasks;

            static class Gp
            {
                public static void Evaluate(double[] xs, double[] scales, double[] scores)
                {
                    int n = xs.Length;
                    Parallel.For(0, scales.Length, () => new double[(n * n) + n], (s, _, buffer) =>
                    {
                        Span<double> k = buffer.AsSpan(0, n * n);
                        Span<double> y = buffer.AsSpan(n * n, n);
                        for (int i = 0; i < n; i++)
                        {
                            k[(i * n) + i] = 1 + scales[s];
                            y[i] = xs[i];
                        }

                        scores[s] = Spd.Solve(k, y, n) ? y[0] : double.NaN;
                        return buffer;
                    }, _ => { });
                }
            }
            """),
    ];
}
