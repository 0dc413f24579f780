using System.Threading.Tasks;

namespace Specialized.CodeFixes.Tests;

/// <summary>SPD0202's fix: make the solver read the argument's layout.</summary>
public class SetLayoutFixTests
{
    [Fact]
    public Task Adds_Layout_to_the_attribute() => VerifyFix.FixAsync("SPD0202", "Set the solver's Layout to MatrixLayout.ColumnMajor", """
        static partial class Filter
        {
            [MatrixLayout(MatrixLayout.ColumnMajor)]
            static readonly double[] Covariance = new double[16];

            [SpdFactor(MaxN = 4)]
            public static partial bool Factor(Span<double> a, int n);

            public static bool Step() => Factor([|Covariance|], 4);
        }
        """, """
        static partial class Filter
        {
            [MatrixLayout(MatrixLayout.ColumnMajor)]
            static readonly double[] Covariance = new double[16];

            [SpdFactor(MaxN = 4, Layout = MatrixLayout.ColumnMajor)]
            public static partial bool Factor(Span<double> a, int n);

            public static bool Step() => Factor(Covariance, 4);
        }
        """);

    [Fact]
    public Task Replaces_Layout_in_another_file() => VerifyFix.FixAsync("SPD0202", "Set the solver's Layout to MatrixLayout.RowMajor", ["""
        static class Use
        {
            static bool Run([MatrixLayout(MatrixLayout.RowMajor)] double[] a, double[] b) => Fits.Solve([|a|], b, 4);
        }
        """, """
        static partial class Fits
        {
            [SpdSolve(Layout = MatrixLayout.ColumnMajor, MaxN = 4)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """], [null, """
        static partial class Fits
        {
            [SpdSolve(Layout = MatrixLayout.RowMajor, MaxN = 4)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """]);

    [Fact]
    public Task Passes_layout_to_the_runtime() => VerifyFix.FixAsync("SPD0202", "Set the solver's Layout to MatrixLayout.ColumnMajor", """
        static class Use
        {
            static bool Run([MatrixLayout(MatrixLayout.ColumnMajor)] double[] a, double[] b) => Cholesky.Solve([|a|], b, 4);
        }
        """, """
        static class Use
        {
            static bool Run([MatrixLayout(MatrixLayout.ColumnMajor)] double[] a, double[] b) => Cholesky.Solve(a, b, 4, layout: MatrixLayout.ColumnMajor);
        }
        """);

    [Fact]
    public Task Replaces_the_runtime_layout_argument() => VerifyFix.FixAsync("SPD0202", "Set the solver's Layout to MatrixLayout.RowMajor", """
        static class Use
        {
            static bool Run(double[,] grid, double[] b) =>
                Cholesky.Solve([|System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref grid[0, 0], grid.Length)|], b, 4, 1, Triangle.Lower, MatrixLayout.ColumnMajor);
        }
        """, """
        static class Use
        {
            static bool Run(double[,] grid, double[] b) =>
                Cholesky.Solve(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref grid[0, 0], grid.Length), b, 4, 1, Triangle.Lower, MatrixLayout.RowMajor);
        }
        """);
}
