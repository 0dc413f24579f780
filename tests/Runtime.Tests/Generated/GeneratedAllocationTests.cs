using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>docs/design.md ("Allocation"): no allocation on any path, unrolled or fallback, once warmed up.</summary>
public class GeneratedAllocationTests
{
    private const int Calls = 200;

    public static IEnumerable<object[]> Methods => SolverRegistry.Methods();

    [Theory]
    [MemberData(nameof(Methods))]
    public void No_call_allocates_after_warm_up(string method) =>
        GeneratedTestData.Run(method, Check, Check);

    private static void Check<T>(GeneratedSolver<T> solver)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The smallest size, the middle and the end of the unrolled range, the first fallback size
        // and the largest size the method is tested at (past the keep-inputs stack scratch for MaxN = 32).
        int[] sizes = new[] { 1, Math.Max(1, solver.MaxN / 2), solver.MaxN, solver.MaxN + 1, solver.Sizes[^1] }.Distinct().ToArray();
        var problems = sizes.Select(n => Problem<T>.Create(solver, n)).ToArray();

        // JIT-compiles every kernel and lets the fallback fill its pool before measuring.
        foreach (Problem<T> problem in problems)
        {
            problem.Run(solver, calls: 2);
        }

        long allocated = Allocations.Measure(() =>
        {
            foreach (Problem<T> problem in problems)
            {
                problem.Run(solver, Calls);
            }
        });

        Assert.True(allocated == 0, $"{solver.Describe(-1)}: {allocated} bytes allocated over {Calls} calls at each n in [{string.Join(", ", sizes)}]");
    }

    private sealed class Problem<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private Problem(int n, int nrhs, T[] originalA, T[] originalB)
        {
            N = n;
            Nrhs = nrhs;
            OriginalA = originalA;
            OriginalB = originalB;
            A = new T[originalA.Length];
            B = new T[originalB.Length];
            X = new T[originalB.Length];
        }

        public int N { get; }

        public int Nrhs { get; }

        public T[] OriginalA { get; }

        public T[] OriginalB { get; }

        public T[] A { get; }

        public T[] B { get; }

        public T[] X { get; }

        public static Problem<T> Create(GeneratedSolver<T> solver, int n)
        {
            int nrhs = solver.HasNrhs ? 2 : 1;
            TestMatrix matrix = GeneratedTestData.Matrix(2, n, solver.Precision);
            return new Problem<T>(
                n,
                nrhs,
                MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout),
                MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrix, nrhs).B));
        }

        public void Run(GeneratedSolver<T> solver, int calls)
        {
            for (int k = 0; k < calls; k++)
            {
                // The in-place forms overwrite a and b: start each call from the original problem.
                OriginalA.AsSpan().CopyTo(A);
                OriginalB.AsSpan().CopyTo(B);
                if (!solver.Invoke(A, B, X, N, Nrhs).Success)
                {
                    throw new InvalidOperationException(solver.Describe(N, "failed on an SPD matrix"));
                }
            }
        }
    }
}
