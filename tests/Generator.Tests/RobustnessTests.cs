using System.Linq;

namespace Specialized.Generator.Tests;

/// <summary>The generator never throws and emits nothing for declarations it does not recognize (the analyzers report them).</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("[SpdSolve(MaxN = 0)] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(MaxN = 33)] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(MaxN = \"x\")] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(Triangle = (Triangle)5)] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(Layout = (MatrixLayout)(-1))] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool S(Span<double> a, Span<float> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool S(Span<int> a, Span<int> b, int n);")]
    [InlineData("[SpdSolve] public static partial int S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool S(Span<double> a, Span<double> b, long n);")]
    [InlineData("[SpdSolve] public static partial bool S(ref Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool S<T>(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int n, int nrhs, int extra);")]
    [InlineData("[SpdSolve] public static partial bool S(Span<double> a, Span<double> b);")]
    [InlineData("[SpdSolve] public static partial bool S(Span<Missing> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial Missing S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static bool S(Span<double> a, Span<double> b, int n) => true;")]
    [InlineData("[SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int n) { return true; }")]
    [InlineData("[SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int")]
    [InlineData("[SpdSolve(MaxN = ] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] [SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdFactor] public static partial bool S(ReadOnlySpan<double> a, int n);")]
    [InlineData("[SpdFactor] public static partial void S(Span<double> a, int n);")]
    [InlineData("[SpdFactor] public static partial bool S(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdFactor(MaxN = 33)] public static partial bool S(Span<double> a, int n);")]
    [InlineData("[SpdInverse] public static partial bool S(Span<double> a, Span<double> inverse, int n);")]
    [InlineData("[SpdInverse] public static partial bool S(ReadOnlySpan<double> a, Span<float> inverse, int n);")]
    [InlineData("[SpdInverse] public static partial void S(ReadOnlySpan<double> a, Span<double> inverse, int n);")]
    [InlineData("[SpdInverse(Triangle = (Triangle)2)] public static partial bool S(ReadOnlySpan<double> a, Span<double> inverse, int n);")]
    [InlineData("[SpdSolve] public static partial bool S(ReadOnlySpan<double> factor, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial void S(Span<double> factor, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial void S(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs, int extra);")]
    [InlineData("[SpdSolve] public static partial void S(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, long n);")]
    [InlineData("[LeastSquares] public static partial SolveResult S(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows);")]
    [InlineData("[LeastSquares(MaxCols = 40)] public static partial SolveResult S(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);")]
    [InlineData("[LeastSquares] public static partial void S(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);")]
    public void Unrecognized_declarations_produce_nothing_and_no_exception(string declaration)
    {
        var (_, result) = GeneratorHarness.Run(GeneratorHarness.Compile($$"""
            using System;
            using Specialized;
            public static partial class Fits
            {
                {{declaration}}
            }
            """));

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.GeneratedTrees);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void Method_in_a_non_partial_type_produces_nothing()
    {
        var (_, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            public static partial class Outer
            {
                public static class Inner
                {
                    [SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int n);
                }
            }
            """));

        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Identical_declarations_do_not_crash_the_generator()
    {
        var (_, result) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using System;
            using Specialized;
            public static partial class Fits
            {
                [SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int n);
                [SpdSolve] public static partial bool S(Span<double> a, Span<double> b, int n);
            }
            """));

        Assert.Null(result.Results.Single().Exception);
        // Same kernels, so one file holds both bodies (and the compiler reports the duplicate).
        string source = Assert.Single(result.GeneratedTrees).ToString();
        Assert.Equal(2, source.Split("public static partial bool S(").Length - 1);
    }
}
