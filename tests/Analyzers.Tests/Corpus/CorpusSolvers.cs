namespace Specialized.Analyzers.Tests;

/// <summary>The solvers every corpus snippet calls: one of each form, as a user's project declares them.</summary>
internal static class CorpusSolvers
{
    public const string Source = """
        static partial class Spd
        {
            [SpdSolve(MaxN = 16)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);

            [SpdSolve(MaxN = 16)]
            public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

            [SpdSolve(MaxN = 8, Layout = MatrixLayout.ColumnMajor)]
            public static partial SolveResult SolveColumns(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

            [SpdFactor(MaxN = 12)]
            public static partial SolveResult Factor(Span<double> a, int n);

            [SpdSolve(MaxN = 12)]
            public static partial void SolveFactored(ReadOnlySpan<double> factor, Span<double> b, int n);

            [SpdInverse(MaxN = 8)]
            public static partial bool Invert(ReadOnlySpan<double> a, Span<double> inverse, int n);

            [SpdSolve(MaxN = 10)]
            public static partial void SolveBatch(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);

            [SpdSolve(MaxN = 8)]
            public static partial bool SolveSingle(Span<float> a, Span<float> b, int n);

            [LeastSquares(MaxCols = 6)]
            public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);

            [LeastSquares(MaxCols = 6)]
            public static partial SolveResult FitWeighted(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> w, Span<double> x, int rows, int cols);
        }
        """;
}
