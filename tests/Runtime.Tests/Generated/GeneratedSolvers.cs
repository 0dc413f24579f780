using System;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The generated solvers under test, declared as a user would. MaxN = 8 covers the whole
/// combination matrix: four forms x {double, float} x {Lower, Upper} x {RowMajor, ColumnMajor},
/// the return type alternating so every form and precision has both a bool and a SolveResult
/// method. Parameter names vary (plain, descriptive, escaped keywords) and some are scoped, so the
/// shape tests can check the user's names reach ParamName. The tests find every method here by
/// reflection (<see cref="SolverRegistry"/>); the larger MaxN live in GeneratedSolvers.Large.cs.
/// </summary>
internal static partial class GeneratedSolvers
{
    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult InPlace_D_LR(Span<double> a, Span<double> b, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool InPlace_D_LC(Span<double> matrix, Span<double> rhs, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult InPlace_D_UR(Span<double> @in, Span<double> @ref, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool InPlace_D_UC(scoped Span<double> a, scoped Span<double> b, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial bool InPlace_F_LR(Span<float> matrix, Span<float> rhs, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult InPlace_F_LC(Span<float> @in, Span<float> @ref, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool InPlace_F_UR(Span<float> a, Span<float> b, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult InPlace_F_UC(Span<float> matrix, Span<float> rhs, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial bool InPlaceNrhs_D_LR(Span<double> @in, Span<double> @ref, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult InPlaceNrhs_D_LC(Span<double> a, Span<double> b, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool InPlaceNrhs_D_UR(scoped Span<double> matrix, scoped Span<double> rhs, int order, int count);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult InPlaceNrhs_D_UC(Span<double> @in, Span<double> @ref, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult InPlaceNrhs_F_LR(Span<float> a, Span<float> b, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool InPlaceNrhs_F_LC(Span<float> matrix, Span<float> rhs, int order, int count);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult InPlaceNrhs_F_UR(Span<float> @in, Span<float> @ref, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool InPlaceNrhs_F_UC(Span<float> a, Span<float> b, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult Keep_D_LR(ReadOnlySpan<double> matrix, ReadOnlySpan<double> rhs, Span<double> solution, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool Keep_D_LC(scoped ReadOnlySpan<double> @in, scoped ReadOnlySpan<double> @ref, scoped Span<double> @out, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult Keep_D_UR(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool Keep_D_UC(ReadOnlySpan<double> matrix, ReadOnlySpan<double> rhs, Span<double> solution, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Keep_F_LR(ReadOnlySpan<float> @in, ReadOnlySpan<float> @ref, Span<float> @out, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Keep_F_LC(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool Keep_F_UR(ReadOnlySpan<float> matrix, ReadOnlySpan<float> rhs, Span<float> solution, int order);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult Keep_F_UC(ReadOnlySpan<float> @in, ReadOnlySpan<float> @ref, Span<float> @out, int @int);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial bool KeepNrhs_D_LR(scoped ReadOnlySpan<double> a, scoped ReadOnlySpan<double> b, scoped Span<double> x, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult KeepNrhs_D_LC(ReadOnlySpan<double> matrix, ReadOnlySpan<double> rhs, Span<double> solution, int order, int count);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial bool KeepNrhs_D_UR(ReadOnlySpan<double> @in, ReadOnlySpan<double> @ref, Span<double> @out, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial SolveResult KeepNrhs_D_UC(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult KeepNrhs_F_LR(ReadOnlySpan<float> matrix, ReadOnlySpan<float> rhs, Span<float> solution, int order, int count);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool KeepNrhs_F_LC(ReadOnlySpan<float> @in, ReadOnlySpan<float> @ref, Span<float> @out, int @int, int @params);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial SolveResult KeepNrhs_F_UR(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs);

    [SpdSolve(MaxN = 8, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial bool KeepNrhs_F_UC(scoped ReadOnlySpan<float> matrix, scoped ReadOnlySpan<float> rhs, scoped Span<float> solution, int order, int count);
}
