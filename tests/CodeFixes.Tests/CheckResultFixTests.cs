using System.Threading.Tasks;

namespace Specialized.CodeFixes.Tests;

/// <summary>SPD0301's fix: throw when the solve fails.</summary>
public class CheckResultFixTests
{
    private const string Title = "Throw when the solve fails";

    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """;

    [Fact]
    public Task Statement_in_a_block() => VerifyFix.FixAsync("SPD0301", Title, """
        static class Use
        {
            static void Run(double[] a, double[] b, int n)
            {
                // Solve in place.
                [|Fits.Solve(a, b, n)|];
                Console.WriteLine(b[0]);
            }
        }
        """, """
        static class Use
        {
            static void Run(double[] a, double[] b, int n)
            {
                // Solve in place.
                if (!Fits.Solve(a, b, n))
                {
                    throw new InvalidOperationException("Fits.Solve failed: the matrix is not positive definite.");
                }
                Console.WriteLine(b[0]);
            }
        }
        """, Solvers);

    [Fact]
    public Task SolveResult_of_the_runtime_as_an_embedded_statement() => VerifyFix.FixAsync("SPD0301", Title, """
        static class Use
        {
            static void Run(double[] a, int n)
            {
                if (n > 0)
                    [|Cholesky.Factor(a, n)|];
            }
        }
        """, """
        static class Use
        {
            static void Run(double[] a, int n)
            {
                if (n > 0)
                {
                    if (!Cholesky.Factor(a, n))
                    {
                        throw new InvalidOperationException("Cholesky.Factor failed: the matrix is not positive definite.");
                    }
                }
            }
        }
        """);

    [Fact]
    public Task No_fix_in_an_expression_bodied_lambda() => VerifyFix.NoFixAsync("SPD0301", """
        using System.Threading.Tasks;

        static class Use
        {
            static void Run(double[] a, double[] b, int n) => Parallel.For(0, 4, i => [|Fits.Solve(a, b, n)|]);
        }
        """, Solvers);
}
