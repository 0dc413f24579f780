using System.Linq;
using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0101: allocations on every iteration of a loop or parallel body that calls a solver.</summary>
public class AllocationInSolverLoopTests
{
    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve(MaxN = 16)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }

        """;

    [Theory]
    [InlineData("for (int i = 0; i < count; i++)")]
    [InlineData("foreach (int i in new[] { 1, 2, 3 })")]
    [InlineData("while (count-- > 0)")]
    public Task Array_in_a_loop(string loop) => Verify.DiagnosticsAsync(Solvers, $$"""
        static class Use
        {
            static void Run(int n, int count)
            {
                {{loop}}
                {
                    double[] a = {|SPD0101:new double[n * n]|};
                    double[] b = {|SPD0101:new double[n]|};
                    _ = Fits.Solve(a, b, n);
                }
            }
        }
        """);

    [Fact]
    public Task Do_loop_and_nested_loops_report_each_allocation_once() => Verify.DiagnosticsAsync(Solvers, """
        static class Use
        {
            static void Run(int n, int count)
            {
                do
                {
                    var a = {|SPD0101:new double[n * n]|};
                    for (int k = 0; k < 3; k++)
                    {
                        var b = {|SPD0101:new double[n]|};
                        _ = Fits.Solve(a, b, n);
                        _ = Fits.Solve(a, b, n);
                    }
                }
                while (--count > 0);
            }
        }
        """);

    [Fact]
    public Task Materialization_clone_collections_and_boxing() => Verify.DiagnosticsAsync(Solvers, """
        using System.Collections.Generic;
        using System.Linq;

        static class Use
        {
            static void Run(double[] source, int n)
            {
                for (int i = 0; i < 10; i++)
                {
                    double[] a = {|SPD0101:source.Select(v => v * 2).ToArray()|};
                    double[] b = {|SPD0101:source.AsSpan(0, n).ToArray()|};
                    double[] c = (double[]){|SPD0101:a.Clone()|};
                    var list = {|SPD0101:new List<double>()|};
                    object boxed = {|SPD0101:n|};
                    _ = Fits.Solve(a, b, n);
                }
            }
        }
        """);

    [Fact]
    public Task Parallel_bodies() => Verify.DiagnosticsAsync(Solvers, """
        using System.Threading.Tasks;

        static class Use
        {
            static void Run(int n, int[] items)
            {
                Parallel.For(0, 100, i =>
                {
                    var a = {|SPD0101:new double[n * n]|};
                    var b = {|SPD0101:new double[n]|};
                    _ = Fits.Solve(a, b, n);
                });
                Parallel.ForEach(items, item =>
                {
                    var a = {|SPD0101:new double[item * item]|};
                    _ = Fits.Solve(a, stackalloc double[4], item);
                });
            }
        }
        """);

    [Fact]
    public Task Lambdas_inside_loops_and_loops_inside_lambdas() => Verify.DiagnosticsAsync(Solvers, """
        using System.Collections.Generic;

        static class Use
        {
            static void Run(int n, List<int> sizes)
            {
                for (int i = 0; i < 10; i++)
                {
                    sizes.ForEach(m => _ = Fits.Solve({|SPD0101:new double[m * m]|}, {|SPD0101:new double[m]|}, m));
                }

                Action run = () =>
                {
                    while (n-- > 0)
                    {
                        _ = Fits.Solve({|SPD0101:new double[16]|}, {|SPD0101:new double[4]|}, 4);
                    }
                };
                run();
            }
        }
        """);

    [Fact]
    public Task Runtime_entry_points_count_as_solvers() => Verify.DiagnosticsAsync("""
        static class Use
        {
            static void Run(int n)
            {
                for (int i = 0; i < 10; i++)
                {
                    var a = {|SPD0101:new double[n * n]|};
                    _ = Cholesky.Factor(a, n);
                }
            }
        }
        """);

    [Fact]
    public Task Allocation_outside_the_loop_and_in_its_initializers() => Verify.NoDiagnosticsAsync(Solvers, """
        static class Use
        {
            static void Run(int n, double[][] batches)
            {
                var a = new double[n * n];
                var b = new double[n];
                for (int i = 0, j = new int[1].Length; i < 10; i++)
                {
                    _ = Fits.Solve(a, b, n);
                }

                foreach (var batch in new double[][] { a, b })
                {
                    _ = Fits.Solve(a, batch, n);
                }
            }
        }
        """);

    [Fact]
    public Task Loops_that_call_no_solver_code_that_only_reads_and_throws() => Verify.NoDiagnosticsAsync(Solvers, """
        using System.Collections.Generic;

        static class Use
        {
            static double Run(int n, double[] a, double[] b)
            {
                var results = new List<double[]>();
                for (int i = 0; i < 10; i++)
                {
                    results.Add(new double[n]);
                }

                double sum = 0;
                for (int i = 0; i < 10; i++)
                {
                    sum += a[i] * b[i];
                    if (!Fits.Solve(a, b, n))
                    {
                        throw new InvalidOperationException("Fits.Solve failed: the matrix is not positive definite.");
                    }
                }

                return sum;
            }
        }
        """);

    [Fact]
    public Task Local_functions_run_where_they_are_called() => Verify.NoDiagnosticsAsync(Solvers, """
        static class Use
        {
            static void Run(int n)
            {
                for (int i = 0; i < 10; i++)
                {
                    Once();
                }

                void Once()
                {
                    _ = Fits.Solve(new double[n * n], new double[n], n);
                }
            }
        }
        """);

    private const string AllocatingLoop = """
        static class Use
        {
            static void Run(int n)
            {
                for (int i = 0; i < 10; i++)
                {
                    _ = Fits.Solve(new double[n * n], new double[n], n);
                }
            }
        }
        """;

    [Theory]
    [InlineData("Use.g.cs")]
    [InlineData("Use.generated.cs")]
    [InlineData("Use.Designer.cs")]
    [InlineData("Use.g.i.cs")]
    [InlineData("TemporaryGeneratedFile_Use.cs")]
    public async Task Files_named_as_generated_are_skipped(string file)
    {
        Assert.Empty(await Verify.AnalyzeFilesAsync(("Solvers.cs", Solvers), (file, AllocatingLoop)));
        Assert.Equal(2, (await Verify.AnalyzeFilesAsync(("Solvers.cs", Solvers), ("Use.cs", AllocatingLoop))).Count(d => d.Id == "SPD0101"));
    }

    // Only files are exempt (GeneratedFiles): the attribute alone does not make hand-written code generated.
    [Fact]
    public async Task GeneratedCode_attribute_in_a_hand_written_file_is_analyzed()
    {
        string attributed = "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1\")]\n" + AllocatingLoop;
        Assert.Equal(2, (await Verify.AnalyzeFilesAsync(("Solvers.cs", Solvers), ("Use.cs", attributed))).Count(d => d.Id == "SPD0101"));
    }

    [Fact]
    public Task Generated_code_is_skipped() => Verify.NoDiagnosticsAsync(Solvers, """
        // <auto-generated/>
        static class Use
        {
            static void Run(int n)
            {
                for (int i = 0; i < 10; i++)
                {
                    _ = Fits.Solve(new double[n * n], new double[n], n);
                }
            }
        }
        """);
}
