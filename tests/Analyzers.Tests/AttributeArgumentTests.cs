using System.Linq;
using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0003: MaxN / MaxCols outside 1..32, and Triangle / Layout holding undefined values.</summary>
public class AttributeArgumentTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    [InlineData("-1")]
    [InlineData("int.MaxValue")]
    [InlineData("int.MinValue")]
    public Task MaxN_out_of_range(string value) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve({|SPD0003:MaxN = {{value}}|})]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task MaxN_from_a_constant() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            const int Largest = 64;

            [SpdSolve(Triangle = Triangle.Upper, {|SPD0003:MaxN = Largest|})]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);

    [Theory]
    [InlineData("SpdFactor", "Span<double> a, int n", "33")]
    [InlineData("SpdFactor", "Span<float> a, int n", "0")]
    [InlineData("SpdInverse", "ReadOnlySpan<double> a, Span<double> inverse, int n", "33")]
    [InlineData("SpdInverse", "ReadOnlySpan<float> a, Span<float> inverse, int n", "-5")]
    public Task MaxN_on_the_other_spd_attributes(string attribute, string parameters, string value) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [{{attribute}}({|SPD0003:MaxN = {{value}}|})]
            public static partial bool Solve({{parameters}});
        }
        """);

    [Fact]
    public Task MaxN_on_the_solve_with_a_given_factor() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve({|SPD0003:MaxN = 64|})]
            public static partial void Solve(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);
        }
        """);

    [Theory]
    [InlineData("SpdFactor", "Span<double> a, int n")]
    [InlineData("SpdInverse", "ReadOnlySpan<double> a, Span<double> inverse, int n")]
    public Task Undefined_enums_on_the_other_spd_attributes(string attribute, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [{{attribute}}(MaxN = 4, {|SPD0003:Triangle = (Triangle)2|}, {|SPD0003:Layout = (MatrixLayout)(-1)|})]
            public static partial SolveResult Solve({{parameters}});
        }
        """);

    /// <summary>A bad argument and an unrecognized signature are two diagnostics.</summary>
    [Fact]
    public Task MaxN_out_of_range_on_a_factor_with_a_wrong_signature() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdFactor({|SPD0003:MaxN = 33|})]
            public static partial bool {|SPD0002:Solve|}(ReadOnlySpan<double> a, int n);
        }
        """);

    [Theory]
    [InlineData("40")]
    [InlineData("0")]
    public Task MaxCols_out_of_range(string value) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [LeastSquares({|SPD0003:MaxCols = {{value}}|})]
            public static partial SolveResult Fit(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols);
        }
        """);

    [Fact]
    public Task Undefined_triangle() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve(MaxN = 16, {|SPD0003:Triangle = (Triangle)7|})]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);

    [Theory]
    [InlineData("(MatrixLayout)2")]
    [InlineData("(MatrixLayout)(-1)")]
    [InlineData("MatrixLayout.RowMajor | MatrixLayout.ColumnMajor + 1")]
    public Task Undefined_layout(string value) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve({|SPD0003:Layout = {{value}}|})]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task Undefined_layout_on_least_squares() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [LeastSquares({|SPD0003:Layout = (MatrixLayout)5|})]
            public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);
        }
        """);

    [Fact]
    public Task Every_bad_argument_is_reported() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve({|SPD0003:MaxN = 0|}, {|SPD0003:Triangle = (Triangle)2|}, {|SPD0003:Layout = (MatrixLayout)3|})]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task On_a_method_that_also_breaks_the_other_rules() => Verify.DiagnosticsAsync("""
        class Fits
        {
            [SpdSolve({|SPD0003:MaxN = 100|})]
            public bool {|SPD0001:{|SPD0002:Solve|}|}(Span<double> a) => true;
        }
        """);

    [Fact]
    public async Task Message_names_the_attribute_method_argument_and_range()
    {
        var diagnostics = await Verify.AnalyzeAsync("""
            static partial class Fits
            {
                [SpdSolve(MaxN = 33)]
                public static partial bool Solve(Span<double> a, Span<double> b, int n);
            }
            """);

        Assert.Equal(
            "[SpdSolve] on method 'Solve' sets MaxN = 33, which is outside the valid range 1..32",
            diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Message_names_the_enum_type()
    {
        var diagnostics = await Verify.AnalyzeAsync("""
            static partial class Fits
            {
                [SpdSolve(Layout = (MatrixLayout)2)]
                public static partial bool Solve(Span<double> a, Span<double> b, int n);
            }
            """);

        Assert.Equal(
            "[SpdSolve] on method 'Solve' sets Layout = 2, which is not a defined MatrixLayout value",
            diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
