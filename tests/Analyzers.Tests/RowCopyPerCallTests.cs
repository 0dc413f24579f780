using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0201: rows of a jagged array or list copied into a contiguous buffer as often as the solver runs.</summary>
public class RowCopyPerCallTests
{
    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve(MaxN = 16)]
            public static partial bool Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
        }
        """;

    [Fact]
    public Task Flattened_on_each_call() => Verify.DiagnosticsAsync(Solvers, """
        using System.Collections.Generic;
        using System.Linq;

        static class Use
        {
            static void Linq(double[][] rows, List<double[]> list, double[] b, double[] x, int n)
            {
                _ = Fits.Solve({|SPD0201:rows.SelectMany(r => r).ToArray()|}, b, x, n);
                var flat = list.SelectMany(r => r).ToArray();
                _ = Fits.Solve({|SPD0201:flat|}, b, x, n);
            }

            static void Loops(double[][] rows, List<double[]> list, double[] b, double[] x, int n)
            {
                var a = new double[n * n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        a[(i * n) + j] = rows[i][j];
                    }
                }

                _ = Fits.Solve({|SPD0201:a|}, b, x, n);

                var c = new double[n * n];
                for (int i = 0; i < n; i++)
                {
                    list[i].CopyTo(c, i * n);
                }

                _ = Fits.Solve({|SPD0201:c|}, b, x, n);

                var d = new double[n * n];
                int k = 0;
                foreach (double[] row in rows)
                {
                    Array.Copy(row, 0, d, k, n);
                    k += n;
                }

                _ = Fits.Solve({|SPD0201:d.AsSpan()|}, b, x, n);
            }

            static void InALoop(double[][][] systems, double[] b, double[] x, int n)
            {
                foreach (double[][] rows in systems)
                {
                    var a = {|SPD0101:new double[n * n]|};
                    for (int i = 0; i < n; i++)
                    {
                        rows[i].AsSpan().CopyTo(a.AsSpan(i * n));
                    }

                    _ = Fits.Solve({|SPD0201:a|}, b, x, n);
                }
            }
        }
        """);

    [Fact]
    public Task Copied_once_for_many_solves_or_not_rows() => Verify.NoDiagnosticsAsync(Solvers, """
        using System.Linq;

        static class Use
        {
            static void Run(double[][] rows, double[] source, double[][] rhs, double[] x, int n)
            {
                var a = rows.SelectMany(r => r).ToArray();
                for (int k = 0; k < rhs.Length; k++)
                {
                    _ = Fits.Solve(a, rhs[k], x, n);
                }

                var copy = new double[n * n];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = source[i];
                }

                _ = Fits.Solve(copy, source, x, n);
                _ = Fits.Solve(source.Select(v => v).ToArray(), source, x, n);
            }
        }
        """);

    [Fact]
    public Task Views_of_the_buffer_and_byte_copies() => Verify.DiagnosticsAsync(Solvers, """
        static class Use
        {
            static void Run(double[][] rows, double[] b, double[] x, int n)
            {
                var a = new double[n * n];
                for (int i = 0; i < n; i++)
                {
                    rows[i].AsSpan().CopyTo(a.AsSpan().Slice(i * n));
                }

                _ = Fits.Solve({|SPD0201:a.AsSpan(0, n * n)|}, b, x, n);

                var c = new double[n * n];
                for (int i = 0; i < n; i++)
                {
                    Buffer.BlockCopy(rows[i], 0, c, i * n * sizeof(double), n * sizeof(double));
                }

                _ = Fits.Solve({|SPD0201:c|}, b, x, n);
            }
        }
        """);

    [Fact]
    public Task Whole_matrices_copied_at_one_offset_are_not_rows() => Verify.NoDiagnosticsAsync(Solvers, """
        static class Use
        {
            static int Run(double[][] matrices, double[] b, double[] x, int n)
            {
                var a = new double[n * n];
                int failed = 0;
                foreach (var m in matrices)
                {
                    m.CopyTo(a, 0);
                    failed += Fits.Solve(a, b, x, n) ? 0 : 1;
                }

                for (int k = 0; k < matrices.Length; k++)
                {
                    matrices[k].AsSpan().CopyTo(a.AsSpan(0));
                    Array.Copy(matrices[k], 0, a, 0, n * n);
                    failed += Fits.Solve(a, b, x, n) ? 0 : 1;
                }

                return failed;
            }
        }
        """);
}
