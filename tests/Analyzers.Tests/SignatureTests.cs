using System.Linq;
using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>SPD0002: parameter lists and return types no generated form recognizes.</summary>
public class SignatureTests
{
    [Theory]
    [InlineData("Span<int> a, Span<int> b, int n")]
    [InlineData("double[] a, double[] b, int n")]
    [InlineData("Memory<double> a, Memory<double> b, int n")]
    [InlineData("Span<double> a, Span<double> b, long n")]
    [InlineData("Span<double> a, Span<double> b, double n")]
    [InlineData("Span<double> a, int n")]
    [InlineData("Span<double> a, Span<double> b")]
    [InlineData("Span<double> a, Span<double> b, int n, int nrhs, int extra")]
    [InlineData("")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n")]
    [InlineData("Span<double> a, Span<double> b, Span<double> x, int n")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, int n")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n")]
    public Task Wrong_parameter_types(string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool {|SPD0002:Solve|}({{parameters}});
        }
        """);

    [Theory]
    [InlineData("Span<double> a, Span<float> b, int n")]
    [InlineData("Span<float> a, Span<double> b, int n")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<float> x, int n")]
    [InlineData("ReadOnlySpan<float> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs")]
    public Task Float_and_double_mixed(string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool {|SPD0002:Solve|}({{parameters}});
        }
        """);

    [Theory]
    [InlineData("int")]
    [InlineData("double")]
    [InlineData("bool?")]
    [InlineData("SolveResult?")]
    [InlineData("ref bool")]
    [InlineData("(bool, int)")]
    public Task Wrong_return_type(string returnType) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve]
            public static partial {{returnType}} {|SPD0002:Solve|}(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task Void_return() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve]
            static partial void {|SPD0002:Solve|}(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task Generic_method() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool {|SPD0002:Solve|}<T>(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task Generic_element_type() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool {|SPD0002:Solve|}<T>(Span<T> a, Span<T> b, int n);
        }
        """);

    [Theory]
    [InlineData("Span<double> a, Span<double> b, ref int n")]
    [InlineData("Span<double> a, Span<double> b, in int n")]
    [InlineData("Span<double> a, Span<double> b, out int n")]
    [InlineData("ref Span<double> a, Span<double> b, int n")]
    [InlineData("scoped ref Span<double> a, Span<double> b, int n")]
    [InlineData("ReadOnlySpan<double> a, in ReadOnlySpan<double> b, Span<double> x, int n")]
    public Task Ref_parameters(string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool {|SPD0002:Solve|}({{parameters}});
        }
        """);

    [Fact]
    public Task Params_parameter() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool {|SPD0002:Solve|}(Span<double> a, Span<double> b, params int[] n);
        }
        """);

    /// <summary>This version generates [SpdSolve] only, so every other attribute's method is reported.</summary>
    [Theory]
    [InlineData("SpdFactor", "bool", "Span<double> a, int n")]
    [InlineData("SpdInverse", "SolveResult", "ReadOnlySpan<double> a, Span<double> inverse, int n")]
    [InlineData("LeastSquares", "SolveResult", "ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols")]
    public Task Attributes_not_generated_yet(string attribute, string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [{{attribute}}]
            public static partial {{returnType}} {|SPD0002:Solve|}({{parameters}});
        }
        """);

    [Fact]
    public Task Solve_forms_the_design_lists_for_later_versions() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve]
            public static partial void {|SPD0002:SolveFactored|}(ReadOnlySpan<double> factor, Span<double> b, int n);

            [SpdSolve]
            public static partial void {|SPD0002:SolveBatch|}(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);
        }
        """);

    [Fact]
    public async Task Message_names_the_method_and_attribute_and_lists_the_forms()
    {
        var diagnostics = await Verify.AnalyzeAsync("""
            static partial class Fits
            {
                [SpdSolve]
                public static partial int Solve(Span<double> a, Span<double> b, int n);
            }
            """);

        string message = diagnostics.Single().GetMessage();
        Assert.StartsWith("Method 'Solve' has a parameter list or return type that [SpdSolve] does not recognize", message);
        Assert.EndsWith(Common.SignatureRecognizer.DescribeForms(Common.SolverKind.SpdSolve), message);
    }

    [Fact]
    public async Task Message_for_an_attribute_not_generated_yet_says_so()
    {
        var diagnostics = await Verify.AnalyzeAsync("""
            static partial class Fits
            {
                [LeastSquares]
                public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);
            }
            """);

        string message = diagnostics.Single().GetMessage();
        Assert.Contains("'Fit'", message);
        Assert.Contains("[LeastSquares]", message);
        Assert.EndsWith(Common.SignatureRecognizer.DescribeForms(Common.SolverKind.LeastSquares), message);
    }
}
