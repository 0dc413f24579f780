using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Specialized.Benchmarks;

/// <summary>
/// Batched factor + solve: Count systems of order N per invocation (times in the report are per
/// invocation; bench/batch-table.py divides by Count). The generated batch method (one system per
/// vector lane) against the generated single-system method in a loop, the batch on all cores, Eigen's
/// fixed-size LLT looped in C++ and OpenBLAS per system. SPECIALIZED_BENCH_N narrows the sizes.
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
[GenericTypeArguments(typeof(double))]
[GenericTypeArguments(typeof(float))]
[WarmupCount(3)]
[IterationCount(10)]
[IterationTime(200)]
[MedianColumn]
[MemoryDiagnoser]
public unsafe class BatchSolve<T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    private SpdBatch<T> _batch = null!;
    private SolveResult[] _results = null!;
    private T[] _scratch = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [Params(10_000, 1_000_000)]
    public int Count { get; set; }

    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("SPECIALIZED_BENCH_N") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : new[] { 2, 3, 4, 6, 8, 10, 12, 16 };

    [GlobalSetup]
    public void Setup()
    {
        _batch = new SpdBatch<T>(N, Count, seed: 42, distinct: 10_000);
        _results = new SolveResult[Count];
        _scratch = GC.AllocateArray<T>(N * N, pinned: true);
        Batch();
        if (!_results.All(r => r.Success))
        {
            throw new InvalidOperationException("The generated batch failed a system of the bench batch.");
        }
    }

    /// <summary>The generated <c>[SpdSolve(MaxN = 16)]</c> batch method, one thread.</summary>
    [Benchmark(Baseline = true)]
    public void Batch()
    {
        if (typeof(T) == typeof(double))
        {
            Solvers.SolveBatch(As<double>(_batch.A), As<double>(_batch.B), As<double>(_batch.X), _results, N);
        }
        else
        {
            Solvers.SolveBatchSingle(As<float>(_batch.A), As<float>(_batch.B), As<float>(_batch.X), _results, N);
        }
    }

    /// <summary>The generated single-system method (<c>[SpdSolve(MaxN = 32)]</c>, keep inputs) called per system.</summary>
    [Benchmark]
    public bool Single()
    {
        int n = N, nn = n * n;
        bool ok = true;
        if (typeof(T) == typeof(double))
        {
            double[] a = As<double>(_batch.A), b = As<double>(_batch.B), x = As<double>(_batch.X);
            for (int k = 0; k < Count; k++)
            {
                ok &= Solvers.Solve(a.AsSpan(k * nn, nn), b.AsSpan(k * n, n), x.AsSpan(k * n, n), n).Success;
            }
        }
        else
        {
            float[] a = As<float>(_batch.A), b = As<float>(_batch.B), x = As<float>(_batch.X);
            for (int k = 0; k < Count; k++)
            {
                ok &= Solvers.SolveSingle(a.AsSpan(k * nn, nn), b.AsSpan(k * n, n), x.AsSpan(k * n, n), n).Success;
            }
        }

        return ok;
    }

    /// <summary>The generated batch method split over every core by <c>ParallelBatch.Solve</c>.</summary>
    [Benchmark]
    public void AllCores()
    {
        if (typeof(T) == typeof(double))
        {
            ParallelBatch.Solve<double>(Solvers.SolveBatch, As<double>(_batch.A), As<double>(_batch.B), As<double>(_batch.X), _results, N, Environment.ProcessorCount);
        }
        else
        {
            ParallelBatch.Solve<float>(Solvers.SolveBatchSingle, As<float>(_batch.A), As<float>(_batch.B), As<float>(_batch.X), _results, N, Environment.ProcessorCount);
        }
    }

    /// <summary>
    /// The floor on one core: one pass summing every element of the batch's matrices and right-hand
    /// sides, the least any batch solve must read. bench/batch-table.py reports it per system and as GB/s.
    /// </summary>
    [Benchmark]
    public T ReadProbe() => ReadFloor.Sum<T>(_batch.A) + ReadFloor.Sum<T>(_batch.B);

    /// <summary>The same floor on every core: the matrices and right-hand sides cut in one contiguous part per core.</summary>
    [Benchmark]
    public void ReadProbeAllCores()
    {
        int parts = Environment.ProcessorCount;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            ReadFloor.Sum<T>(Part(_batch.A, part, parts));
            ReadFloor.Sum<T>(Part(_batch.B, part, parts));
        });
    }

    private static ReadOnlySpan<T> Part(T[] data, int part, int parts)
    {
        long first = (long)data.Length * part / parts, end = (long)data.Length * (part + 1) / parts;
        return data.AsSpan((int)first, (int)(end - first));
    }

    /// <summary>Eigen 3.4 fixed-size LLT, the batch looped in C++.</summary>
    [Benchmark]
    [Peer(Peer.Eigen, FixedSizeOnly = true)]
    public bool EigenFixed()
    {
        if (typeof(T) == typeof(double))
        {
            fixed (double* a = As<double>(_batch.A), b = As<double>(_batch.B), x = As<double>(_batch.X))
            {
                return EigenPeer.FixedD(N, Count, a, b, x) == 0;
            }
        }

        fixed (float* a = As<float>(_batch.A), b = As<float>(_batch.B), x = As<float>(_batch.X))
        {
            return EigenPeer.FixedF(N, Count, a, b, x) == 0;
        }
    }

    /// <summary>LAPACKE potrf + potrs (OpenBLAS, one thread) per system, A and b copied to scratch first.</summary>
    [Benchmark]
    [Peer(Peer.OpenBlas)]
    public bool OpenBlas()
    {
        int n = N, nn = n * n;
        bool ok = true;
        if (typeof(T) == typeof(double))
        {
            fixed (double* a0 = As<double>(_batch.A), b0 = As<double>(_batch.B), x0 = As<double>(_batch.X), scratch = As<double>(_scratch))
            {
                for (int k = 0; k < Count; k++)
                {
                    double* x = x0 + (long)k * n;
                    new ReadOnlySpan<double>(a0 + (long)k * nn, nn).CopyTo(new Span<double>(scratch, nn));
                    new ReadOnlySpan<double>(b0 + (long)k * n, n).CopyTo(new Span<double>(x, n));
                    ok &= LapackePeer.FactorSolve(scratch, x, n) == 0;
                }
            }
        }
        else
        {
            fixed (float* a0 = As<float>(_batch.A), b0 = As<float>(_batch.B), x0 = As<float>(_batch.X), scratch = As<float>(_scratch))
            {
                for (int k = 0; k < Count; k++)
                {
                    float* x = x0 + (long)k * n;
                    new ReadOnlySpan<float>(a0 + (long)k * nn, nn).CopyTo(new Span<float>(scratch, nn));
                    new ReadOnlySpan<float>(b0 + (long)k * n, n).CopyTo(new Span<float>(x, n));
                    ok &= LapackePeer.FactorSolve(scratch, x, n) == 0;
                }
            }
        }

        return ok;
    }

    // T is double or float here; the JIT drops the other branch of each method.
    private static TTo[] As<TTo>(T[] array) => (TTo[])(object)array;
}
