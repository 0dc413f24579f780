using System.Collections.Generic;
using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>Declarations the generator completes, and methods that are none of our business: nothing is reported.</summary>
public class ValidDeclarationTests
{
    /// <summary>Every recognized form: in place and keep-inputs, each with and without nrhs, double and float, bool and SolveResult.</summary>
    public static IEnumerable<object[]> RecognizedForms()
    {
        foreach (string t in new[] { "double", "float" })
        {
            foreach (string result in new[] { "bool", "SolveResult" })
            {
                foreach (string nrhs in new[] { "", ", int nrhs" })
                {
                    yield return [result, $"Span<{t}> a, Span<{t}> b, int n{nrhs}"];
                    yield return [result, $"ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, Span<{t}> x, int n{nrhs}"];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecognizedForms))]
    public Task Recognized_form(string returnType, string parameters) => Verify.NoDiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve(MaxN = 16)]
            public static partial {{returnType}} Solve({{parameters}});
        }
        """);

    /// <summary>The solve with a given factor (void), [SpdFactor] and [SpdInverse], in every element type and return type.</summary>
    public static IEnumerable<object[]> FactorForms()
    {
        foreach (string t in new[] { "double", "float" })
        {
            yield return ["SpdSolve", "void", $"ReadOnlySpan<{t}> factor, Span<{t}> b, int n"];
            yield return ["SpdSolve", "void", $"ReadOnlySpan<{t}> factor, Span<{t}> b, int n, int nrhs"];
            foreach (string result in new[] { "bool", "SolveResult" })
            {
                yield return ["SpdFactor", result, $"Span<{t}> a, int n"];
                yield return ["SpdInverse", result, $"ReadOnlySpan<{t}> a, Span<{t}> inverse, int n"];
            }
        }
    }

    [Theory]
    [MemberData(nameof(FactorForms))]
    public Task Recognized_factor_form(string attribute, string returnType, string parameters) => Verify.NoDiagnosticsAsync($$"""
        static partial class Fits
        {
            [{{attribute}}(MaxN = 12, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
            public static partial {{returnType}} M({{parameters}});
        }
        """);

    [Fact]
    public Task Factor_and_solve_with_it_side_by_side() => Verify.NoDiagnosticsAsync("""
        static partial class Kalman
        {
            [SpdFactor(MaxN = 10, Triangle = Triangle.Upper)]
            public static partial bool Factor(Span<double> s, int n);

            [SpdSolve(MaxN = 10, Triangle = Triangle.Upper)]
            public static partial void Solve(scoped ReadOnlySpan<double> factor, scoped Span<double> gain, int n, int count);

            [SpdInverse(MaxN = 10)]
            private static partial SolveResult Invert(global::System.ReadOnlySpan<System.Double> covariance, Span<double> information, int n);
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("()")]
    [InlineData("(MaxN = 1)")]
    [InlineData("(MaxN = 32)")]
    [InlineData("(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)")]
    [InlineData("(Triangle = (Triangle)1, Layout = (MatrixLayout)0)")]
    public Task Attribute_arguments_in_range(string arguments) => Verify.NoDiagnosticsAsync($$"""
        static partial class Fits
        {
            [SpdSolve{{arguments}}]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);

    [Fact]
    public Task Fully_qualified_attribute_and_types() => Verify.NoDiagnosticsAsync("""
        static partial class Fits
        {
            [global::Specialized.SpdSolveAttribute(MaxN = 4)]
            internal static partial global::Specialized.SolveResult Solve(global::System.ReadOnlySpan<System.Single> a, System.ReadOnlySpan<float> b, System.Span<float> x, System.Int32 n);
        }
        """);

    [Fact]
    public Task Nested_partial_types_of_every_kind() => Verify.NoDiagnosticsAsync("""
        namespace Physics.Kalman;

        public partial class Filters
        {
            private partial struct Step
            {
                internal partial record Update
                {
                    partial record struct Gain
                    {
                        partial interface ISolver
                        {
                            [SpdSolve(MaxN = 10)]
                            public static partial bool Solve(Span<double> a, Span<double> b, int n);
                        }

                        [SpdSolve(MaxN = 10)]
                        private static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Generic_containing_type() => Verify.NoDiagnosticsAsync("""
        namespace Fits
        {
            partial class Solvers<TModel> where TModel : class
            {
                partial class Cache<TKey>
                {
                    [SpdSolve(MaxN = 6)]
                    public static partial bool Solve(Span<float> a, Span<float> b, int n, int nrhs);
                }
            }
        }
        """);

    [Fact]
    public Task Definition_and_implementation_in_separate_files_of_generated_code() => Verify.NoDiagnosticsAsync(
        """
        static partial class Fits
        {
            [SpdSolve(MaxN = 32)]
            public static partial SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);
        }
        """,
        """
        // <auto-generated/>
        static partial class Fits
        {
            public static partial SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n) => default;
        }
        """);

    [Fact]
    public Task Methods_without_our_attributes() => Verify.NoDiagnosticsAsync("""
        class Plain
        {
            [Obsolete]
            public bool Solve(Span<int> a, int n) => true;

            public static partial class Helpers
            {
            }

            public int Factor<T>(ref T value) => 0;
        }
        """);

    [Fact]
    public Task Attributes_with_our_names_from_another_namespace() => Verify.NoDiagnosticsAsync("""
        namespace Other
        {
            sealed class SpdSolveAttribute : Attribute
            {
                public int MaxN { get; set; }
            }

            class Fits
            {
                [SpdSolve(MaxN = 0)]
                public bool Solve(int n) => true;
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify.NoDiagnosticsAsync("""
        // <auto-generated/>
        class Fits
        {
            [SpdSolve(MaxN = 0)]
            public int Solve(double a) => 0;
        }
        """);
}
