using System;
using BenchmarkDotNet.Attributes;

namespace Specialized.Benchmarks;

/// <summary>
/// Factor + solve, one right-hand side, per system: the generated solver against the runtime
/// fallback on the same 256 distinct matrices. Peers (Eigen, OpenBLAS, MathNet) join this table
/// with the small-n performance work.
/// </summary>
[MedianColumn]
[MemoryDiagnoser]
public class SmallSolveBenchmarks
{
    private const int Systems = 256;
    private SpdBatch _batch = null!;

    [Params(2, 3, 4, 6, 8, 12, 16, 24, 32)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _batch = new SpdBatch(N, Systems, seed: 42);

    [Benchmark(Baseline = true, OperationsPerInvoke = Systems)]
    public bool Fallback()
    {
        int n = N;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ok &= Cholesky.Solve(_batch.A.AsSpan(k * n * n, n * n), _batch.B.AsSpan(k * n, n), _batch.X.AsSpan(k * n, n), n).Success;
        }

        return ok;
    }

    [Benchmark(OperationsPerInvoke = Systems)]
    public bool Generated()
    {
        int n = N;
        bool ok = true;
        for (int k = 0; k < Systems; k++)
        {
            ok &= Solvers.Solve(_batch.A.AsSpan(k * n * n, n * n), _batch.B.AsSpan(k * n, n), _batch.X.AsSpan(k * n, n), n).Success;
        }

        return ok;
    }
}
