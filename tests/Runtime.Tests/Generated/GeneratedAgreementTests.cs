using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The generated methods against the runtime's <see cref="Cholesky.Solve(System.Span{double}, System.Span{double}, int, int, Triangle, MatrixLayout)"/>
/// on the same input: within a small multiple of ε·cond where the unrolled code runs (the
/// summation order differs, so the bits may too), and bit for bit above MaxN, where the
/// generated method must be nothing but a call to the fallback with its own triangle and layout.
/// </summary>
public class GeneratedAgreementTests
{
    public static IEnumerable<object[]> Cases => SolverRegistry.MethodsAndSizes((_, n) => n > 0);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_and_runtime_solutions_agree(string method, int n) =>
        GeneratedTestData.Run(method, s => Compare(s, n), s => Compare(s, n));

    private static void Compare<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Well and badly conditioned SPD matrices, and one that fails half-way (type 5).
        foreach (int type in new[] { 2, 6, 7, 5 })
        {
            if (!TestMatrix.Applies(type, n))
            {
                continue;
            }

            TestMatrix matrix = GeneratedTestData.Matrix(type, n, solver.Precision);
            foreach (int nrhs in solver.RightHandSideCounts)
            {
                RightHandSide rhs = GeneratedTestData.RightHandSide(matrix, nrhs);
                string context = solver.Describe(n, matrix.Describe($"nrhs={nrhs}"));
                T[] a = MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout);
                T[] b = MatrixStorage.Convert<T>(rhs.B);
                var generated = new GeneratedTestData.Buffers<T>((T[])a.Clone(), (T[])b.Clone(), new T[n * nrhs]);
                var runtime = new GeneratedTestData.Buffers<T>((T[])a.Clone(), (T[])b.Clone(), new T[n * nrhs]);

                Outcome outcome = generated.Call(solver, n, nrhs);
                SolveResult expected = solver.InvokeRuntime(runtime.A, runtime.B, runtime.X, n, nrhs);

                Assert.True(outcome.Success == expected.Success, $"{context}: generated {outcome}, runtime {expected}");
                if (solver.ReturnsSolveResult)
                {
                    Assert.True(outcome.FailedPivot == expected.FailedPivot, $"{context}: generated {outcome}, runtime {expected}");
                }

                if (n > solver.MaxN)
                {
                    Assert.True(MatrixStorage.BitIdentical<T>(runtime.A, generated.A), context + ": a differs from the fallback's");
                    Assert.True(MatrixStorage.BitIdentical<T>(runtime.B, generated.B), context + ": b differs from the fallback's");
                    Assert.True(MatrixStorage.BitIdentical<T>(runtime.X, generated.X), context + ": x differs from the fallback's");
                }
                else if (expected.Success)
                {
                    // dget04 with the runtime's answer as the reference: ‖x − x_rt‖∞/‖x_rt‖∞ < 30·ε/rcond.
                    double[] reference = MatrixStorage.ToDouble<T>(runtime.Solution(solver));
                    LapackRatios.AssertBelow(
                        context,
                        ("agreement", LapackRatios.ForwardError<T>(generated.Solution(solver), reference, n, nrhs, matrix.RCond, Lapack.Epsilon(matrix.Precision))));
                }
            }
        }
    }
}
