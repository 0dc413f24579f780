using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Specialized.Generator.Tests;

/// <summary>Generated code compiles, and emits IL, with no warning at the strictest settings, for every recognized form.</summary>
public class CompileOutputTests
{
    public static IEnumerable<object[]> Forms()
    {
        foreach (string t in new[] { "double", "float" })
        {
            foreach (string ret in new[] { "bool", "SolveResult" })
            {
                foreach (string triangle in new[] { "Lower", "Upper" })
                {
                    foreach (string layout in new[] { "RowMajor", "ColumnMajor" })
                    {
                        string attribute = $"[SpdSolve(MaxN = 4, Triangle = Triangle.{triangle}, Layout = MatrixLayout.{layout})]";
                        yield return new object[] { $"{attribute} public static partial {ret} InPlace(Span<{t}> a, Span<{t}> b, int n);" };
                        yield return new object[] { $"{attribute} public static partial {ret} InPlaceNrhs(Span<{t}> a, Span<{t}> b, int n, int nrhs);" };
                        yield return new object[] { $"{attribute} public static partial {ret} Keep(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, Span<{t}> x, int n);" };
                        yield return new object[] { $"{attribute} public static partial {ret} KeepNrhs(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, Span<{t}> x, int n, int nrhs);" };
                        yield return new object[] { $"{attribute.Replace("SpdSolve", "SpdFactor")} public static partial {ret} Factor(Span<{t}> a, int n);" };
                        yield return new object[] { $"{attribute.Replace("SpdSolve", "SpdInverse")} public static partial {ret} Invert(ReadOnlySpan<{t}> a, Span<{t}> inverse, int n);" };
                        if (ret == "bool")
                        {
                            // The solve with a given factor returns void: once per element type and storage.
                            yield return new object[] { $"{attribute} public static partial void SolveFactored(ReadOnlySpan<{t}> factor, Span<{t}> b, int n);" };
                            yield return new object[] { $"{attribute} public static partial void SolveFactoredNrhs(ReadOnlySpan<{t}> factor, Span<{t}> b, int n, int nrhs);" };
                            yield return new object[] { $"{attribute} public static partial void SolveBatch(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, Span<{t}> x, Span<SolveResult> results, int n);" };
                        }
                    }
                }

                // [LeastSquares]: the four parameter lists, each layout, with and without Refine.
                foreach (string layout in new[] { "RowMajor", "ColumnMajor" })
                {
                    foreach (string refine in new[] { "false", "true" })
                    {
                        string attribute = $"[LeastSquares(MaxCols = 5, Layout = MatrixLayout.{layout}, Refine = {refine})]";
                        yield return new object[] { $"{attribute} public static partial {ret} Fit(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, Span<{t}> x, int rows, int cols);" };
                        yield return new object[] { $"{attribute} public static partial {ret} FitW(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, ReadOnlySpan<{t}> w, Span<{t}> x, int rows, int cols);" };
                        yield return new object[] { $"{attribute} public static partial {ret} FitR(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, Span<{t}> x, int rows, int cols, {t} ridge);" };
                        yield return new object[] { $"{attribute} public static partial {ret} FitWR(ReadOnlySpan<{t}> a, ReadOnlySpan<{t}> b, ReadOnlySpan<{t}> w, Span<{t}> x, int rows, int cols, {t} ridge);" };
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_compiles_without_warnings(string declaration)
    {
        AssertCompilesCleanly($$"""
            using System;
            using Specialized;
            namespace Demo;
            /// <summary>Solvers under test.</summary>
            public static partial class Fits
            {
                {{declaration}}
            }
            """);
    }

    // Each MaxN = 32 method costs the compiler several seconds (README, "Limits"), so one
    // method covers the largest size: the keep-inputs nrhs form, whose kernels are the longest.
    [Fact]
    public void MaxN_32_compiles_without_warnings()
    {
        AssertCompilesCleanly("""
            using System;
            using Specialized;
            /// <summary>Solvers under test.</summary>
            public static partial class Big
            {
                [SpdSolve(MaxN = 32, Layout = MatrixLayout.ColumnMajor)] public static partial SolveResult D(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);
            }
            """);
    }

    // The factor forms at the largest MaxN: straight-line kernels up to their limits, then the runtime.
    [Fact]
    public void MaxN_32_new_forms_compile_without_warnings()
    {
        AssertCompilesCleanly("""
            using System;
            using Specialized;
            /// <summary>Solvers under test.</summary>
            public static partial class Big
            {
                [SpdFactor(MaxN = 32, Triangle = Triangle.Upper)] public static partial bool F(Span<float> a, int n);
                [SpdSolve(MaxN = 32, Triangle = Triangle.Upper)] public static partial void S(ReadOnlySpan<float> factor, Span<float> b, int n, int nrhs);
                [SpdInverse(MaxN = 32, Layout = MatrixLayout.ColumnMajor)] public static partial SolveResult I(ReadOnlySpan<double> a, Span<double> inverse, int n);
            }
            """);
    }

    [Fact]
    public void Two_methods_in_one_type_and_types_in_many_shapes_compile()
    {
        AssertCompilesCleanly("""
            using System;
            using Specialized;
            namespace Demo.Deep
            {
                /// <summary>A record.</summary>
                public partial record Holder
                {
                    /// <summary>A nested struct.</summary>
                    public partial struct Nested
                    {
                        [SpdSolve(MaxN = 2)] internal static partial bool Solve(Span<double> a, Span<double> b, int n);
                        [SpdSolve(MaxN = 2)] internal static partial bool Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
                        [SpdSolve(MaxN = 2)] internal static partial void Solve(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);
                        [SpdFactor(MaxN = 2)] internal static partial bool Factor(Span<double> a, int n);
                        [SpdInverse(MaxN = 2)] internal static partial bool Invert(ReadOnlySpan<double> a, Span<double> inverse, int n);
                    }
                }

                /// <summary>A record struct.</summary>
                /// <typeparam name="T">Unused.</typeparam>
                public partial record struct Pair<T>
                {
                    [SpdSolve(MaxN = 2)] private static partial SolveResult Solve(scoped Span<float> a, scoped Span<float> b, int n);

                    /// <summary>Calls the private solver so it is used.</summary>
                    /// <returns>The result.</returns>
                    public static SolveResult Call() => Solve(new float[] { 4 }, new float[] { 2 }, 1);
                }
            }
            """);
    }

    [Fact]
    public void Methods_sharing_kernels_across_namespaces_and_generic_types_compile()
    {
        AssertCompilesCleanly("""
            using System;
            using Specialized;
            namespace Demo.One
            {
                /// <summary>A generic holder.</summary>
                /// <typeparam name="T">Unused.</typeparam>
                public static partial class Holder<T>
                {
                    [SpdSolve(MaxN = 5)] internal static partial bool Solve(Span<double> a, Span<double> b, int n);
                }
            }

            namespace Demo.Two
            {
                /// <summary>A struct.</summary>
                public partial struct Filter
                {
                    [SpdSolve(MaxN = 5)] private static partial SolveResult Update(Span<double> p, Span<double> k, int n);

                    /// <summary>Calls the private solver so it is used.</summary>
                    /// <returns>The result.</returns>
                    public static SolveResult Call() => Update(new double[] { 4 }, new double[] { 2 }, 1);
                }
            }
            """);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Looped_kernel_skips_zeroing_its_buffer_only_where_unsafe_code_is_allowed(bool allowUnsafe)
    {
        CSharpCompilation input = GeneratorHarness.Compile("""
            using System;
            using Specialized;

            /// <summary>Holder.</summary>
            public static partial class Holder
            {
                /// <summary>Solves.</summary>
                [SpdSolve(MaxN = 17)] public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
            }
            """);
        var (output, result) = GeneratorHarness.Run(input.WithOptions(input.Options.WithAllowUnsafe(allowUnsafe)));
        string source = Assert.Single(GeneratorHarness.Sources(result).Values);
        Assert.Contains("SolveLooped(", source, StringComparison.Ordinal);
        Assert.Equal(allowUnsafe, source.Contains("[SkipLocalsInit]", StringComparison.Ordinal));
        string[] problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(10)));
    }

    private static void AssertCompilesCleanly(string source)
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.NotEmpty(result.GeneratedTrees);
        string[] problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(10)));
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }
}
