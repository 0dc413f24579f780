using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>Half-typed solver calls, as the IDE sees them between keystrokes: no call-site analyzer may throw (AD0001).</summary>
public class CallSiteRobustnessTests
{
    [Theory]
    [InlineData("for (;;) { _ = Fits.Solve(new double[], b, ); }")]
    [InlineData("for (int i = 0; i < ; i++) Fits.Solve(a, b")]
    [InlineData("foreach (var r in ) { var c = new double[n * n]; _ = Fits.Solve(c, b, n); }")]
    [InlineData("_ = Fits.Solve(stackalloc double[], stackalloc double[n], 4);")]
    [InlineData("_ = Fits.Solve(stackalloc double[-1], new double[int.MaxValue], 65536);")]
    [InlineData("_ = Fits.Solve(a, b, 1 / 0);")]
    [InlineData("var c = c; _ = Fits.Solve(c, b, 4);")]
    [InlineData("double[] c = a; c = c; c += 1; _ = Fits.Solve(c, b, 4);")]
    [InlineData("_ = Fits.Solve(Missing.Values, b, 4);")]
    [InlineData("_ = Fits.Solve(rows.SelectMany().ToArray(), b, 4);")]
    [InlineData("var f = new double[4]; f[0] = rows[0][; _ = Fits.Solve(f, b, 4);")]
    [InlineData("System.Threading.Tasks.Parallel.For(0, 4, ) ; Fits.Solve(a, b, 4);")]
    [InlineData("Cholesky.Solve(a, b, 4, layout: (MatrixLayout)7);")]
    [InlineData("Cholesky.Solve(a, b, 4, layout: );")]
    [InlineData("Fits.Fit(a, b, b, 10, );")]
    public Task Broken_calls(string statement) => Verify.NoCrashAsync($$"""
        using System.Linq;

        static partial class Fits
        {
            [SpdSolve(MaxN = 4)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);

            [LeastSquares(MaxCols = 2)]
            public static partial bool Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);

            static void Run(double[] a, double[] b, double[][] rows, int n)
            {
                {{statement}}
            }
        }
        """);
}
