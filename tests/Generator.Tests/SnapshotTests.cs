using System.Linq;

namespace Specialized.Generator.Tests;

/// <summary>The generated source for representative declarations, held against checked-in snapshots.</summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("KeepInputs_Double_Lower_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 3)]
            public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
        }
        """)]
    [InlineData("InPlace_Float_Upper_ColumnMajor_Bool", """
        using System;
        using Specialized;
        namespace Demo;
        internal static partial class Fits
        {
            [SpdSolve(MaxN = 2, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
            internal static partial bool Solve(Span<float> a, Span<float> b, int n);
        }
        """)]
    [InlineData("KeepInputs_Nrhs_Double_Upper_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 3, Triangle = Triangle.Upper)]
            public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);
        }
        """)]
    [InlineData("InPlace_Nrhs_Float_Lower_ColumnMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 2, Layout = MatrixLayout.ColumnMajor)]
            public static partial SolveResult Solve(Span<float> a, Span<float> b, int n, int nrhs);
        }
        """)]
    [InlineData("Nested_Generic_GlobalNamespace_KeywordNames", """
        using System;
        using Specialized;
        /// <summary>A generic container.</summary>
        /// <typeparam name="T">Unused.</typeparam>
        public partial class Outer<T>
        {
            private partial struct Inner
            {
                [SpdSolve(MaxN = 1)]
                private static partial bool Run(ReadOnlySpan<double> @in, ReadOnlySpan<double> @out, Span<double> @ref, int @int);
            }
        }
        """)]
    public void Generated_source_matches_snapshot(string name, string source)
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Empty(GeneratorHarness.Problems(output));
        var generated = Assert.Single(GeneratorHarness.Sources(result));
        SnapshotAssert.Matches(name, generated.Value);
    }

    [Fact]
    public void Hint_names_say_where_the_method_is_and_which_form_it_has()
    {
        var (_, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            namespace Demo.Inner;
            /// <summary>Solvers under test.</summary>
            public static partial class Fits
            {
                [SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n);
                [SpdSolve] public static partial bool Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs);
            }
            """));

        Assert.Equal(
            new[] { "Demo.Inner.Fits.Solve.InPlace.Double.g.cs", "Demo.Inner.Fits.Solve.KeepInputs.Nrhs.Float.g.cs" },
            GeneratorHarness.Sources(result).Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }
}
