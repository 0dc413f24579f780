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
    [InlineData("Shared_InPlace_Double_Lower_RowMajor", """
        using System;
        using Specialized;
        namespace Demo
        {
            /// <summary>Two filters whose solvers differ only in names and return type: one file, one copy of the kernels.</summary>
            public static partial class Filter
            {
                [SpdSolve(MaxN = 2)]
                public static partial bool Solve(Span<double> a, Span<double> b, int n);
            }

            /// <summary>The second filter.</summary>
            public static partial class Smoother
            {
                [SpdSolve(MaxN = 2)]
                internal static partial SolveResult Update(Span<double> covariance, Span<double> gain, int order);
            }
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
    [InlineData("Vector_KeepInputs_Double_Lower_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test: scalar kernels up to n = 3, Vector256 at 4 and at 5 (overlapping row blocks), the hardware test in the dispatch.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 5)]
            public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);
        }
        """)]
    [InlineData("Vector_InPlace_Float_Lower_ColumnMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test: Vector128 float kernels storing the factor column-wise.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 5, Layout = MatrixLayout.ColumnMajor)]
            public static partial bool Solve(Span<float> a, Span<float> b, int n);
        }
        """)]
    [InlineData("Factor_Double_Lower_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdFactor(MaxN = 7)]
            public static partial SolveResult Factor(Span<double> a, int n);
        }
        """)]
    [InlineData("Factored_Float_Upper_ColumnMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 3, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
            public static partial void Solve(ReadOnlySpan<float> factor, Span<float> b, int n);
        }
        """)]
    [InlineData("Factored_Nrhs_Double_Upper_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 2, Triangle = Triangle.Upper)]
            public static partial void Solve(ReadOnlySpan<double> l, Span<double> rhs, int order, int count);
        }
        """)]
    [InlineData("Inverse_Float_Lower_ColumnMajor_Bool", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdInverse(MaxN = 3, Layout = MatrixLayout.ColumnMajor)]
            public static partial bool Invert(ReadOnlySpan<float> a, Span<float> inverse, int n);
        }
        """)]
    [InlineData("Batch_Double_Upper_ColumnMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 3, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
            public static partial void Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);
        }
        """)]
    [InlineData("Batch_Float_Lower_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 2)]
            public static partial void Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);
        }
        """)]
    [InlineData("LeastSquares_Double_RowMajor_Weighted_Ridge", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [LeastSquares(MaxCols = 3)]
            public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols, double ridge);
        }
        """)]
    [InlineData("LeastSquares_Double_RowMajor", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test: from cols = 4 a row of A fills a Vector256, and the normal equations get vector kernels.</summary>
        public static partial class Fits
        {
            [LeastSquares(MaxCols = 4)]
            public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);
        }
        """)]
    [InlineData("LeastSquares_Float_ColumnMajor_Refine_Bool", """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [LeastSquares(MaxCols = 3, Layout = MatrixLayout.ColumnMajor, Refine = true)]
            public static partial bool Fit(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int rows, int cols);
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

    /// <summary>The batch form gets straight-line kernels up to its limit; the dispatch sends larger n to the runtime's lane kernel.</summary>
    [Fact]
    public void Batch_form_stops_straight_line_code_at_its_limit()
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            namespace Demo;
            /// <summary>Solvers under test.</summary>
            public static partial class Fits
            {
                [SpdSolve(MaxN = 18)]
                public static partial void Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);
            }
            """));

        Assert.Empty(GeneratorHarness.Problems(output));
        string batch = Assert.Single(GeneratorHarness.Sources(result)).Value;
        Assert.Contains("public static void Batch16(ref float a, ref float b, ref float x, ref global::Specialized.SolveResult results, int count)", batch);
        Assert.DoesNotContain("Batch17(", batch);
        Assert.Contains("default:\n                    Cholesky.SolveBatch(a, b, x, results, n, Triangle.Lower, MatrixLayout.RowMajor);\n                    return;", batch);
        Assert.Contains("if (!(Fma.IsSupported && Avx2.IsSupported))", batch);
    }

    /// <summary>
    /// Batches from n = 8 get a Vector512 kernel too, which the dispatch prefers where it is
    /// accelerated and which leaves the systems after its last whole pass to the Vector256 kernel;
    /// smaller n keep the Vector256 kernels alone. The float kernels hold 16 systems, two per
    /// loaded vector, record failed pivots in 4 bits per lane, and from n = 14 take only batches
    /// whose matrices fit in 16 MiB.
    /// </summary>
    [Fact]
    public void Batch_form_adds_Vector512_kernels_from_n_8()
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            namespace Demo;
            /// <summary>Solvers under test.</summary>
            public static partial class Fits
            {
                [SpdSolve(MaxN = 9)]
                public static partial void Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);

                [SpdSolve(MaxN = 16)]
                public static partial void Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);
            }
            """));

        Assert.Empty(GeneratorHarness.Problems(output));
        var sources = GeneratorHarness.Sources(result);
        string doubles = Assert.Single(sources, s => s.Key.Contains("Double")).Value;
        string floats = Assert.Single(sources, s => s.Key.Contains("Float")).Value;
        Assert.Contains("public static void Batch8Wide(ref double a, ref double b, ref double x, ref global::Specialized.SolveResult results, int count)", doubles);
        Assert.Contains("public static void Batch9Wide(", doubles);
        Assert.DoesNotContain("Batch7Wide(", doubles);
        Assert.Contains("case 9:\n                    if (Vector512.IsHardwareAccelerated)\n                    {\n                        Batch9Wide(ref ra, ref rb, ref rx, ref rresults, results.Length);\n                        return;\n                    }\n\n                    Batch9(ref ra, ref rb, ref rx, ref rresults, results.Length);", doubles);
        Assert.Contains("Batch9(ref Unsafe.Add(ref a, first * 81), ref Unsafe.Add(ref b, first * 9), ref Unsafe.Add(ref x, first * 9), ref Unsafe.Add(ref results, first), count - first);", doubles);
        Assert.Contains("public static void Batch16Wide(ref float a, ref float b, ref float x, ref global::Specialized.SolveResult results, int count)", floats);
        Assert.Contains("public static void Batch8Wide(", floats);
        Assert.DoesNotContain("Batch7Wide(", floats);
        Assert.Contains("case 13:\n                    if (Vector512.IsHardwareAccelerated)\n                    {\n                        Batch13Wide(ref ra, ref rb, ref rx, ref rresults, results.Length);", floats);
        Assert.Contains("case 16:\n                    if (Vector512.IsHardwareAccelerated && results.Length <= 16384)\n                    {\n                        Batch16Wide(ref ra, ref rb, ref rx, ref rresults, results.Length);", floats);
        Assert.Contains("if (Vector512.IsHardwareAccelerated && results.Length <= 21399)", floats);
        Assert.Contains("lr0 = Avx512F.InsertVector256(Vector256.LoadUnsafe(ref a0, 0).ToVector512Unsafe(), Vector256.LoadUnsafe(ref a0, 1024), 1);", floats);
        Assert.Contains("ReportPass(ref result0, 16, pending, pivots, 4);", floats);
        Assert.Contains("ReportPass(ref result0, 8, pending, pivots, 8);", doubles);
    }

    /// <summary>
    /// The factor forms get straight-line kernels up to their measured limits only (the runtime's
    /// vectorized kernels are faster past them): the factor then works on a stack copy, the others call the runtime.
    /// </summary>
    [Fact]
    public void Factor_forms_stop_straight_line_code_at_their_limits()
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            namespace Demo;
            /// <summary>Solvers under test.</summary>
            public static partial class Fits
            {
                [SpdFactor(MaxN = 12, Triangle = Triangle.Upper)] public static partial bool Factor(Span<float> a, int n);
                [SpdSolve(MaxN = 20)] public static partial void Solve(ReadOnlySpan<double> factor, Span<double> b, int n);
                [SpdInverse(MaxN = 13)] public static partial bool Invert(ReadOnlySpan<double> a, Span<double> inverse, int n);
            }
            """));

        Assert.Empty(GeneratorHarness.Problems(output));
        var sources = GeneratorHarness.Sources(result);
        string factor = sources["Demo.Fits.Factor.Factor.Float.g.cs"];
        Assert.Contains("public static SolveResult Factor8(ref float a)", factor);
        Assert.DoesNotContain("Factor9(", factor);
        Assert.Contains("case 9:\n                case 10:\n                case 11:\n                case 12:\n                    return FactorOnCopy(a, n);\n                default:\n                    return Cholesky.Factor(a, n, Triangle.Upper, MatrixLayout.RowMajor);", factor);
        Assert.Contains("n = 9..12 the runtime's vectorized kernel on a stack copy of a, written back only on success;", factor);
        // Upper, row-major: L's rows are the buffer's columns, so each buffer row is copied from the diagonal on.
        Assert.Contains("/// <summary>n = 9..12: the runtime's kernel on a stack copy of the stored triangle, written back only on success.</summary>", factor);
        Assert.Contains("Span<float> copy = stackalloc float[n * n];", factor);
        Assert.Contains("a.Slice(i * n + i, n - i).CopyTo(copy.Slice(i * n + i, n - i));", factor);
        Assert.Contains("SolveResult result = Cholesky.Factor(copy, n, Triangle.Upper, MatrixLayout.RowMajor);", factor);
        Assert.Contains("copy.Slice(i * n + i, n - i).CopyTo(a.Slice(i * n + i, n - i));", factor);

        string solve = sources["Demo.Fits.Solve.Factored.Double.g.cs"];
        Assert.Contains("SolveFactored12(", solve);
        Assert.DoesNotContain("SolveFactored13(", solve);
        Assert.Contains("/// n ≥ 13 call <see cref=\"global::Specialized.Cholesky.SolveFactored(", solve);

        string inverse = sources["Demo.Fits.Invert.Inverse.Double.g.cs"];
        Assert.Contains("Invert12(", inverse);
        Assert.DoesNotContain("Invert13(", inverse);
        Assert.Contains("default:\n                    return Cholesky.Invert(a, inverse, n, Triangle.Lower, MatrixLayout.RowMajor);", inverse);
    }

    /// <summary>
    /// Methods share a file, and so one copy of the kernels, exactly when their kernels are the same:
    /// the same form, element type, storage and MaxN. The file takes the first method's hint name.
    /// </summary>
    [Fact]
    public void Methods_with_the_same_kernels_share_one_file()
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            namespace Demo;
            /// <summary>Solvers under test.</summary>
            public static partial class A
            {
                [SpdSolve(MaxN = 6)] public static partial bool Solve(Span<double> a, Span<double> b, int n);
                [SpdSolve(MaxN = 6)] public static partial SolveResult Other(Span<double> m, Span<double> v, int size);
                [SpdSolve(MaxN = 5)] public static partial bool Smaller(Span<double> a, Span<double> b, int n);
                [SpdSolve(MaxN = 6, Triangle = Triangle.Upper)] public static partial bool Upper(Span<double> a, Span<double> b, int n);
                [SpdSolve(MaxN = 6)] public static partial bool Single(Span<float> a, Span<float> b, int n);
            }

            /// <summary>Another type, another namespace's worth of callers.</summary>
            public static partial class B
            {
                [SpdSolve(MaxN = 6)] public static partial bool Solve(Span<double> a, Span<double> b, int n);
            }
            """));

        Assert.Empty(GeneratorHarness.Problems(output));
        var sources = GeneratorHarness.Sources(result);
        Assert.Equal(
            new[]
            {
                "Demo.A.Other.InPlace.Double.g.cs",
                "Demo.A.Single.InPlace.Float.g.cs",
                "Demo.A.Smaller.InPlace.Double.g.cs",
                "Demo.A.Upper.InPlace.Double.g.cs",
            },
            sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        string shared = sources["Demo.A.Other.InPlace.Double.g.cs"];
        Assert.Contains("public static partial global::Specialized.SolveResult Other(global::System.Span<double> m, global::System.Span<double> v, int size)", shared);
        Assert.Contains("public static partial bool Solve(global::System.Span<double> a, global::System.Span<double> b, int n)", shared);
        Assert.Equal(2, shared.Split("partial class A").Length - 1);
        Assert.Single(shared.Split("partial class B").Skip(1));
        Assert.Single(shared.Split("file static class SpdSolveKernels").Skip(1));
        Assert.Contains("/// <summary>Unrolled solvers behind A.Other, A.Solve, B.Solve, one method per n;", shared);
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
                [SpdSolve] public static partial void Solve(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);
                [SpdSolve] public static partial void Solve(ReadOnlySpan<float> factor, Span<float> b, int n);
                [SpdFactor] public static partial SolveResult Factor(Span<float> a, int n);
                [SpdInverse] public static partial bool Invert(ReadOnlySpan<double> a, Span<double> inverse, int n);
            }
            """));

        Assert.Equal(
            new[]
            {
                "Demo.Inner.Fits.Factor.Factor.Float.g.cs",
                "Demo.Inner.Fits.Invert.Inverse.Double.g.cs",
                "Demo.Inner.Fits.Solve.Factored.Float.g.cs",
                "Demo.Inner.Fits.Solve.Factored.Nrhs.Double.g.cs",
                "Demo.Inner.Fits.Solve.InPlace.Double.g.cs",
                "Demo.Inner.Fits.Solve.KeepInputs.Nrhs.Float.g.cs",
            },
            GeneratorHarness.Sources(result).Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }
}
