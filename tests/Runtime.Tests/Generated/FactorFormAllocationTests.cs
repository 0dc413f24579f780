using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>docs/design.md ("Allocation"): no allocation on any path of the factor forms, unrolled or fallback, once warmed up.</summary>
public class FactorFormAllocationTests
{
    private const int Calls = 200;

    public static IEnumerable<object[]> Methods => FactorFormRegistry.Methods();

    [Theory]
    [MemberData(nameof(Methods))]
    public void No_call_allocates_after_warm_up(string method) =>
        FactorFormRegistry.Run(method, Check, Check);

    private static void Check<T>(FactorFormMethod<T> method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The smallest size, the middle and the end of the unrolled range, the first fallback size
        // and the largest size the method is tested at (past the inverse's stack scratch for MaxN = 8).
        int[] sizes = new[] { 1, Math.Max(1, method.MaxN / 2), method.MaxN, method.MaxN + 1, method.Sizes[^1] }.Distinct().ToArray();
        var problems = sizes.Select(n => Problem<T>.Create(method, n)).ToArray();

        // JIT-compiles every kernel and lets the fallback fill its pool before measuring.
        foreach (Problem<T> problem in problems)
        {
            problem.Run(method, calls: 2);
        }

        long allocated = Allocations.Measure(() =>
        {
            foreach (Problem<T> problem in problems)
            {
                problem.Run(method, Calls);
            }
        });

        Assert.True(allocated == 0, $"{method.Describe(-1)}: {allocated} bytes allocated over {Calls} calls at each n in [{string.Join(", ", sizes)}]");
    }

    private sealed class Problem<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int _n;
        private readonly int _nrhs;
        private readonly T[] _originalMatrix;
        private readonly T[] _originalSecond;
        private readonly T[] _matrix;
        private readonly T[] _second;

        private Problem(int n, int nrhs, T[] originalMatrix, T[] originalSecond)
        {
            _n = n;
            _nrhs = nrhs;
            _originalMatrix = originalMatrix;
            _originalSecond = originalSecond;
            _matrix = (T[])originalMatrix.Clone();
            _second = (T[])originalSecond.Clone();
        }

        public static Problem<T> Create(FactorFormMethod<T> method, int n)
        {
            int nrhs = method.HasNrhs ? 2 : 1;
            TestMatrix matrix = GeneratedTestData.Matrix(2, n, method.Precision);
            return method.Form switch
            {
                FactorForm.Factor => new Problem<T>(n, 1, method.Store(matrix), []),
                FactorForm.Factored => new Problem<T>(n, nrhs, method.RuntimeFactor(matrix), MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrix, nrhs).B)),
                _ => new Problem<T>(n, 1, method.Store(matrix), new T[n * n]),
            };
        }

        public void Run(FactorFormMethod<T> method, int calls)
        {
            for (int k = 0; k < calls; k++)
            {
                // The factor and the factored solve overwrite their input: start each call from the original problem.
                _originalMatrix.AsSpan().CopyTo(_matrix);
                _originalSecond.AsSpan().CopyTo(_second);
                if (!method.Invoke(_matrix, _second, _n, _nrhs).Success)
                {
                    throw new InvalidOperationException(method.Describe(_n, "failed on an SPD matrix"));
                }
            }
        }
    }
}
