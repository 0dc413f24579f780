namespace Specialized.Analyzers.Tests;

/// <summary>Kalman filters: small fixed-size updates, many steps, banks of filters.</summary>
internal static partial class AccuracyCorpus
{
    private static readonly Snippet[] Kalman =
    [
        new("kalman: buffers reused across steps", """
            static class Kalman
            {
                public static int Run(double[] p, double[] r, double[][] measurements, int n)
                {
                    var s = new double[n * n];
                    var k = new double[n];
                    int rejected = 0;
                    foreach (double[] z in measurements)
                    {
                        p.AsSpan(0, n * n).CopyTo(s);
                        for (int i = 0; i < n; i++)
                        {
                            s[(i * n) + i] += r[i];
                            k[i] = z[i];
                        }

                        if (!Spd.Solve(s, k, n))
                        {
                            rejected++;
                        }
                    }

                    return rejected;
                }
            }
            """),
        new("kalman: innovation covariance allocated per step", """
            static class Kalman
            {
                public static void Run(double[] p, double[][] measurements, int n)
                {
                    foreach (double[] z in measurements)
                    {
                        var s = {|SPD0101:new double[n * n]|};
                        var k = (double[]){|SPD0101:z.Clone()|};
                        p.AsSpan(0, n * n).CopyTo(s);
                        if (!Spd.Solve(s, k, n))
                        {
                            return;
                        }
                    }
                }
            }
            """),
        new("kalman: update result ignored", """
            static class Kalman
            {
                public static void Update(double[] s, double[] k, int n)
                {
                    {|SPD0301:Spd.Solve(s, k, n)|};
                }
            }
            """),
        new("kalman: fixed 4-state filter on the stack", """
            static class Kalman4
            {
                const int N = 4;

                public static bool Step(ReadOnlySpan<double> p, ReadOnlySpan<double> z)
                {
                    Span<double> s = stackalloc double[N * N];
                    Span<double> k = stackalloc double[N];
                    p.Slice(0, N * N).CopyTo(s);
                    z.Slice(0, N).CopyTo(k);
                    return Spd.Solve(s, k, N);
                }
            }
            """),
        new("kalman: stack buffer sized for 3 states, solved for 4", """
            static class Kalman4
            {
                public static bool Step(ReadOnlySpan<double> p)
                {
                    Span<double> s = stackalloc double[12];
                    Span<double> k = stackalloc double[4];
                    p.Slice(0, 12).CopyTo(s);
                    return Spd.Solve({|SPD0203:s|}, k, 4);
                }
            }
            """),
        new("kalman: 24-state filter above MaxN", """
            static class Kalman24
            {
                public static bool Step(double[] p, double[] z)
                {
                    var s = new double[24 * 24];
                    var k = new double[24];
                    p.AsSpan(0, s.Length).CopyTo(s);
                    z.AsSpan(0, 24).CopyTo(k);
                    return Spd.Solve(s, k, {|SPD0204:24|});
                }
            }
            """),
        new("kalman: covariance kept as rows, flattened every step", """
            static class Kalman
            {
                public static int Run(double[][] p, double[][] zs, int n)
                {
                    var s = new double[n * n];
                    var k = new double[n];
                    int bad = 0;
                    foreach (double[] z in zs)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            for (int j = 0; j < n; j++)
                            {
                                s[(i * n) + j] = p[i][j];
                            }
                        }

                        z.AsSpan(0, n).CopyTo(k);
                        if (!Spd.Solve({|SPD0201:s|}, k, n))
                        {
                            bad++;
                        }
                    }

                    return bad;
                }
            }
            """),
        new("kalman bank: each element of the jagged array is one whole matrix (foreach)", """
            static class Filters
            {
                public static int Check(double[][] covariances, int n)
                {
                    var a = new double[n * n];
                    var b = new double[n];
                    var x = new double[n];
                    int failed = 0;
                    foreach (var c in covariances)
                    {
                        c.CopyTo(a, 0);
                        b.AsSpan().Fill(1);
                        if (!Spd.Solve(a, b, x, n).Success)
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("kalman bank: one whole matrix per index (for)", """
            static class Filters
            {
                public static int Check(double[][] covariances, double[] b, int n)
                {
                    var a = new double[n * n];
                    var x = new double[n];
                    int failed = 0;
                    for (int k = 0; k < covariances.Length; k++)
                    {
                        covariances[k].CopyTo(a, 0);
                        if (!Spd.Solve(a, b, x, n))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("kalman bank: one whole matrix copied element by element", """
            static class Filters
            {
                public static int Check(double[][] covariances, double[] b, int n)
                {
                    var a = new double[n * n];
                    var x = new double[n];
                    int failed = 0;
                    for (int k = 0; k < covariances.Length; k++)
                    {
                        for (int j = 0; j < n * n; j++)
                        {
                            a[j] = covariances[k][j];
                        }

                        if (!Spd.Solve(a, b, x, n))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("kalman bank: Array.Copy of one whole matrix", """
            static class Filters
            {
                public static int Check(double[][] covariances, double[] b, double[] x, int n)
                {
                    var a = new double[n * n];
                    int failed = 0;
                    for (int k = 0; k < covariances.Length; k++)
                    {
                        Array.Copy(covariances[k], a, n * n);
                        failed += Spd.Solve(a, b, x, n) ? 0 : 1;
                    }

                    return failed;
                }
            }
            """),
        new("kalman bank: span copy of one whole matrix", """
            static class Filters
            {
                public static int Check(double[][] covariances, double[] b, double[] x, int n)
                {
                    var a = new double[n * n];
                    int failed = 0;
                    for (int k = 0; k < covariances.Length; k++)
                    {
                        covariances[k].AsSpan().CopyTo(a);
                        SolveResult result = Spd.Solve(a, b, x, n);
                        failed += result.Success ? 0 : 1;
                    }

                    return failed;
                }
            }
            """),
    ];
}
