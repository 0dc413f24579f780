using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// This project compiles unsafe code, so the looped kernel (17 ≤ n ≤ MaxN) skips zeroing its stack
/// buffer and must write every element before it reads it. Each call here runs right after a call
/// that left a large stack area full of one value (NaN, zero, or a huge finite number), which the
/// kernel's frame then reuses: the outcome, x, b and a must come out bit for bit the same whatever
/// the stack held.
/// </summary>
public class GeneratedStackGarbageTests
{
    private const int PoisonBytes = 64 * 1024;

    public static IEnumerable<object[]> Cases => SolverRegistry.MethodsAndSizes((s, n) => n > 16 && n <= s.MaxN || n is 4 or 16);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Results_do_not_depend_on_what_the_stack_held(string method, int n) =>
        GeneratedTestData.Run(method, s => Check(s, n), s => Check(s, n));

    private static void Check<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestMatrix matrix = GeneratedTestData.Matrix(6, n, solver.Precision);
        foreach (int nrhs in solver.RightHandSideCounts)
        {
            RightHandSide rhs = GeneratedTestData.RightHandSide(matrix, nrhs);
            T[] a = MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout);
            T[] b = MatrixStorage.Convert<T>(rhs.B);
            GeneratedTestData.Buffers<T>? clean = null;
            foreach (T poison in new[] { T.Zero, T.NaN, T.CreateChecked(1e30) })
            {
                var buffers = new GeneratedTestData.Buffers<T>((T[])a.Clone(), (T[])b.Clone(), new T[n * nrhs]);
                Poison(poison);
                Outcome outcome = buffers.Call(solver, n, nrhs);
                string context = solver.Describe(n, $"nrhs={nrhs}, stack of {poison}");
                Assert.True(outcome.Success, $"{context}: {outcome}");
                if (clean is null)
                {
                    clean = buffers;
                    continue;
                }

                Assert.True(MatrixStorage.BitIdentical<T>(clean.A, buffers.A), context + ": a differs from the zeroed stack's");
                Assert.True(MatrixStorage.BitIdentical<T>(clean.B, buffers.B), context + ": b differs from the zeroed stack's");
                Assert.True(MatrixStorage.BitIdentical<T>(clean.X, buffers.X), context + ": x differs from the zeroed stack's");
            }
        }
    }

    /// <summary>Fills the stack below the caller's frame with <paramref name="value"/> and returns, leaving it there.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Poison<T>(T value)
        where T : unmanaged
    {
        Span<byte> area = stackalloc byte[PoisonBytes];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(area).Fill(value);
        GC.KeepAlive(area.Length);
    }
}
