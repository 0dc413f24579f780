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

    /// <summary>Every [LeastSquares] form of docs/design.md ("Forms"): plain, weighted, ridge and both, double and float, bool or SolveResult.</summary>
    [Theory]
    [InlineData("SolveResult", "ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols")]
    [InlineData("bool", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols, double ridge")]
    [InlineData("SolveResult", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols")]
    [InlineData("bool", "ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols, float ridge")]
    public Task Least_squares_forms_are_recognized(string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [LeastSquares]
            public static partial {{returnType}} Fit({{parameters}});
        }
        """);

    /// <summary>Near misses of the [LeastSquares] forms: a ridge of the other precision, x read-only, void, a missing cols, weights after x.</summary>
    [Theory]
    [InlineData("SolveResult", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols, float ridge")]
    [InlineData("SolveResult", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, int rows, int cols")]
    [InlineData("void", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols")]
    [InlineData("bool", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows")]
    [InlineData("bool", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, ReadOnlySpan<double> w, int rows, int cols")]
    public Task Least_squares_near_misses(string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [LeastSquares]
            public static partial {{returnType}} {|SPD0002:Fit|}({{parameters}});
        }
        """);

    [Fact]
    public Task Batch_solve_is_recognized() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdSolve]
            public static partial void SolveBatch(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);

            [SpdSolve(MaxN = 16)]
            public static partial void SolveBatch(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);
        }
        """);

    /// <summary>Near misses of the batch form: it returns void, a and b are read-only, results is a span of SolveResult, n is last.</summary>
    [Theory]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<bool> results, int n")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, ReadOnlySpan<SolveResult> results, int n")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<float> x, Span<SolveResult> results, int n")]
    [InlineData("Span<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results")]
    [InlineData("ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n, int nrhs")]
    public Task Batch_near_misses(string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve]
            public static partial void {|SPD0002:SolveBatch|}({{parameters}});
        }
        """);

    /// <summary>Near misses of the solve with a given factor: it returns void, the factor is read-only, b is writable.</summary>
    [Theory]
    [InlineData("bool", "ReadOnlySpan<double> factor, Span<double> b, int n")]
    [InlineData("SolveResult", "ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs")]
    [InlineData("void", "Span<double> factor, Span<double> b, int n")]
    [InlineData("void", "ReadOnlySpan<double> factor, ReadOnlySpan<double> b, int n")]
    [InlineData("void", "ReadOnlySpan<double> factor, Span<float> b, int n")]
    [InlineData("void", "ReadOnlySpan<double> factor, Span<double> b")]
    [InlineData("void", "ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs, int extra")]
    [InlineData("void", "ReadOnlySpan<double> factor, Span<double> b, long n")]
    [InlineData("void", "ReadOnlySpan<double> factor, Span<double> b, Span<double> x, int n")]
    [InlineData("void", "ReadOnlySpan<int> factor, Span<int> b, int n")]
    public Task Factored_solve_near_misses(string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve]
            public static partial {{returnType}} {|SPD0002:Solve|}({{parameters}});
        }
        """);

    /// <summary>Near misses of [SpdFactor]: (Span&lt;T&gt; a, int n) returning bool or SolveResult.</summary>
    [Theory]
    [InlineData("void", "Span<double> a, int n")]
    [InlineData("int", "Span<double> a, int n")]
    [InlineData("bool", "ReadOnlySpan<double> a, int n")]
    [InlineData("bool", "Span<double> a, Span<double> b, int n")]
    [InlineData("bool", "Span<double> a, int n, int nrhs")]
    [InlineData("bool", "Span<double> a")]
    [InlineData("bool", "Span<double> a, long n")]
    [InlineData("bool", "Span<int> a, int n")]
    [InlineData("bool", "double[] a, int n")]
    [InlineData("SolveResult", "ref Span<double> a, int n")]
    public Task Factor_near_misses(string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdFactor]
            public static partial {{returnType}} {|SPD0002:Factor|}({{parameters}});
        }
        """);

    /// <summary>Near misses of [SpdInverse]: (ReadOnlySpan&lt;T&gt; a, Span&lt;T&gt; inverse, int n) returning bool or SolveResult.</summary>
    [Theory]
    [InlineData("bool", "Span<double> a, Span<double> inverse, int n")]
    [InlineData("void", "ReadOnlySpan<double> a, Span<double> inverse, int n")]
    [InlineData("int", "ReadOnlySpan<double> a, Span<double> inverse, int n")]
    [InlineData("bool", "ReadOnlySpan<double> a, ReadOnlySpan<double> inverse, int n")]
    [InlineData("bool", "ReadOnlySpan<double> a, Span<float> inverse, int n")]
    [InlineData("bool", "ReadOnlySpan<float> a, Span<double> inverse, int n")]
    [InlineData("bool", "ReadOnlySpan<double> a, Span<double> inverse, int n, int nrhs")]
    [InlineData("bool", "ReadOnlySpan<double> a, Span<double> inverse")]
    [InlineData("bool", "Span<double> a, int n")]
    [InlineData("SolveResult", "ReadOnlySpan<double> a, out Span<double> inverse, int n")]
    public Task Inverse_near_misses(string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdInverse]
            public static partial {{returnType}} {|SPD0002:Invert|}({{parameters}});
        }
        """);

    [Fact]
    public Task Generic_factor_and_inverse() => Verify.DiagnosticsAsync("""
        static partial class Fits
        {
            [SpdFactor]
            public static partial bool {|SPD0002:Factor|}<T>(Span<double> a, int n);

            [SpdInverse]
            public static partial bool {|SPD0002:Invert|}<T>(ReadOnlySpan<T> a, Span<T> inverse, int n);
        }
        """);

    /// <summary>The forms of one attribute are not accepted under another.</summary>
    [Theory]
    [InlineData("SpdSolve", "bool", "Span<double> a, int n")]
    [InlineData("SpdSolve", "bool", "ReadOnlySpan<double> a, Span<double> inverse, int n")]
    [InlineData("SpdFactor", "void", "ReadOnlySpan<double> factor, Span<double> b, int n")]
    [InlineData("SpdFactor", "bool", "ReadOnlySpan<double> a, Span<double> inverse, int n")]
    [InlineData("SpdInverse", "void", "ReadOnlySpan<double> factor, Span<double> b, int n")]
    [InlineData("SpdInverse", "bool", "ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n")]
    public Task Form_of_another_attribute(string attribute, string returnType, string parameters) => Verify.DiagnosticsAsync($$"""
        static partial class Fits
        {
            [{{attribute}}]
            public static partial {{returnType}} {|SPD0002:M|}({{parameters}});
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

    [Theory]
    [InlineData("SpdFactor", "bool", "ReadOnlySpan<double> a, int n", "(Span<T> a, int n)")]
    [InlineData("SpdInverse", "bool", "Span<double> a, Span<double> inverse, int n", "(ReadOnlySpan<T> a, Span<T> inverse, int n)")]
    [InlineData("SpdSolve", "bool", "ReadOnlySpan<double> factor, Span<double> b, int n", "void (ReadOnlySpan<T> factor, Span<T> b, int n)")]
    public async Task Message_lists_the_new_forms(string attribute, string returnType, string parameters, string form)
    {
        var diagnostics = await Verify.AnalyzeAsync($$"""
            static partial class Fits
            {
                [{{attribute}}]
                public static partial {{returnType}} M({{parameters}});
            }
            """);

        string message = diagnostics.Single().GetMessage();
        Assert.Contains($"[{attribute}] does not recognize", message);
        Assert.Contains(form, message);
        Assert.EndsWith(Common.SignatureRecognizer.DescribeForms(attribute switch
        {
            "SpdFactor" => Common.SolverKind.SpdFactor,
            "SpdInverse" => Common.SolverKind.SpdInverse,
            _ => Common.SolverKind.SpdSolve,
        }), message);
    }

    [Fact]
    public async Task Message_for_least_squares_lists_its_forms()
    {
        var diagnostics = await Verify.AnalyzeAsync("""
            static partial class Fits
            {
                [LeastSquares]
                public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows);
            }
            """);

        string message = diagnostics.Single().GetMessage();
        Assert.Contains("'Fit'", message);
        Assert.Contains("[LeastSquares]", message);
        Assert.EndsWith(Common.SignatureRecognizer.DescribeForms(Common.SolverKind.LeastSquares), message);
    }
}
