using System;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The generated methods of the factor forms, declared as a user would: <c>[SpdFactor]</c>,
/// <c>[SpdInverse]</c> and the <c>[SpdSolve]</c> that solves with a given factor (void, with and
/// without nrhs). MaxN = 8 covers every form x {double, float} x {Lower, Upper} x {RowMajor,
/// ColumnMajor} once, the return type alternating so every form and precision that returns a
/// result has both a bool and a SolveResult method. Parameter names vary (plain, descriptive,
/// escaped keywords, some scoped) so the shape tests check the user's names reach ParamName.
/// The tests find every method here by reflection (<see cref="FactorFormRegistry"/>); the larger
/// MaxN live in FactorFormSolvers.Large.cs.
/// </summary>
internal static partial class FactorFormSolvers
{
    [SpdFactor(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult Factor_D_LR(Span<double> a, int n);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool Factor_D_LC(Span<double> matrix, int order);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult Factor_D_UR(Span<double> @in, int @int);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool Factor_D_UC(scoped Span<double> a, int n);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Factor_F_LR(Span<float> matrix, int order);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Factor_F_LC(Span<float> @in, int @int);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Factor_F_UR(Span<float> a, int n);

    [SpdFactor(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Factor_F_UC(Span<float> matrix, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial void Factored_D_LR(ReadOnlySpan<double> factor, Span<double> b, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void Factored_D_LC(ReadOnlySpan<double> l, Span<double> rhs, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial void Factored_D_UR(ReadOnlySpan<double> @in, Span<double> @ref, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void Factored_D_UC(scoped ReadOnlySpan<double> factor, scoped Span<double> b, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial void Factored_F_LR(ReadOnlySpan<float> l, Span<float> rhs, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void Factored_F_LC(ReadOnlySpan<float> @in, Span<float> @ref, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial void Factored_F_UR(ReadOnlySpan<float> factor, Span<float> b, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void Factored_F_UC(ReadOnlySpan<float> l, Span<float> rhs, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial void FactoredNrhs_D_LR(ReadOnlySpan<double> @in, Span<double> @ref, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void FactoredNrhs_D_LC(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial void FactoredNrhs_D_UR(scoped ReadOnlySpan<double> l, scoped Span<double> rhs, int order, int count);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void FactoredNrhs_D_UC(ReadOnlySpan<double> @in, Span<double> @ref, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial void FactoredNrhs_F_LR(ReadOnlySpan<float> factor, Span<float> b, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void FactoredNrhs_F_LC(ReadOnlySpan<float> l, Span<float> rhs, int order, int count);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial void FactoredNrhs_F_UR(ReadOnlySpan<float> @in, Span<float> @ref, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void FactoredNrhs_F_UC(ReadOnlySpan<float> factor, Span<float> b, int n, int nrhs);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Inverse_D_LR(ReadOnlySpan<double> a, Span<double> inverse, int n);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Inverse_D_LC(ReadOnlySpan<double> covariance, Span<double> precision, int order);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Inverse_D_UR(scoped ReadOnlySpan<double> @in, scoped Span<double> @out, int @int);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Inverse_D_UC(ReadOnlySpan<double> a, Span<double> inverse, int n);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult Inverse_F_LR(ReadOnlySpan<float> covariance, Span<float> precision, int order);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool Inverse_F_LC(ReadOnlySpan<float> @in, Span<float> @out, int @int);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult Inverse_F_UR(ReadOnlySpan<float> a, Span<float> inverse, int n);

    [SpdInverse(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool Inverse_F_UC(ReadOnlySpan<float> covariance, Span<float> precision, int order);
}
