using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// dchkpo on every generated factor-form method at every n it covers (unrolled and fallback), the
/// unstored triangle full of NaN: [SpdFactor] keeps dpot01's factor ratio below 30 and writes
/// nothing outside the stored triangle; the solve with a factor (made by <see cref="Cholesky.Factor(Span{double}, int, Triangle, MatrixLayout)"/>)
/// keeps dpot02's residual and dget04's forward-error ratios below 30 for nrhs 1 and 3 and never
/// writes the factor; [SpdInverse] keeps dpot03's ratio below 30, writes both triangles with the
/// same bits and never writes a. Then the same methods against the runtime fallback: the same
/// outcome everywhere, bit for bit above MaxN, within dget04's bound below it.
/// </summary>
public class FactorFormAccuracyTests
{
    private const int Extra = 3;

    public static IEnumerable<object[]> Cases => FactorFormRegistry.MethodsAndSizes();

    public static IEnumerable<object[]> AgreementCases => FactorFormRegistry.MethodsAndSizes((_, n) => n > 0);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dchkpo_ratios_stay_below_threshold(string method, int n) =>
        FactorFormRegistry.Run(method, s => Check(s, n), s => Check(s, n));

    [Theory]
    [MemberData(nameof(AgreementCases))]
    public void Generated_and_runtime_results_agree(string method, int n) =>
        FactorFormRegistry.Run(method, s => Compare(s, n), s => Compare(s, n));

