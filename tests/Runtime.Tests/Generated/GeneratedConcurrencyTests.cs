using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using Specialized.Runtime.Tests.Batch;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Sixteen threads call one generated method at once, many times, each cycling through sizes in the
/// unrolled range, past MaxN (the runtime fallback) and at n = 200 (the blocked kernel), so every path
/// runs beside every other: each call gives the bits the same call gave on one thread. Shared mutable
/// state anywhere (scratch, pools, pack buffers) would show as a difference or an exception.
/// </summary>
public class GeneratedConcurrencyTests
{
    private const int Threads = 16;

    private const int CallsPerThread = 48;

    private const int Nrhs = 3;

    public static IEnumerable<object[]> Cases =>
    [
        ["KeepNrhs32_D_LR", new[] { 3, 32, 33, 200 }],
        ["InPlace32_F_UC", new[] { 7, 32, 33, 200 }],
        ["InPlace_D_UR", new[] { 1, 8, 9, 65 }],
        ["Factor32_F_UR", new[] { 5, 32, 33, 200 }],
        ["FactoredNrhs32_F_UR", new[] { 4, 32, 33, 200 }],
        ["Inverse16_D_LC", new[] { 5, 16, 17, 200 }],
        ["Double_UR", new[] { 4, 20, 21, 40 }],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sixteen_threads_give_the_bits_of_one(string method, int[] sizes)
    {
        if (BatchSolvers.Names.Contains(method))
        {
            switch (BatchSolvers.Get(method).Solve)
            {
                case BatchSolver<double> solver: Check(sizes.Select(n => BatchCall(solver, method, n)).ToArray()); break;
                case BatchSolver<float> solver: Check(sizes.Select(n => BatchCall(solver, method, n)).ToArray()); break;
            }
        }
        else if (SolverRegistry.All.Any(s => s.Name == method))
        {
            GeneratedTestData.Run(method, s => Check(sizes.Select(n => SolveCall(s, n)).ToArray()), s => Check(sizes.Select(n => SolveCall(s, n)).ToArray()));
        }
        else
        {
            FactorFormRegistry.Run(method, m => Check(sizes.Select(n => FactorFormCall(m, n)).ToArray()), m => Check(sizes.Select(n => FactorFormCall(m, n)).ToArray()));
        }
    }

    // One thread first, for the expected bits; then every thread, released together, compares each of its calls with them.
    private static void Check<T>(Call<T>[] calls)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[][] expected = calls.Select(c => c.Run()).ToArray();
        var problems = new ConcurrentQueue<string>();
        using var start = new Barrier(Threads);
        Thread[] threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int k = 0; k < CallsPerThread; k++)
            {
                Call<T> call = calls[(t + k) % calls.Length];
                try
                {
                    int difference = MatrixStorage.FirstBitDifference<T>(expected[(t + k) % calls.Length], call.Run());
                    if (difference >= 0)
                    {
                        problems.Enqueue($"{call.Description}: thread {t}, call {k} differs from one thread's at element {difference}");
                        return;
                    }
                }
                catch (Exception exception)
                {
                    problems.Enqueue($"{call.Description}: thread {t}, call {k} threw {exception}");
                    return;
                }
            }
        })).ToArray();

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromMinutes(5)), "A thread did not finish in 5 minutes: a hang.");
        }

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    private static Call<T> SolveCall<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestMatrix matrix = GeneratedTestData.Matrix(2, n, solver.Precision);
        int nrhs = solver.HasNrhs ? Nrhs : 1;
        T[] a = MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout);
        T[] b = MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrix, nrhs).B);
        return new Call<T>(solver.Describe(n), () =>
        {
            T[] aCopy = (T[])a.Clone(), bCopy = (T[])b.Clone(), x = new T[n * nrhs];
            Assert.True(solver.Invoke(aCopy, bCopy, x, n, nrhs).Success);
            return [.. aCopy, .. bCopy, .. x];
        });
    }

    private static Call<T> FactorFormCall<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestMatrix matrix = GeneratedTestData.Matrix(2, n, method.Precision);
        int nrhs = method.HasNrhs ? Nrhs : 1;
        T[] first = method.Form == FactorForm.Factored ? method.RuntimeFactor(matrix) : method.Store(matrix);
        T[] second = method.Form switch
        {
            FactorForm.Factored => MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrix, nrhs).B),
            FactorForm.Inverse => new T[n * n],
            _ => [],
        };
        return new Call<T>(method.Describe(n), () =>
        {
            T[] firstCopy = (T[])first.Clone(), secondCopy = (T[])second.Clone();
            Assert.True(method.Invoke(firstCopy, secondCopy, n, nrhs).Success);
            return [.. firstCopy, .. secondCopy];
        });
    }

    // Systems of size n, each the test matrix scaled by its index, so a result written to the wrong system shows.
    private static Call<T> BatchCall<T>(BatchSolver<T> solver, string name, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int count = 37;
        (_, Triangle triangle, MatrixLayout layout, _) = BatchSolvers.Get(name);
        TestMatrix matrix = GeneratedTestData.Matrix(2, n, Lapack.PrecisionOf<T>());
        T[] one = MatrixStorage.Store<T>(matrix.Dense, n, triangle, layout, fill: T.Zero);
        T[] a = Enumerable.Range(1, count).SelectMany(k => one.Select(v => v * T.CreateTruncating(k))).ToArray();
        T[] b = MatrixStorage.Convert<T>(Enumerable.Range(0, count * n).Select(i => 1.0 + i % 7).ToArray());
        return new Call<T>($"{name}, n={n}, {count} systems", () =>
        {
            var x = new T[count * n];
            var results = new SolveResult[count];
            solver(a, b, x, results, n);
            Assert.All(results, r => Assert.True(r.Success));
            return x;
        });
    }

    /// <summary>One call on fresh copies of fixed inputs, returning every buffer it wrote.</summary>
    private sealed record Call<T>(string Description, Func<T[]> Run);
}
