namespace Specialized.Analyzers.Tests;

/// <summary>Parallel loops, pooled buffers and spans over one big array.</summary>
internal static partial class AccuracyCorpus
{
    private static readonly Snippet[] Buffers =
    [
        new("parallel: buffers allocated in the body", """
            using System.Threading.Tasks;

            static class Batch
            {
                public static void Run(double[][] systems, double[][] rhs, bool[] ok, int n)
                {
                    Parallel.For(0, systems.Length, i =>
                    {
                        var a = {|SPD0101:new double[n * n]|};
                        var b = {|SPD0101:new double[n]|};
                        systems[i].AsSpan(0, n * n).CopyTo(a);
                        rhs[i].AsSpan(0, n).CopyTo(b);
                        ok[i] = Spd.Solve(a, b, n);
                    });
                }
            }
            """),
        new("parallel: ThreadLocal scratch buffers", """
            using System.Threading;
            using System.Threading.Tasks;

            static class Batch
            {
                static readonly ThreadLocal<double[]> Scratch = new(() => new double[16 * 17]);

                public static void Run(double[][] systems, bool[] ok, int n)
                {
                    Parallel.For(0, systems.Length, i =>
                    {
                        double[] buffer = Scratch.Value!;
                        Span<double> a = buffer.AsSpan(0, n * n), b = buffer.AsSpan(n * n, n);
                        systems[i].AsSpan(0, n * n).CopyTo(a);
                        b.Fill(1);
                        ok[i] = Spd.Solve(a, b, n);
                    });
                }
            }
            """),
        new("parallel: one buffer per range partition", """
            using System.Collections.Concurrent;
            using System.Threading.Tasks;

            static class Batch
            {
                public static void Run(double[] matrices, double[] rhs, bool[] ok, int n)
                {
                    Parallel.ForEach(Partitioner.Create(0, ok.Length), range =>
                    {
                        var a = new double[n * n];
                        var b = new double[n];
                        for (int s = range.Item1; s < range.Item2; s++)
                        {
                            matrices.AsSpan(s * n * n, n * n).CopyTo(a);
                            rhs.AsSpan(s * n, n).CopyTo(b);
                            ok[s] = Spd.Solve(a, b, n);
                        }
                    });
                }
            }
            """),
        new("parallel: result of a slice solve ignored", """
            using System.Threading.Tasks;

            static class Batch
            {
                public static void Run(double[] a, double[] b, int count)
                {
                    Parallel.For(0, count, i =>
                    {
                        {|SPD0301:Spd.Solve(a.AsSpan(i * 16, 16), b.AsSpan(i * 4, 4), 4)|};
                    });
                }
            }
            """),
        new("parallel: whole systems packed into a batch", """
            static class Batch
            {
                public static int Run(double[][] systems, double[] rhs, double[] x, int n)
                {
                    var packed = new double[systems.Length * n * n];
                    var results = new SolveResult[systems.Length];
                    for (int s = 0; s < systems.Length; s++)
                    {
                        systems[s].CopyTo(packed, s * n * n);
                    }

                    Spd.SolveBatch(packed, rhs, x, results, n);
                    int failed = 0;
                    foreach (SolveResult r in results)
                    {
                        failed += r.Success ? 0 : 1;
                    }

                    return failed;
                }
            }
            """),
        new("parallel: MaxDegreeOfParallelism options made per call, buffers per worker", """
            using System.Threading.Tasks;

            static class Batch
            {
                public static void Run(double[] matrices, bool[] ok, int n, int workers)
                {
                    var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
                    Parallel.For(0, ok.Length, options, () => new double[n * n + n], (s, _, scratch) =>
                    {
                        matrices.AsSpan(s * n * n, n * n).CopyTo(scratch);
                        scratch.AsSpan(n * n, n).Fill(1);
                        ok[s] = Spd.Solve(scratch.AsSpan(0, n * n), scratch.AsSpan(n * n, n), n);
                        return scratch;
                    }, _ => { });
                }
            }
            """),
        new("pool: rented once, returned in finally", """
            using System.Buffers;

            static class Pooled
            {
                public static int Run(double[] matrices, double[] rhs, int count, int n)
                {
                    double[] a = ArrayPool<double>.Shared.Rent(n * n);
                    double[] b = ArrayPool<double>.Shared.Rent(n);
                    try
                    {
                        int failed = 0;
                        for (int s = 0; s < count; s++)
                        {
                            matrices.AsSpan(s * n * n, n * n).CopyTo(a);
                            rhs.AsSpan(s * n, n).CopyTo(b);
                            if (!Spd.Solve(a.AsSpan(0, n * n), b.AsSpan(0, n), n))
                            {
                                failed++;
                            }
                        }

                        return failed;
                    }
                    finally
                    {
                        ArrayPool<double>.Shared.Return(a);
                        ArrayPool<double>.Shared.Return(b);
                    }
                }
            }
            """),
        new("pool: rented and returned on every iteration", """
            using System.Buffers;

            static class Pooled
            {
                public static int Run(double[] matrices, double[] rhs, int count, int n)
                {
                    int failed = 0;
                    for (int s = 0; s < count; s++)
                    {
                        double[] a = ArrayPool<double>.Shared.Rent(n * n);
                        matrices.AsSpan(s * n * n, n * n).CopyTo(a);
                        failed += Spd.Solve(a.AsSpan(0, n * n), rhs.AsSpan(s * n, n), n) ? 0 : 1;
                        ArrayPool<double>.Shared.Return(a);
                    }

                    return failed;
                }
            }
            """),
        new("pool: rows copied into a rented buffer on every call", """
            using System.Buffers;

            static class Pooled
            {
                public static bool Solve(double[][] rows, double[] b)
                {
                    int n = rows.Length;
                    double[] a = ArrayPool<double>.Shared.Rent(n * n);
                    try
                    {
                        for (int i = 0; i < n; i++)
                        {
                            rows[i].CopyTo(a, i * n);
                        }

                        return Spd.Solve({|SPD0201:a.AsSpan(0, n * n)|}, b, n);
                    }
                    finally
                    {
                        ArrayPool<double>.Shared.Return(a);
                    }
                }
            }
            """),
        new("pool: rented buffer copied out with ToArray in the loop", """
            using System.Buffers;

            static class Pooled
            {
                public static double Run(double[] rhs, int count, int n)
                {
                    double[] a = ArrayPool<double>.Shared.Rent(n * n);
                    double sum = 0;
                    for (int s = 0; s < count; s++)
                    {
                        double[] b = {|SPD0101:rhs.AsSpan(s * n, n).ToArray()|};
                        if (Spd.Solve(a.AsSpan(0, n * n), b, n))
                        {
                            sum += b[0];
                        }
                    }

                    ArrayPool<double>.Shared.Return(a);
                    return sum;
                }
            }
            """),
        new("pool: rented length unknown at compile time", """
            using System.Buffers;

            static class Pooled
            {
                public static bool Solve4(double[] b)
                {
                    double[] a = ArrayPool<double>.Shared.Rent(9);
                    bool ok = Spd.Solve(a, b, 4);
                    ArrayPool<double>.Shared.Return(a);
                    return ok;
                }
            }
            """),
        new("pool: factor result dropped", """
            using System.Buffers;

            static class Pooled
            {
                public static void Factor(int n)
                {
                    double[] a = ArrayPool<double>.Shared.Rent(n * n);
                    {|SPD0301:Spd.Factor(a.AsSpan(0, n * n), n)|};
                    ArrayPool<double>.Shared.Return(a);
                }
            }
            """),
        new("spans: systems sliced out of one big array", """
            static class Big
            {
                public static int Run(double[] all, double[] rhs, int count, int n)
                {
                    int failed = 0;
                    for (int s = 0; s < count; s++)
                    {
                        Span<double> a = all.AsSpan(s * n * n, n * n);
                        Span<double> b = rhs.AsSpan(s * n, n);
                        if (!Spd.Solve(a, b, n))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("spans: Memory slices of one store", """
            static class Big
            {
                public static int Run(Memory<double> store, Memory<double> rhs, int count, int n)
                {
                    int failed = 0;
                    for (int s = 0; s < count; s++)
                    {
                        Memory<double> block = store.Slice(s * n * n, n * n);
                        failed += Spd.Solve(block.Span, rhs.Span.Slice(s * n, n), n) ? 0 : 1;
                    }

                    return failed;
                }
            }
            """),
        new("spans: column-major store solved column-major", """
            class Store
            {
                [MatrixLayout(MatrixLayout.ColumnMajor)]
                public double[] Blocks = new double[64 * 100];

                public int SolveAll(double[] b, double[] x)
                {
                    int failed = 0;
                    for (int s = 0; s < 100; s++)
                    {
                        if (!Spd.SolveColumns(Blocks.AsSpan(s * 64, 64), b.AsSpan(s * 8, 8), x.AsSpan(s * 8, 8), 8))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("spans: row-major store given to a column-major solver", """
            class Store
            {
                [MatrixLayout(MatrixLayout.RowMajor)]
                public double[] Blocks = new double[64 * 100];

                public int SolveAll(double[] b, double[] x)
                {
                    int failed = 0;
                    for (int s = 0; s < 100; s++)
                    {
                        if (!Spd.SolveColumns({|SPD0202:Blocks.AsSpan(s * 64, 64)|}, b.AsSpan(s * 8, 8), x.AsSpan(s * 8, 8), 8))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("spans: work area on the stack too short for n = 5", """
            static class Big
            {
                public static bool Solve5(ReadOnlySpan<double> source, Span<double> b)
                {
                    Span<double> work = stackalloc double[20];
                    source.Slice(0, 20).CopyTo(work);
                    return Spd.Solve({|SPD0203:work|}, b, 5);
                }
            }
            """),
        new("spans: n = 9 on a column solver with MaxN = 8", """
            static class Big
            {
                public static SolveResult Solve9(double[] a, double[] b, double[] x) => Spd.SolveColumns(a, b, x, {|SPD0204:9|});
            }
            """),
    ];
}
