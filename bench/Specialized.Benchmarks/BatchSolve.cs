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
/// fixed-size LLT looped in C++ and OpenBLAS per system, and the stream floor (a and b read, x
/// written, once) on one core and on all. Count = 256 is the batch in cache (the same 256 systems
/// each invocation), measured for the batch alone against FmaPeak; 10,000 and 1,000,000 stream from
/// memory. SPECIALIZED_BENCH_N narrows the sizes.
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
[GenericTypeArguments(typeof(double))]
[GenericTypeArguments(typeof(float))]
[WarmupCount(1)]
[IterationCount(7)]
[IterationTime(120)]
[MedianColumn]
[MemoryDiagnoser]
public unsafe class BatchSolve<T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    /// <summary>The in-cache count: 256 systems of order 16 in double are 0.5 MB, inside the 1 MiB L2.</summary>
    public const int InCache = 256;

    private const int FromMemory = 10_000;

    // The cases of one N and Count share their systems when they run in one process (--inProcess):
    // building 10⁶ systems takes longer than measuring a method on them.
    private static SpdBatch<T>? s_shared;

    private SpdBatch<T> _batch = null!;
    private SolveResult[] _results = null!;
    private T[] _scratch = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [Params(InCache, 10_000, 1_000_000)]
    public int Count { get; set; }

    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("SPECIALIZED_BENCH_N") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : new[] { 8, 9, 10, 11, 12, 13, 14, 15, 16 };

    [GlobalSetup]
    public void Setup()
    {
        if (s_shared is not { } shared || shared.N != N || shared.Count != Count)
        {
            s_shared = null;
            shared = s_shared = new SpdBatch<T>(N, Count, seed: 42, distinct: 10_000);
        }

        _batch = shared;
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
    [CountRange(Min = FromMemory)]
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

    /// <summary>The generated batch method split over every core by <c>ParallelBatch.Solve</c>, where the batch streams from memory.</summary>
    [Benchmark]
    [CountRange(Min = 1_000_000)]
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
    /// The floor on one core: a and b read and x written once, the least memory traffic any batch
    /// solve of these sizes makes. bench/batch-table.py divides the batch's time by it.
    /// </summary>
    [Benchmark]
    [CountRange(Min = FromMemory)]
    public T StreamProbe() => ReadFloor.Stream<T>(_batch.A, _batch.B, _batch.X);

    /// <summary>The same floor on every core, the data cut in one contiguous part per core: what the memory allows the batch on all cores.</summary>
    [Benchmark]
    [CountRange(Min = 1_000_000)]
    public void StreamProbeAllCores()
    {
        int parts = Environment.ProcessorCount;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            long first = (long)Count * part / parts, end = (long)Count * (part + 1) / parts;
            int n = N, systems = (int)(end - first);
            ReadFloor.Stream<T>(_batch.A.AsSpan((int)(first * n * n), systems * n * n), _batch.B.AsSpan((int)(first * n), systems * n), _batch.X.AsSpan((int)(first * n), systems * n));
        });
    }

    /// <summary>Eigen 3.4 fixed-size LLT, the batch looped in C++.</summary>
    [Benchmark]
    [CountRange(Min = FromMemory, Max = FromMemory)]
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
    [CountRange(Min = FromMemory, Max = FromMemory)]
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
