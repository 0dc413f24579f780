using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MathNetMatrixD = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using MathNetMatrixF = MathNet.Numerics.LinearAlgebra.Matrix<float>;
using MathNetVectorD = MathNet.Numerics.LinearAlgebra.Vector<double>;
using MathNetVectorF = MathNet.Numerics.LinearAlgebra.Vector<float>;

namespace Specialized.Benchmarks;

/// <summary>
/// The small-n factor+solve sizes. SPECIALIZED_BENCH_N (e.g. "4,16") narrows them for smoke runs;
/// it is read when BenchmarkDotNet enumerates the cases, in the host process.
/// </summary>
public static class SmallSolveSizes
{
    public static readonly int[] Default = { 1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 32 };

    public static IEnumerable<int> Values =>
        Environment.GetEnvironmentVariable("SPECIALIZED_BENCH_N") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : Default;
}

/// <summary>
/// What the small-n classes share. Their job: the default job (one launch) with 5 warmup and 15
/// measured iterations of 100 ms, plus BenchmarkDotNet's pilot and overhead stages, a few seconds
/// per case; the suite is 2 classes x 12 N x 6 methods. The counts are job mutators rather than a
/// [SimpleJob], so that a job given on the command line (--job dry for a smoke run) replaces the
/// default job instead of running beside it (the mutators then apply to it too).
/// </summary>
public abstract class SmallSolveJob
{
    /// <summary>Distinct systems per invocation; every time is per system.</summary>
    public const int Systems = 256;

    public const int Seed = 42;
}

/// <summary>
/// Factor + solve, one right-hand side, per system, double: the generated solver (baseline) against
/// the runtime fallback and the peers, on the same 256 distinct matrices cycled per invocation.
/// </summary>
[WarmupCount(5)]
[IterationCount(15)]
[IterationTime(100)]
[MedianColumn]
[MemoryDiagnoser]
public unsafe class SmallSolveDouble : SmallSolveJob
{
    private SpdBatch<double> _batch = null!;
    private double[][] _mathNetA = null!;
    private double[][] _mathNetB = null!;
    private double[] _scratch = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => SmallSolveSizes.Values;

    [GlobalSetup]
    public void Setup()
    {
        _batch = new SpdBatch<double>(N, Systems, Seed);
        // MathNet's user holds each matrix and right-hand side as its own array.
        _mathNetA = Enumerable.Range(0, Systems).Select(k => _batch.MatrixOf(k).ToArray()).ToArray();
        _mathNetB = Enumerable.Range(0, Systems).Select(k => _batch.RhsOf(k).ToArray()).ToArray();
        _scratch = GC.AllocateArray<double>(N * N, pinned: true);
        SolveGuard.Check(nameof(SmallSolveDouble), _batch, Fallback,
            SolveGuard.AvailableSolvers(this, N, nameof(Generated), nameof(EigenFixed), nameof(EigenDynamic), nameof(OpenBlas), nameof(MathNet)));
    }

    /// <summary>The <c>[SpdSolve(MaxN = 32)]</c> keep-inputs method.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Systems)]
    public bool Generated()
    {
        int n = N;
        double[] a = _batch.A, b = _batch.B, x = _batch.X;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ok &= Solvers.Solve(a.AsSpan(k * n * n, n * n), b.AsSpan(k * n, n), x.AsSpan(k * n, n), n).Success;
        }

        return ok;
    }

    /// <summary>The runtime fallback, <c>Cholesky.Solve(a, b, x, n)</c>.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    public bool Fallback()
    {
        int n = N;
        double[] a = _batch.A, b = _batch.B, x = _batch.X;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ok &= Cholesky.Solve(a.AsSpan(k * n * n, n * n), b.AsSpan(k * n, n), x.AsSpan(k * n, n), n).Success;
        }

        return ok;
    }

    /// <summary>Eigen 3.4 <c>Map&lt;const Matrix&lt;double, N, N, RowMajor&gt;&gt;.llt().solve(b)</c>, the batch looped in C++.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.Eigen, FixedSizeOnly = true)]
    public bool EigenFixed()
    {
        fixed (double* a = _batch.A, b = _batch.B, x = _batch.X)
        {
            return EigenPeer.FixedD(N, Systems, a, b, x) == 0;
        }
    }

    /// <summary>Eigen 3.4 dynamic-size <c>A.llt().solve(b)</c>, the batch looped in C++.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.Eigen)]
    public bool EigenDynamic()
    {
        fixed (double* a = _batch.A, b = _batch.B, x = _batch.X)
        {
            return EigenPeer.DynamicD(N, Systems, a, b, x) == 0;
        }
    }

    /// <summary>LAPACKE dpotrf + dpotrs (OpenBLAS, one thread), one P/Invoke pair per system; A and b copied to scratch first.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.OpenBlas)]
    public bool OpenBlas()
    {
        int n = N, nn = n * n;
        bool ok = true;
        fixed (double* a0 = _batch.A, b0 = _batch.B, x0 = _batch.X, scratch = _scratch)
        {
            for (int k = 0; k < Systems; k++)
            {
                double* x = x0 + k * n;
                new ReadOnlySpan<double>(a0 + k * nn, nn).CopyTo(new Span<double>(scratch, nn));
                new ReadOnlySpan<double>(b0 + k * n, n).CopyTo(new Span<double>(x, n));
                ok &= LapackePeer.FactorSolve(scratch, x, n) == 0;
            }
        }

        return ok;
    }

    /// <summary>MathNet.Numerics: <c>Matrix.Build.DenseOfRowMajor(n, n, a).Cholesky().Solve(Vector.Build.Dense(b))</c>, allocations included.</summary>
    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.MathNet)]
    public bool MathNet()
    {
        int n = N;
        double[][] a = _mathNetA, b = _mathNetB;
        double[] x = _batch.X;
        for (int k = 0; k < Systems; k++)
        {
            var solution = MathNetMatrixD.Build.DenseOfRowMajor(n, n, a[k]).Cholesky().Solve(MathNetVectorD.Build.Dense(b[k]));
            solution.AsArray().CopyTo(x, k * n);
        }

        return true;
    }
}

