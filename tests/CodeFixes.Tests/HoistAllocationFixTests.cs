using System.Threading.Tasks;

namespace Specialized.CodeFixes.Tests;

/// <summary>SPD0101's fixes: allocate once before the loop (on the heap, or on the stack for a small constant size).</summary>
public class HoistAllocationFixTests
{
    private const string Hoist = "Allocate once before the loop";
    private const string OnStack = "Allocate once on the stack before the loop";

    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve(MaxN = 16)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """;

    [Fact]
    public Task Hoists_and_clears() => VerifyFix.FixAsync("SPD0101", Hoist, """
        static class Use
        {
            static void Run(double[][] systems, int n)
            {
                var b = new double[] { 1, 2, 3 };
                foreach (double[] system in systems)
                {
                    double[] a = [|new double[n * n]|];
                    system.AsSpan(0, n * n).CopyTo(a);
                    if (!Fits.Solve(a, b, n))
                    {
                        return;
                    }
                }
            }
        }
        """, """
        static class Use
        {
            static void Run(double[][] systems, int n)
            {
                var b = new double[] { 1, 2, 3 };
                double[] a = new double[n * n];
                foreach (double[] system in systems)
                {
                    Array.Clear(a);
                    system.AsSpan(0, n * n).CopyTo(a);
                    if (!Fits.Solve(a, b, n))
                    {
                        return;
                    }
                }
            }
        }
        """, Solvers);

    [Fact]
    public Task Moves_a_small_constant_buffer_to_the_stack() => VerifyFix.FixAsync("SPD0101", OnStack, """
        static class Use
        {
            const int N = 4;

            static double Run(int count)
            {
                double sum = 0;
                var b = new double[N];
                for (int i = 0; i < count; i++)
                {
                    var a = [|new double[N * N]|];
                    for (int k = 0; k < a.Length; k += N + 1)
                    {
                        a[k] = i + 1;
                    }

                    _ = Fits.Solve(a, b, N);
                    sum += b[0];
                }

                return sum;
            }
        }
        """, """
        static class Use
        {
            const int N = 4;

            static double Run(int count)
            {
                double sum = 0;
                var b = new double[N];
                Span<double> a = stackalloc double[N * N];
                for (int i = 0; i < count; i++)
                {
                    a.Clear();
                    for (int k = 0; k < a.Length; k += N + 1)
                    {
                        a[k] = i + 1;
                    }

                    _ = Fits.Solve(a, b, N);
                    sum += b[0];
                }

                return sum;
            }
        }
        """, Solvers);

    private const string SmallIndexedBuffer = """
        static class Use
        {
            static void Run(int count)
            {
                var a = new double[16];
                while (count-- > 0)
                {
                    var b = [|new double[4]|];
                    b[0] = count;
                    _ = Fits.Solve(a, b, 4);
                }
            }
        }
        """;

    [Fact]
    public Task Both_fixes_for_a_small_constant_size_that_is_only_indexed_first_the_heap() => VerifyFix.FixAsync("SPD0101", Hoist, [SmallIndexedBuffer, Solvers], [
        """
        static class Use
        {
            static void Run(int count)
            {
                var a = new double[16];
                var b = new double[4];
                while (count-- > 0)
                {
                    Array.Clear(b);
                    b[0] = count;
                    _ = Fits.Solve(a, b, 4);
                }
            }
        }
        """, null], index: 0);

    [Fact]
    public Task Both_fixes_for_a_small_constant_size_that_is_only_indexed_then_the_stack() => VerifyFix.FixAsync("SPD0101", OnStack, [SmallIndexedBuffer, Solvers], [
        """
        static class Use
        {
            static void Run(int count)
            {
                var a = new double[16];
                Span<double> b = stackalloc double[4];
                while (count-- > 0)
                {
                    b.Clear();
                    b[0] = count;
                    _ = Fits.Solve(a, b, 4);
                }
            }
        }
        """, null], index: 1);

    [Theory]
    [InlineData("var a = [|new double[n * n]|]; n++;")]
    [InlineData("var a = [|new double[Size()]|];")]
    [InlineData("var a = [|new double[16]|]; kept.Add(a);")]
    [InlineData("var a = [|new double[16]|]; Action show = () => Console.WriteLine(a[0]);")]
    [InlineData("var a = [|new double[16]|]; a = {|SPD0101:new double[16]|};")]
    [InlineData("double[] a = [|new double[16]|], c = a;")]
    public Task No_fix_when_the_array_or_its_size_belongs_to_the_iteration(string declaration) => VerifyFix.NoFixAsync("SPD0101", $$"""
        using System.Collections.Generic;

        static class Use
        {
            static int Size() => 16;

            static void Run(int n, List<double[]> kept)
            {
                for (int i = 0; i < 10; i++)
                {
                    {{declaration}}
                    _ = Fits.Solve(a, stackalloc double[4], 4);
                }
            }
        }
        """, Solvers);

    [Fact]
    public Task No_fix_in_a_parallel_body_or_when_the_name_is_taken() => VerifyFix.NoFixAsync("SPD0101", """
        using System.Threading.Tasks;

        static class Use
        {
            static void Run(int n)
            {
                Parallel.For(0, 10, i =>
                {
                    var a = [|new double[n * n]|];
                    _ = Fits.Solve(a, stackalloc double[4], n);
                });
                for (int i = 0; i < 10; i++)
                {
                    var a = {|SPD0101:new double[n * n]|};
                    _ = Fits.Solve(a, stackalloc double[4], n);
                }
            }
        }
        """, Solvers);
}
