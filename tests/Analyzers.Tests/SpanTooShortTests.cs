using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0203: buffers of compile-time length too short for constant sizes.</summary>
public class SpanTooShortTests
{
    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve(MaxN = 16)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);

            [SpdSolve(MaxN = 16)]
            public static partial SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs);

            [LeastSquares]
            public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols);
        }
        """;

    [Fact]
    public Task Short_buffers() => Verify.DiagnosticsAsync(Solvers, """
        static class Use
        {
            const int N = 4;

            static void Run(double[] big)
            {
                Span<double> a = stackalloc double[15];
                var b = new double[N - 1];
                _ = Fits.Solve({|SPD0203:a|}, {|SPD0203:b|}, N);
                _ = Fits.Solve({|SPD0203:new double[] { 1, 2, 3 }|}, {|SPD0203:stackalloc double[] { 1 }|}, 2);
                _ = Fits.Solve({|SPD0203:new float[8]|}, new float[6], {|SPD0203:new float[5]|}, 3, 2);
                _ = Cholesky.Solve({|SPD0203:new double[8]|}, {|SPD0203:new double[2].AsSpan()|}, 3);
                _ = Fits.Fit({|SPD0203:new double[29]|}, new double[10], {|SPD0203:new double[9]|}, {|SPD0203:new double[2]|}, 10, 3);
            }
        }
        """);

    [Fact]
    public Task Long_enough_or_unknown() => Verify.NoDiagnosticsAsync(Solvers, """
        static class Use
        {
            static void Run(double[] given, int n, int nrhs)
            {
                Span<double> a = stackalloc double[16];
                var b = new double[4];
                _ = Fits.Solve(a, b, 4);
                _ = Fits.Solve(given, b, 4);
                _ = Fits.Solve(new double[4], new double[1], n);
                _ = Fits.Solve(new float[9], new float[1], new float[1], 3, nrhs);
                b = new double[1];
                _ = Fits.Solve(a, b, 4);
                _ = Fits.Fit(new double[30], new double[10], new double[10], new double[3], 10, 3);
            }
        }
        """);
}
