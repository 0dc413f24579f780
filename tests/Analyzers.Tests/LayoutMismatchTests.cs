using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0202: a matrix whose declared or known layout differs from the solver's Layout.</summary>
public class LayoutMismatchTests
{
    private const string Solvers = """
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

            [SpdSolve(Layout = MatrixLayout.ColumnMajor)]
            public static partial bool SolveColumns(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
        }
        """;

    // Stands in for MathNet.Numerics: the analyzer knows it by its names, without referencing it.
    private const string MathNet = """
        namespace MathNet.Numerics.LinearAlgebra
        {
            public abstract class Matrix<T>
            {
                public T[] AsColumnMajorArray() => throw null!;
                public T[] ToColumnMajorArray() => throw null!;
                public T[] ToRowMajorArray() => throw null!;
            }
        }

        namespace MathNet.Numerics.LinearAlgebra.Double
        {
            public class DenseMatrix : Matrix<double>
            {
                public double[] Values => throw null!;
            }
        }
        """;

    [Fact]
    public Task Declared_layouts_that_differ() => Verify.DiagnosticsAsync(Solvers, """
        using System.Runtime.InteropServices;

        class Model
        {
            [MatrixLayout(MatrixLayout.ColumnMajor)]
            public double[] Covariance = new double[16];

            [MatrixLayout(MatrixLayout.ColumnMajor)]
            public double[] Gain { get; } = new double[16];

            [return: MatrixLayout(MatrixLayout.RowMajor)]
            public double[] Rows() => new double[16];

            public void Run([MatrixLayout(MatrixLayout.ColumnMajor)] double[] given, double[] b, double[] x, double[,] grid)
            {
                _ = Fits.Solve({|SPD0202:Covariance|}, b, x, 4);
                _ = Fits.Solve({|SPD0202:Gain|}, b, x, 4);
                _ = Fits.Solve({|SPD0202:given|}, b, x, 4);
                var local = Covariance;
                _ = Fits.Solve({|SPD0202:local|}, b, x, 4);
                _ = Fits.SolveColumns({|SPD0202:Rows()|}, b, x, 4);
                _ = Fits.SolveColumns({|SPD0202:MemoryMarshal.CreateReadOnlySpan(ref grid[0, 0], grid.Length)|}, b, x, 4);
                _ = Cholesky.Solve({|SPD0202:given|}, b, x, 4);
                _ = Cholesky.Solve({|SPD0202:Rows()|}, b, x, 4, layout: MatrixLayout.ColumnMajor);
            }
        }
        """);

    [Fact]
    public Task MathNet_storage_by_name() => Verify.DiagnosticsAsync(Solvers, MathNet, """
        using MathNet.Numerics.LinearAlgebra.Double;

        static class Use
        {
            static void Run(DenseMatrix m, double[] b, double[] x)
            {
                _ = Fits.Solve({|SPD0202:m.Values|}, b, x, 4);
                _ = Fits.Solve({|SPD0202:m.AsColumnMajorArray()|}, b, x, 4);
                _ = Fits.Solve({|SPD0202:m.ToColumnMajorArray()|}, b, x, 4);
                _ = Fits.SolveColumns({|SPD0202:m.ToRowMajorArray()|}, b, x, 4);
                _ = Fits.SolveColumns(m.Values, b, x, 4);
                _ = Fits.Solve(m.ToRowMajorArray(), b, x, 4);
            }
        }
        """);

    [Fact]
    public Task Matching_or_unknown_layouts() => Verify.NoDiagnosticsAsync(Solvers, """
        class Model
        {
            [MatrixLayout(MatrixLayout.ColumnMajor)]
            public double[] Covariance = new double[16];

            public double[] Plain = new double[16];

            public void Run([MatrixLayout(MatrixLayout.RowMajor)] double[] given, double[] b, double[] x, MatrixLayout layout)
            {
                _ = Fits.SolveColumns(Covariance, b, x, 4);
                _ = Fits.Solve(given, b, x, 4);
                _ = Fits.Solve(Plain, b, x, 4);
                _ = Cholesky.Solve(Covariance, b, x, 4, layout: MatrixLayout.ColumnMajor);
                _ = Cholesky.Solve(Covariance, b, x, 4, layout: layout);
                var local = Covariance;
                local = Plain;
                _ = Fits.Solve(local, b, x, 4);
            }
        }
        """);
}
