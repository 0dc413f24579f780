using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>The runtime's <c>LeastSquares.Fit</c> and <c>FitWeighted</c> are solvers to the call-site analyzers: SPD0203, SPD0301, SPD0101, SPD0202.</summary>
public class LeastSquaresRuntimeCallTests
{
    [Fact]
    public Task Short_buffers_and_ignored_results() => Verify.DiagnosticsAsync("""
        static class Use
        {
            static void Run(double[] b, double[] x)
            {
                _ = LeastSquares.Fit({|SPD0203:new double[29]|}, b, x, 10, 3);
                _ = LeastSquares.FitWeighted(new double[30], b, {|SPD0203:new double[9]|}, {|SPD0203:new double[2]|}, 10, 3);
                {|SPD0301:LeastSquares.Fit(new double[30], b, x, 10, 3)|};
            }
        }
        """);

    [Fact]
    public Task Allocation_in_a_fitting_loop() => Verify.DiagnosticsAsync("""
        static class Use
        {
            static void Run(double[] a, double[] b, int fits)
            {
                for (int k = 0; k < fits; k++)
                {
                    var x = {|SPD0101:new double[6]|};
                    if (!LeastSquares.Fit(a, b, x, 100, 6, layout: MatrixLayout.ColumnMajor)) return;
                }
            }
        }
        """);

    [Fact]
    public Task Layout_argument_against_a_declared_layout() => Verify.DiagnosticsAsync("""
        static class Use
        {
            [MatrixLayout(MatrixLayout.ColumnMajor)]
            static double[] Design = new double[600];

            static void Run(double[] b, double[] x)
            {
                _ = LeastSquares.Fit({|SPD0202:Design|}, b, x, 100, 6);
                _ = LeastSquares.Fit(Design, b, x, 100, 6, layout: MatrixLayout.ColumnMajor);
            }
        }
        """);

    [Fact]
    public Task Batch_and_long_enough_fits_are_quiet() => Verify.NoDiagnosticsAsync("""
        static class Use
        {
            static void Run(double[] b, double[] x, int[] starts, SolveResult[] results)
            {
                _ = LeastSquares.Fit(new double[30], new double[10], new double[3], 10, 3);
                LeastSquares.FitBatch(new double[30], b, starts, x, results, 3);
            }
        }
        """);
}