    private static void Check<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int type in GeneratedTestData.SpdTypes(n))
        {
            TestMatrix matrix = GeneratedTestData.Matrix(type, n, method.Precision);
            switch (method.Form)
            {
                case FactorForm.Factor:
                    CheckFactor(method, matrix);
                    break;
                case FactorForm.Factored:
                    CheckFactoredSolve(method, matrix);
                    break;
                default:
                    CheckInverse(method, matrix);
                    break;
            }
        }
    }

    private static void CheckFactor<T>(FactorFormMethod<T> method, TestMatrix matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N;
        string context = method.Describe(n, matrix.Describe());
        T[] a = method.Store(matrix, Extra);
        T[] before = (T[])a.Clone();

        Outcome outcome = method.Invoke(a, default, n);

        Assert.True(outcome == method.Success, $"{context}: {outcome}");
        int changed = MatrixStorage.FirstChangeOutsideTriangle<T>(before, a, n, method.Triangle, method.Layout);
        Assert.True(changed == -1, $"{context}: a[{changed}], outside the stored triangle or past n·n, changed");
        LapackRatios.AssertBelow(context, ("factor", LapackRatios.Factor<T>(matrix, a, method.Triangle, method.Layout)));
    }

    private static void CheckFactoredSolve<T>(FactorFormMethod<T> method, TestMatrix matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N;
        T[] factor = method.RuntimeFactor(matrix, Extra);
        T[] factorBefore = (T[])factor.Clone();
        foreach (int nrhs in method.RightHandSideCounts)
        {
            RightHandSide rhs = GeneratedTestData.RightHandSide(matrix, nrhs);
            string context = method.Describe(n, matrix.Describe($"nrhs={nrhs}"));
            T[] b = [.. MatrixStorage.Convert<T>(rhs.B), .. TestData.Sentinels<T>(Extra, 3)];

            Outcome outcome = method.Invoke(factor, b, n, nrhs);

            Assert.True(outcome == method.Success, $"{context}: {outcome}");
            Assert.True(MatrixStorage.BitIdentical<T>(factorBefore, factor), context + ": the factor changed");
            Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(Extra, 3), b.AsSpan(n * nrhs)), context + ": b's tail changed");
            T[] x = b[..(n * nrhs)];
            LapackRatios.AssertBelow(
                context,
                ("residual", LapackRatios.Residual<T>(matrix, rhs, x)),
                ("forward", LapackRatios.ForwardError<T>(matrix, rhs, x)));
        }
    }

    private static void CheckInverse<T>(FactorFormMethod<T> method, TestMatrix matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = matrix.N;
        string context = method.Describe(n, matrix.Describe());
        T[] a = method.Store(matrix, Extra);
        T[] aBefore = (T[])a.Clone();
        T[] inverse = [.. TestData.Sentinels<T>(n * n, 5), .. TestData.Sentinels<T>(Extra, 7)];

        Outcome outcome = method.Invoke(a, inverse, n);

        Assert.True(outcome == method.Success, $"{context}: {outcome}");
        Assert.True(MatrixStorage.BitIdentical<T>(aBefore, a), context + ": a changed");
        Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(Extra, 7), inverse.AsSpan(n * n)), context + ": the inverse's tail changed");
        InverseTests.AssertSymmetric<T>(inverse, n, context);
        LapackRatios.AssertBelow(context, ("inverse", LapackRatios.Inverse<T>(matrix, inverse)));
    }

    private static void Compare<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Well and badly conditioned SPD matrices, and one that fails half-way (type 5; the factored
        // solve has no failure to compare).
        foreach (int type in method.Form == FactorForm.Factored ? new[] { 2, 6, 7 } : [2, 6, 7, 5])
        {
            if (!TestMatrix.Applies(type, n))
            {
                continue;
            }

            TestMatrix matrix = GeneratedTestData.Matrix(type, n, method.Precision);
            foreach (int nrhs in method.Form == FactorForm.Factored ? method.RightHandSideCounts : [1])
            {
                string context = method.Describe(n, matrix.Describe($"nrhs={nrhs}"));
                (T[] matrixBuffer, T[] second) = method.Form switch
                {
                    FactorForm.Factor => (method.Store(matrix), Array.Empty<T>()),
                    FactorForm.Factored => (method.RuntimeFactor(matrix), MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrix, nrhs).B)),
                    _ => (method.Store(matrix), new T[n * n]),
                };
                T[] generatedMatrix = (T[])matrixBuffer.Clone(), generatedSecond = (T[])second.Clone();
                T[] runtimeMatrix = (T[])matrixBuffer.Clone(), runtimeSecond = (T[])second.Clone();

                Outcome outcome = method.Invoke(generatedMatrix, generatedSecond, n, nrhs);
                SolveResult expected = method.InvokeRuntime(runtimeMatrix, runtimeSecond, n, nrhs);

                Assert.True(outcome.Success == expected.Success, $"{context}: generated {outcome}, runtime {expected}");
                if (method.ReturnsSolveResult)
                {
                    Assert.True(outcome.FailedPivot == expected.FailedPivot, $"{context}: generated {outcome}, runtime {expected}");
                }

                if (n > method.MaxN)
                {
                    // Above MaxN the generated method is nothing but a call to the fallback, with its own triangle and layout.
                    Assert.True(MatrixStorage.BitIdentical<T>(runtimeMatrix, generatedMatrix), context + ": the matrix differs from the fallback's");
                    Assert.True(MatrixStorage.BitIdentical<T>(runtimeSecond, generatedSecond), context + ": the output differs from the fallback's");
                }
                else if (expected.Success && method.Form != FactorForm.Factor)
                {
                    // dget04 with the runtime's answer as the reference, ‖x − x_rt‖∞/‖x_rt‖∞ < 30·ε/rcond:
                    // per right-hand side for the solve, over the whole matrix for the inverse (normwise,
                    // as its error bound is). The factor's own accuracy is dpot01's, checked above.
                    (int rows, int cols) = method.Form == FactorForm.Factored ? (n, nrhs) : (n * n, 1);
                    LapackRatios.AssertBelow(
                        context,
                        ("agreement", LapackRatios.ForwardError<T>(generatedSecond, MatrixStorage.ToDouble<T>(runtimeSecond), rows, cols, matrix.RCond, Lapack.Epsilon(matrix.Precision))));
                }
            }
        }
    }
}
