using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MathNetMatrixD = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using MathNetMatrixF = MathNet.Numerics.LinearAlgebra.Matrix<float>;
using MathNetVectorD = MathNet.Numerics.LinearAlgebra.Vector<double>;
using MathNetVectorF = MathNet.Numerics.LinearAlgebra.Vector<float>;

namespace Specialized.Benchmarks;

/// <summary>The runtime's sizes, n = 17 to 4000; SPECIALIZED_BENCH_N (e.g. "100,1000") narrows them.</summary>
public static class LargeSolveSizes
{
    public static readonly int[] Default = { 17, 24, 32, 48, 64, 100, 128, 200, 256, 400, 512, 1000, 2000, 3000, 4000 };

    public static IEnumerable<int> Values =>
        Environment.GetEnvironmentVariable("SPECIALIZED_BENCH_N") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : Default;
}

/// <summary>
/// Factor + solve, one right-hand side, keeping A and b, per system: the runtime
/// (<c>Cholesky.Solve(a, b, x, n)</c>, baseline) against the unblocked kernel it used before, on two
/// threads, and the peers, on the same 4 distinct matrices (SpdBatch.DiagonallyDominant) cycled
/// per invocation. Each peer copies A first, as the runtime's keep-inputs form does.
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
[WarmupCount(3)]
[IterationCount(9)]
[IterationTime(250)]
[MedianColumn]
[MemoryDiagnoser]
public abstract unsafe class LargeSolve<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int Systems = 4;

    public const int Seed = 42;

    private SpdBatch<T> _batch = null!;
    private T[] _scratch = null!;
    private T[][] _mathNetA = null!;
    private T[][] _mathNetB = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => LargeSolveSizes.Values;

    [GlobalSetup]
    public void Setup()
    {
        _batch = SpdBatch<T>.DiagonallyDominant(N, Systems, Seed);
        _scratch = GC.AllocateArray<T>(N * N, pinned: true);
        if (N <= 400)
        {
            _mathNetA = Enumerable.Range(0, Systems).Select(k => _batch.MatrixOf(k).ToArray()).ToArray();
            _mathNetB = Enumerable.Range(0, Systems).Select(k => _batch.RhsOf(k).ToArray()).ToArray();
        }

        SolveGuard.Check($"LargeSolve<{typeof(T).Name}>", _batch, Specialized,
            SolveGuard.AvailableSolvers(this, N, nameof(TwoThreads), nameof(Unblocked), nameof(EigenDynamic), nameof(OpenBlas), nameof(MathNet)));
    }

    /// <summary>The runtime: blocked from <see cref="Cholesky.BlockedFrom"/> on, one thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Systems)]
    public bool Specialized() => SolveAll(1);

    /// <summary>The runtime with <c>degreeOfParallelism: 2</c>.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [SizeRange(Min = 512)]
    public bool TwoThreads() => SolveAll(2);

    /// <summary>The unblocked kernel the runtime used before (still its kernel below the crossover), on a copy of A.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [SizeRange(Max = 1000)]
    public bool Unblocked()
    {
        int n = N, nn = n * n;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            _batch.A.AsSpan(k * nn, nn).CopyTo(_scratch);
            Span<T> x = _batch.X.AsSpan(k * n, n);
            _batch.B.AsSpan(k * n, n).CopyTo(x);
            bool factored = CholeskyKernel<T>.Factor(_scratch, n, rowWise: true).Success;
            if (factored)
            {
                VectorSubstitution<T>.Solve(_scratch, x, n, rowWise: true);
            }

            ok &= factored;
        }

        return ok;
    }

    /// <summary>Eigen 3.4 dynamic-size <c>A.llt().solve(b)</c>, the batch looped in C++, up to n = 3000 (OpenBLAS is the peer beyond, to keep the suite's run time).</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.Eigen)]
    [SizeRange(Max = 3000)]
    public bool EigenDynamic()
    {
        fixed (T* a = _batch.A, b = _batch.B, x = _batch.X)
        {
            return typeof(T) == typeof(double)
                ? EigenPeer.DynamicD(N, Systems, (double*)a, (double*)b, (double*)x) == 0
                : EigenPeer.DynamicF(N, Systems, (float*)a, (float*)b, (float*)x) == 0;
        }
    }

    /// <summary>LAPACKE ?potrf + ?potrs (OpenBLAS, one thread), one P/Invoke pair per system; A and b copied to scratch first.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.OpenBlas)]
    public bool OpenBlas()
    {
        int n = N, nn = n * n;
        bool ok = true;
        fixed (T* a0 = _batch.A, b0 = _batch.B, x0 = _batch.X, scratch = _scratch)
        {
            for (int k = 0; k < Systems; k++)
            {
                T* x = x0 + k * n;
                new ReadOnlySpan<T>(a0 + k * nn, nn).CopyTo(new Span<T>(scratch, nn));
                new ReadOnlySpan<T>(b0 + k * n, n).CopyTo(new Span<T>(x, n));
                ok &= (typeof(T) == typeof(double)
                    ? LapackePeer.FactorSolve((double*)scratch, (double*)x, n)
                    : LapackePeer.FactorSolve((float*)scratch, (float*)x, n)) == 0;
            }
        }

        return ok;
    }

    /// <summary>MathNet.Numerics 5.0 (managed), up to n = 400: <c>DenseOfRowMajor(n, n, a).Cholesky().Solve(b)</c>.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.MathNet)]
    [SizeRange(Max = 400)]
    public bool MathNet()
    {
        int n = N;
        for (int k = 0; k < Systems; k++)
        {
            if (typeof(T) == typeof(double))
            {
                var solution = MathNetMatrixD.Build.DenseOfRowMajor(n, n, (double[])(object)_mathNetA[k]).Cholesky().Solve(MathNetVectorD.Build.Dense((double[])(object)_mathNetB[k]));
                solution.AsArray().CopyTo((double[])(object)_batch.X, k * n);
            }
            else
            {
                var solution = MathNetMatrixF.Build.DenseOfRowMajor(n, n, (float[])(object)_mathNetA[k]).Cholesky().Solve(MathNetVectorF.Build.Dense((float[])(object)_mathNetB[k]));
                solution.AsArray().CopyTo((float[])(object)_batch.X, k * n);
            }
        }

        return true;
    }

    private bool SolveAll(int degreeOfParallelism)
    {
        int n = N, nn = n * n;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ReadOnlySpan<T> a = _batch.A.AsSpan(k * nn, nn), b = _batch.B.AsSpan(k * n, n);
            Span<T> x = _batch.X.AsSpan(k * n, n);
            ok &= typeof(T) == typeof(double)
                ? Cholesky.Solve(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(x), n, 1, Triangle.Lower, MatrixLayout.RowMajor, degreeOfParallelism).Success
                : Cholesky.Solve(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(x), n, 1, Triangle.Lower, MatrixLayout.RowMajor, degreeOfParallelism).Success;
        }

        return ok;
    }
}

/// <summary>Factor + solve, double: see <see cref="LargeSolve{T}"/>.</summary>
public class LargeSolveDouble : LargeSolve<double>
{
}

/// <summary>Factor + solve, float, on the double batch's matrices rounded to float: see <see cref="LargeSolve{T}"/>.</summary>
public class LargeSolveFloat : LargeSolve<float>
{
}
