using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0301: a solver's bool or SolveResult dropped by an expression statement.</summary>
public class IgnoredResultTests
{
    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);

            [SpdFactor]
            public static partial SolveResult Factor(Span<double> a, int n);

            [SpdSolve]
            public static partial void Solve(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);
        }
        """;

    [Fact]
    public Task Ignored_results() => Verify.DiagnosticsAsync(Solvers, """
        using System.Threading.Tasks;

        static class Use
        {
            static void Run(double[] a, double[] b, int n)
            {
                {|SPD0301:Fits.Solve(a, b, n)|};
                {|SPD0301:Fits.Factor(a, n)|};
                {|SPD0301:Cholesky.Solve(a, b, n)|};
                if (n > 2) {|SPD0301:Fits.Solve(a, b, n)|};
                Parallel.For(0, 4, i => {|SPD0301:Fits.Solve(a, b, n)|});
            }
        }
        """);

    [Fact]
    public Task Used_discarded_or_void_results() => Verify.NoDiagnosticsAsync(Solvers, """
        static class Use
        {
            static bool Run(double[] a, double[] b, int n)
            {
                _ = Fits.Solve(a, b, n);
                Fits.Solve(a, b, n, 1);
                Cholesky.SolveFactored(a, b, n);
                SolveResult result = Fits.Factor(a, n);
                if (!Fits.Solve(a, b, n))
                {
                    return false;
                }

                return result.Success && Cholesky.Factor(a, n);
            }
        }
        """);
}
