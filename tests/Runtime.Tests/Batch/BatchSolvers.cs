using System;

namespace Specialized.Runtime.Tests.Batch;

/// <summary>
/// Generated batch solvers under test, declared as a user would: both precisions, all four storage
/// pairs between them, MaxN inside the straight-line range (4, 16) and past it (20, so n = 17..20
/// take the runtime's lane kernel from the generated dispatch).
/// </summary>
internal static partial class BatchSolvers
{
    [SpdSolve(MaxN = 16)]
    internal static partial void Double_LR(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, Span<SolveResult> results, int n);

    [SpdSolve(MaxN = 20, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
    internal static partial void Double_UR(ReadOnlySpan<double> matrices, ReadOnlySpan<double> rhs, Span<double> solutions, Span<SolveResult> outcome, int order);

    [SpdSolve(MaxN = 16, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void Float_UC(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);

    [SpdSolve(MaxN = 4, Layout = MatrixLayout.ColumnMajor)]
    internal static partial void Float_LC(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, Span<SolveResult> results, int n);

    /// <summary>A solver by name, with its storage and the largest n it specializes (0 for the runtime).</summary>
    public static (Delegate Solve, Triangle Triangle, MatrixLayout Layout, int MaxN) Get(string name) => name switch
    {
        nameof(Double_LR) => ((BatchSolver<double>)Double_LR, Triangle.Lower, MatrixLayout.RowMajor, 16),
        nameof(Double_UR) => ((BatchSolver<double>)Double_UR, Triangle.Upper, MatrixLayout.RowMajor, 20),
        nameof(Float_UC) => ((BatchSolver<float>)Float_UC, Triangle.Upper, MatrixLayout.ColumnMajor, 16),
        nameof(Float_LC) => ((BatchSolver<float>)Float_LC, Triangle.Lower, MatrixLayout.ColumnMajor, 4),
        "Runtime_D_LC" => ((BatchSolver<double>)((a, b, x, r, n) => Cholesky.SolveBatch(a, b, x, r, n, Triangle.Lower, MatrixLayout.ColumnMajor)), Triangle.Lower, MatrixLayout.ColumnMajor, 0),
        "Runtime_F_UR" => ((BatchSolver<float>)((a, b, x, r, n) => Cholesky.SolveBatch(a, b, x, r, n, Triangle.Upper, MatrixLayout.RowMajor)), Triangle.Upper, MatrixLayout.RowMajor, 0),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static readonly string[] Names = [nameof(Double_LR), nameof(Double_UR), nameof(Float_UC), nameof(Float_LC), "Runtime_D_LC", "Runtime_F_UR"];
}
