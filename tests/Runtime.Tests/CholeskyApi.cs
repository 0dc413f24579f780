using System;
using System.Numerics;

namespace Specialized.Runtime.Tests;

/// <summary>The four public forms under test.</summary>
public enum ApiForm
{
    Factor,
    SolveFactored,
    SolveInPlace,
    SolveKeepInputs,
}

/// <summary>Lets one generic test body call <see cref="Cholesky"/>'s double and float overloads.</summary>
internal abstract class CholeskyApi<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static readonly CholeskyApi<T> Instance =
        typeof(T) == typeof(double) ? (CholeskyApi<T>)(object)new DoubleApi()
        : typeof(T) == typeof(float) ? (CholeskyApi<T>)(object)new SingleApi()
        : throw new NotSupportedException(typeof(T).Name);

    public abstract SolveResult Factor(Span<T> a, int n, Triangle triangle, MatrixLayout layout);

    public abstract void SolveFactored(ReadOnlySpan<T> factor, Span<T> b, int n, int nrhs, Triangle triangle, MatrixLayout layout);

    public abstract SolveResult Solve(Span<T> a, Span<T> b, int n, int nrhs, Triangle triangle, MatrixLayout layout);

    public abstract SolveResult Solve(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int nrhs, Triangle triangle, MatrixLayout layout);

    public abstract SolveResult Invert(ReadOnlySpan<T> a, Span<T> inverse, int n, Triangle triangle, MatrixLayout layout);

    /// <summary>Calls <paramref name="form"/>; SolveFactored, which has no result, reports success.</summary>
    public SolveResult Invoke(ApiForm form, T[] a, T[] b, T[] x, int n, int nrhs, Triangle triangle, MatrixLayout layout)
    {
        switch (form)
        {
            case ApiForm.Factor:
                return Factor(a, n, triangle, layout);
            case ApiForm.SolveFactored:
                SolveFactored(a, b, n, nrhs, triangle, layout);
                return SolveResult.Succeeded;
            case ApiForm.SolveInPlace:
                return Solve(a.AsSpan(), b.AsSpan(), n, nrhs, triangle, layout);
            default:
                return Solve(a.AsSpan(), b.AsSpan(), x.AsSpan(), n, nrhs, triangle, layout);
        }
    }
}

internal sealed class DoubleApi : CholeskyApi<double>
{
    public override SolveResult Factor(Span<double> a, int n, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Factor(a, n, triangle, layout);

    public override void SolveFactored(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs, Triangle triangle, MatrixLayout layout) =>
        Cholesky.SolveFactored(factor, b, n, nrhs, triangle, layout);

    public override SolveResult Solve(Span<double> a, Span<double> b, int n, int nrhs, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Solve(a, b, n, nrhs, triangle, layout);

    public override SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Solve(a, b, x, n, nrhs, triangle, layout);

    public override SolveResult Invert(ReadOnlySpan<double> a, Span<double> inverse, int n, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Invert(a, inverse, n, triangle, layout);
}

internal sealed class SingleApi : CholeskyApi<float>
{
    public override SolveResult Factor(Span<float> a, int n, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Factor(a, n, triangle, layout);

    public override void SolveFactored(ReadOnlySpan<float> factor, Span<float> b, int n, int nrhs, Triangle triangle, MatrixLayout layout) =>
        Cholesky.SolveFactored(factor, b, n, nrhs, triangle, layout);

    public override SolveResult Solve(Span<float> a, Span<float> b, int n, int nrhs, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Solve(a, b, n, nrhs, triangle, layout);

    public override SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Solve(a, b, x, n, nrhs, triangle, layout);

    public override SolveResult Invert(ReadOnlySpan<float> a, Span<float> inverse, int n, Triangle triangle, MatrixLayout layout) =>
        Cholesky.Invert(a, inverse, n, triangle, layout);
}
