using System;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The factor forms' larger MaxN, past their straight-line limits (the factor's stack-copy path,
/// the others' early calls to the runtime): one MaxN = 16 method per form (double, Lower,
/// ColumnMajor, nested to check the re-declared containing types), and MaxN = 32 for the factor
/// and the solve with a factor.
/// </summary>
internal static partial class FactorFormSolvers
{
    [SpdFactor(MaxN = 32, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Factor32_F_UR(Span<float> a, int n);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial void FactoredNrhs32_F_UR(ReadOnlySpan<float> factor, Span<float> b, int n, int nrhs);

    /// <summary>Nested, to check the generator re-declares the containing types.</summary>
    internal static partial class Sixteen
    {
        [SpdFactor(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial SolveResult Factor16_D_LC(Span<double> a, int n);

        [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial void FactoredNrhs16_D_LC(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);

        [SpdInverse(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
        internal static partial SolveResult Inverse16_D_LC(ReadOnlySpan<double> a, Span<double> inverse, int n);
    }
}
