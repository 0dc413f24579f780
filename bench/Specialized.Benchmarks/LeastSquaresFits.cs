using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace Specialized.Benchmarks;

/// <summary>
/// Moving least squares: Fits least-squares fits of rows x 6 (rows 1000, or spread over 200..1000), one pass
/// over the whole job per invocation, so the report's times are per job. The generated
/// <c>[LeastSquares(MaxCols = 8)]</c> method in a loop against the same on all cores, the runtime
/// batch, MathNet's QR and normal equations, OpenBLAS dsyrk + dgemv + dposv per fit, and a probe
/// that only reads A and b once (the memory-speed floor), on one core and on all. bench/lsq-table.py turns the report into the
/// published table; SPECIALIZED_BENCH_FITS changes the number of fits (10,000 by default).
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
[GenericTypeArguments(typeof(double))]
[GenericTypeArguments(typeof(float))]
[WarmupCount(2)]
[IterationCount(10)]
[IterationTime(250)]
[MedianColumn]
[MemoryDiagnoser]
public unsafe class LeastSquaresFits<T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    /// <summary>The workload's column count: a quadratic patch 1, x, y, x², xy, y².</summary>
    public const int Cols = 6;

    private LeastSquaresJob<T> _job = null!;

    [ParamsAllValues]
    public RowShape Shape { get; set; }

    [ParamsSource(nameof(FitCounts))]
    public int Fits { get; set; }

    public static IEnumerable<int> FitCounts =>
        new[] { Environment.GetEnvironmentVariable("SPECIALIZED_BENCH_FITS") is { Length: > 0 } fits ? int.Parse(fits, CultureInfo.InvariantCulture) : 10_000 };

    [GlobalSetup]
    public void Setup()
    {
        _job = new LeastSquaresJob<T>(Fits, Cols, Shape, seed: 4004);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Job: {Fits:N0} fits, {_job.RowStarts[^1]:N0} rows x {Cols}, A {(long)_job.A.Length * sizeof(T) / 1e6:F0} MB"));
        foreach (string name in new[] { nameof(Generated), nameof(GeneratedWeighted), nameof(AllCores), nameof(Runtime), nameof(MathNetQr), nameof(MathNetNormal), nameof(OpenBlas) })
        {
            var method = GetType().GetMethod(name)!;
            if (PeerProbe.PeerOf(method) is not { } peer || PeerProbe.IsAvailable(peer))
            {
                _job.Check(name, method.CreateDelegate<Func<bool>>(this), weighted: name == nameof(GeneratedWeighted));
            }
        }
    }

    /// <summary>The generated method called once per fit, one thread.</summary>
    [Benchmark(Baseline = true)]
    public bool Generated()
    {
        var job = _job;
        bool ok = true;
        for (int k = 0; k < job.Fits; k++)
        {
            int rows = job.RowsOf(k);
            ok &= typeof(T) == typeof(double)
                ? Solvers.Fit(As<double>(job.MatrixOf(k)), As<double>(job.RhsOf(k)), As<double>(job.SolutionOf(k)), rows, Cols).Success
                : Solvers.FitSingle(As<float>(job.MatrixOf(k)), As<float>(job.RhsOf(k)), As<float>(job.SolutionOf(k)), rows, Cols).Success;
        }

        return ok;
    }

    /// <summary>The generated weighted method (w after b) called once per fit, one thread.</summary>
    [Benchmark]
    public bool GeneratedWeighted()
    {
        var job = _job;
        bool ok = true;
        for (int k = 0; k < job.Fits; k++)
        {
            int rows = job.RowsOf(k);
            ok &= typeof(T) == typeof(double)
                ? Solvers.FitWeighted(As<double>(job.MatrixOf(k)), As<double>(job.RhsOf(k)), As<double>(job.WeightsOf(k)), As<double>(job.SolutionOf(k)), rows, Cols).Success
                : Solvers.FitWeightedSingle(As<float>(job.MatrixOf(k)), As<float>(job.RhsOf(k)), As<float>(job.WeightsOf(k)), As<float>(job.SolutionOf(k)), rows, Cols).Success;
        }

        return ok;
    }

    /// <summary>The generated method over every core through <c>LeastSquares.FitBatch</c>.</summary>
    [Benchmark]
    public bool AllCores()
    {
        var job = _job;
        if (typeof(T) == typeof(double))
        {
            LeastSquares.FitBatch<double>(Solvers.Fit, As<double>(job.A), As<double>(job.B), job.RowStarts, As<double>(job.X), job.Results, Cols, Environment.ProcessorCount);
        }
        else
        {
            LeastSquares.FitBatch<float>(Solvers.FitSingle, As<float>(job.A), As<float>(job.B), job.RowStarts, As<float>(job.X), job.Results, Cols, Environment.ProcessorCount);
        }

        return job.Results.AsSpan().IndexOfAnyExcept(SolveResult.Succeeded) < 0;
    }

    /// <summary>The runtime's <c>LeastSquares.FitBatch</c> (no generator), one thread.</summary>
    [Benchmark]
    public bool Runtime()
    {
        var job = _job;
        if (typeof(T) == typeof(double))
        {
            LeastSquares.FitBatch(As<double>(job.A), As<double>(job.B), job.RowStarts, As<double>(job.X), job.Results, Cols);
        }
        else
        {
            LeastSquares.FitBatch(As<float>(job.A), As<float>(job.B), job.RowStarts, As<float>(job.X), job.Results, Cols);
        }

        return job.Results.AsSpan().IndexOfAnyExcept(SolveResult.Succeeded) < 0;
    }

    /// <summary>MathNet thin Householder QR per fit (<c>A.QR(QRMethod.Thin).Solve(b)</c>), A copied into MathNet's column-major storage first.</summary>
    [Benchmark]
    [Peer(Peer.MathNet)]
    public bool MathNetQr()
    {
        var job = _job;
        for (int k = 0; k < job.Fits; k++)
        {
            Matrix<T> a = ToMathNet(job.MatrixOf(k), job.RowsOf(k));
            Vector<T> solution = a.QR(QRMethod.Thin).Solve(Vector<T>.Build.Dense(job.RhsOf(k).ToArray()));
            solution.AsArray().CopyTo(job.SolutionOf(k));
        }

        return true;
    }

    /// <summary>MathNet normal equations per fit: AᵀA and Aᵀb with <c>TransposeThisAndMultiply</c>, then Cholesky.</summary>
    [Benchmark]
    [Peer(Peer.MathNet)]
    public bool MathNetNormal()
    {
        var job = _job;
        for (int k = 0; k < job.Fits; k++)
        {
            Matrix<T> a = ToMathNet(job.MatrixOf(k), job.RowsOf(k));
            Vector<T> atb = a.TransposeThisAndMultiply(Vector<T>.Build.Dense(job.RhsOf(k).ToArray()));
            a.TransposeThisAndMultiply(a).Cholesky().Solve(atb).AsArray().CopyTo(job.SolutionOf(k));
        }

        return true;
    }

    /// <summary>OpenBLAS (one thread) per fit: dsyrk for AᵀA, dgemv for Aᵀb (so A is read twice, as BLAS users read it), dposv; A used in place.</summary>
    [Benchmark]
    [Peer(Peer.OpenBlas)]
    public bool OpenBlas()
    {
        var job = _job;
        bool ok = true;
        if (typeof(T) == typeof(double))
        {
            double* gram = stackalloc double[Cols * Cols];
            fixed (double* a = As<double>(job.A), b = As<double>(job.B), x = As<double>(job.X))
            {
                for (int k = 0; k < job.Fits; k++)
                {
                    int first = job.RowStarts[k];
                    ok &= LapackePeer.NormalEquations(a + (long)first * Cols, b + first, job.RowsOf(k), Cols, gram, x + k * Cols) == 0;
                }
            }
        }
        else
        {
            float* gram = stackalloc float[Cols * Cols];
            fixed (float* a = As<float>(job.A), b = As<float>(job.B), x = As<float>(job.X))
            {
                for (int k = 0; k < job.Fits; k++)
                {
                    int first = job.RowStarts[k];
                    ok &= LapackePeer.NormalEquations(a + (long)first * Cols, b + first, job.RowsOf(k), Cols, gram, x + k * Cols) == 0;
                }
            }
        }

        return ok;
    }

    /// <summary>
    /// The floor: one pass over A and b, the least any fit of the job must read, summing every element
    /// with the widest vectors the machine accelerates (Vector512 where it can). bench/lsq-table.py
    /// reports it as GB/s.
    /// </summary>
    [Benchmark]
    public T ReadProbe() => ReadPass(_job.A) + ReadPass(_job.B);

    /// <summary>The floor of <see cref="AllCores"/>: <see cref="ReadProbe"/> split into one contiguous part per core.</summary>
    [Benchmark]
    public T ReadProbeAllCores()
    {
        int parts = Environment.ProcessorCount;
        var sums = new T[parts];
        System.Threading.Tasks.Parallel.For(0, parts, part =>
        {
            sums[part] = ReadPass(Part(_job.A, part, parts)) + ReadPass(Part(_job.B, part, parts));
        });
        T sum = T.Zero;
        foreach (T s in sums)
        {
            sum += s;
        }

        return sum;
    }

    /// <summary>The floor of <see cref="GeneratedWeighted"/>: <see cref="ReadProbe"/> and the weights.</summary>
    [Benchmark]
    public T ReadProbeWeighted() => ReadPass(_job.A) + ReadPass(_job.B) + ReadPass(_job.W);

    private static ReadOnlySpan<T> Part(T[] array, int part, int parts)
    {
        long from = (long)array.Length * part / parts, to = (long)array.Length * (part + 1) / parts;
        return array.AsSpan((int)from, (int)(to - from));
    }

    private static T ReadPass(ReadOnlySpan<T> data) => Vector512.IsHardwareAccelerated ? Sum512(data) : Sum256(data);

    private static T Sum512(ReadOnlySpan<T> data)
    {
        ref T a = ref MemoryMarshal.GetReference(data);
        nuint length = (nuint)data.Length, step = (nuint)Vector512<T>.Count, i = 0;
        Vector512<T> s0 = Vector512<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
        for (; i + 4 * step <= length; i += 4 * step)
        {
            s0 += Vector512.LoadUnsafe(ref a, i);
            s1 += Vector512.LoadUnsafe(ref a, i + step);
            s2 += Vector512.LoadUnsafe(ref a, i + 2 * step);
            s3 += Vector512.LoadUnsafe(ref a, i + 3 * step);
        }

        T sum = Vector512.Sum(s0 + s1 + s2 + s3);
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref a, i);
        }

        return sum;
    }

    private static T Sum256(ReadOnlySpan<T> data)
    {
        ref T a = ref MemoryMarshal.GetReference(data);
        nuint length = (nuint)data.Length, step = (nuint)Vector256<T>.Count, i = 0;
        Vector256<T> s0 = Vector256<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
        for (; i + 4 * step <= length; i += 4 * step)
        {
            s0 += Vector256.LoadUnsafe(ref a, i);
            s1 += Vector256.LoadUnsafe(ref a, i + step);
            s2 += Vector256.LoadUnsafe(ref a, i + 2 * step);
            s3 += Vector256.LoadUnsafe(ref a, i + 3 * step);
        }

        T sum = Vector256.Sum(s0 + s1 + s2 + s3);
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref a, i);
        }

        return sum;
    }

    private static Matrix<T> ToMathNet(ReadOnlySpan<T> a, int rows)
    {
        var matrix = Matrix<T>.Build.Dense(rows, Cols);
        T[] data = ((DenseColumnMajorMatrixStorage<T>)matrix.Storage).Data;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < Cols; j++)
            {
                data[j * rows + i] = a[i * Cols + j];
            }
        }

        return matrix;
    }

    // T is double or float here; the JIT drops the other branch of each method.
    private static TTo[] As<TTo>(T[] array) => (TTo[])(object)array;

    private static ReadOnlySpan<TTo> As<TTo>(ReadOnlySpan<T> span)
        where TTo : unmanaged => MemoryMarshal.Cast<T, TTo>(span);

    private static Span<TTo> As<TTo>(Span<T> span)
        where TTo : unmanaged => MemoryMarshal.Cast<T, TTo>(span);
}
