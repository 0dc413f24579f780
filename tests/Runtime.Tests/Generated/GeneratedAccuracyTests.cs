using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// dchkpo on every generated method at every n it covers (unrolled and fallback): the SPD types
/// keep LAPACK's ratios below 30, with the unstored triangle full of NaN; the in-place forms
/// leave a valid factor in the stored triangle and nothing else changed; the keep-inputs forms
/// never write a or b.
/// </summary>
public class GeneratedAccuracyTests
{
    public static IEnumerable<object[]> Cases => SolverRegistry.MethodsAndSizes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dchkpo_ratios_stay_below_threshold(string method, int n) =>
        GeneratedTestData.Run(method, s => Check(s, n), s => Check(s, n));

    private static void Check<T>(GeneratedSolver<T> solver, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int type in GeneratedTestData.SpdTypes(n))
        {
            TestMatrix matrix = GeneratedTestData.Matrix(type, n, solver.Precision);
            foreach (int nrhs in solver.RightHandSideCounts)
            {
                RightHandSide rhs = GeneratedTestData.RightHandSide(matrix, nrhs);
                string context = solver.Describe(n, matrix.Describe($"nrhs={nrhs}"));
                var buffers = new GeneratedTestData.Buffers<T>(
                    MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout),
                    MatrixStorage.Convert<T>(rhs.B),
                    TestData.Sentinels<T>(n * nrhs, 5));

                Outcome outcome = buffers.Call(solver, n, nrhs);

                Assert.True(outcome.Success, $"{context}: {outcome}");
                Assert.True(outcome.FailedPivot is null or -1, $"{context}: FailedPivot {outcome.FailedPivot} on success");
                T[] x = buffers.Solution(solver);
                if (solver.Form == GeneratedForm.InPlace)
                {
                    int changed = MatrixStorage.FirstChangeOutsideTriangle<T>(buffers.ABefore, buffers.A, n, solver.Triangle, solver.Layout);
                    Assert.True(changed == -1, $"{context}: a[{changed}], outside the stored triangle, changed");
                    LapackRatios.AssertBelow(
                        context,
                        ("factor", LapackRatios.Factor<T>(matrix, buffers.A, solver.Triangle, solver.Layout)),
                        ("residual", LapackRatios.Residual<T>(matrix, rhs, x)),
                        ("forward", LapackRatios.ForwardError<T>(matrix, rhs, x)));
                }
                else
                {
                    Assert.True(MatrixStorage.BitIdentical<T>(buffers.ABefore, buffers.A), context + ": keep-inputs form wrote a");
                    Assert.True(MatrixStorage.BitIdentical<T>(buffers.BBefore, buffers.B), context + ": keep-inputs form wrote b");
                    LapackRatios.AssertBelow(
                        context,
                        ("residual", LapackRatios.Residual<T>(matrix, rhs, x)),
                        ("forward", LapackRatios.ForwardError<T>(matrix, rhs, x)));
                }
            }
        }
    }
}
