using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0204: a constant n (cols) above MaxN (MaxCols). [LeastSquares] is not generated yet (SPD0002), but its calls are checked.</summary>
public class SizeAboveMaxNTests
{
    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve(MaxN = 6)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);

            [SpdInverse]
            public static partial bool Invert(ReadOnlySpan<double> a, Span<double> inverse, int n);

            [LeastSquares(MaxCols = 4)]
            public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);
        }
        """;

    [Fact]
    public Task Constants_above_the_limit() => Verify.DiagnosticsAsync(Solvers, """
        static class Use
        {
            const int Order = 12;

            static void Run(double[] a, double[] b, double[] x)
            {
                _ = Fits.Solve(a, b, {|SPD0204:7|});
                _ = Fits.Solve(a, b, {|SPD0204:Order|});
                _ = Fits.Invert(a, x, {|SPD0204:9|});
                _ = Fits.Fit(a, b, x, 100, {|SPD0204:5|});
            }
        }
        """);

    [Fact]
    public Task Limits_variables_and_the_runtime() => Verify.NoDiagnosticsAsync(Solvers, """
        static class Use
        {
            static void Run(double[] a, double[] b, double[] x, int n)
            {
                _ = Fits.Solve(a, b, 6);
                _ = Fits.Solve(a, b, n);
                _ = Fits.Invert(a, x, 8);
                _ = Fits.Fit(a, b, x, 100, 4);
                _ = Cholesky.Solve(a, b, 40);
            }
        }
        """);

    [Fact]
    public async Task Message_names_the_limit()
    {
        var diagnostics = await Verify.AnalyzeAsync(Solvers + "\nstatic class Use { static void Run(double[] a, double[] b, double[] x) => _ = Fits.Fit(a, b, x, 100, 5); }");
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "SPD0204");
        Assert.Equal("cols = 5 is above MaxCols = 4 of 'Fits.Fit': this call always takes the runtime fallback, not the unrolled code", diagnostic.GetMessage());
        Assert.Equal("MaxCols", diagnostic.Properties[SizeAboveMaxNAnalyzer.LimitNameProperty]);
    }
}