/// <summary>
/// Factor + solve, one right-hand side, per system, float: as <see cref="SmallSolveDouble"/> on the
/// same matrices rounded to float.
/// </summary>
[WarmupCount(5)]
[IterationCount(15)]
[IterationTime(100)]
[MedianColumn]
[MemoryDiagnoser]
public unsafe class SmallSolveFloat : SmallSolveJob
{
    private SpdBatch<float> _batch = null!;
    private float[][] _mathNetA = null!;
    private float[][] _mathNetB = null!;
    private float[] _scratch = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => SmallSolveSizes.Values;

    [GlobalSetup]
    public void Setup()
    {
        _batch = new SpdBatch<float>(N, Systems, Seed);
        _mathNetA = Enumerable.Range(0, Systems).Select(k => _batch.MatrixOf(k).ToArray()).ToArray();
        _mathNetB = Enumerable.Range(0, Systems).Select(k => _batch.RhsOf(k).ToArray()).ToArray();
        _scratch = GC.AllocateArray<float>(N * N, pinned: true);
        SolveGuard.Check(nameof(SmallSolveFloat), _batch, Fallback,
            SolveGuard.AvailableSolvers(this, N, nameof(Generated), nameof(EigenFixed), nameof(EigenDynamic), nameof(OpenBlas), nameof(MathNet)));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Systems)]
    public bool Generated()
    {
        int n = N;
        float[] a = _batch.A, b = _batch.B, x = _batch.X;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ok &= Solvers.SolveSingle(a.AsSpan(k * n * n, n * n), b.AsSpan(k * n, n), x.AsSpan(k * n, n), n).Success;
        }

        return ok;
    }

    [Benchmark(OperationsPerInvoke = Systems)]
    public bool Fallback()
    {
        int n = N;
        float[] a = _batch.A, b = _batch.B, x = _batch.X;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ok &= Cholesky.Solve(a.AsSpan(k * n * n, n * n), b.AsSpan(k * n, n), x.AsSpan(k * n, n), n).Success;
        }

        return ok;
    }

    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.Eigen, FixedSizeOnly = true)]
    public bool EigenFixed()
    {
        fixed (float* a = _batch.A, b = _batch.B, x = _batch.X)
        {
            return EigenPeer.FixedF(N, Systems, a, b, x) == 0;
        }
    }

    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.Eigen)]
    public bool EigenDynamic()
    {
        fixed (float* a = _batch.A, b = _batch.B, x = _batch.X)
        {
            return EigenPeer.DynamicF(N, Systems, a, b, x) == 0;
        }
    }

    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.OpenBlas)]
    public bool OpenBlas()
    {
        int n = N, nn = n * n;
        bool ok = true;
        fixed (float* a0 = _batch.A, b0 = _batch.B, x0 = _batch.X, scratch = _scratch)
        {
            for (int k = 0; k < Systems; k++)
            {
                float* x = x0 + k * n;
                new ReadOnlySpan<float>(a0 + k * nn, nn).CopyTo(new Span<float>(scratch, nn));
                new ReadOnlySpan<float>(b0 + k * n, n).CopyTo(new Span<float>(x, n));
                ok &= LapackePeer.FactorSolve(scratch, x, n) == 0;
            }
        }

        return ok;
    }

    [Benchmark(OperationsPerInvoke = Systems)]
    [Peer(Peer.MathNet)]
    public bool MathNet()
    {
        int n = N;
        float[][] a = _mathNetA, b = _mathNetB;
        float[] x = _batch.X;
        for (int k = 0; k < Systems; k++)
        {
            var solution = MathNetMatrixF.Build.DenseOfRowMajor(n, n, a[k]).Cholesky().Solve(MathNetVectorF.Build.Dense(b[k]));
            solution.AsArray().CopyTo(x, k * n);
        }

        return true;
    }
}
