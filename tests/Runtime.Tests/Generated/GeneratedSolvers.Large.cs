using System;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The larger unrolled ranges. Each MaxN = 32 method costs the compiler 10-15 s, so there are
/// exactly three, which between them run the looped kernel (17..32) in both precisions, with one
/// and several right-hand sides, and on both kinds of stored triangle (L by rows and by columns);
/// MaxN = 16 has one method per form, all double, Lower, ColumnMajor.
/// </summary>
internal static partial class GeneratedSolvers
{
    [SpdSolve(MaxN = 32, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult KeepNrhs32_D_LR(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult InPlace32_F_UC(Span<float> matrix, Span<float> rhs, int order);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Keep32_D_LC(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    /// <summary>Nested, to check the generator re-declares the containing types.</summary>
    internal static partial class Sixteen
    {
        [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial bool InPlace16_D_LC(Span<double> a, Span<double> b, int n);

        [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial SolveResult InPlaceNrhs16_D_LC(Span<double> a, Span<double> b, int n, int nrhs);

        [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial bool Keep16_D_LC(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

        [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial SolveResult KeepNrhs16_D_LC(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);
    }
}
