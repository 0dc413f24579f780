using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The factor forms never read the unstored triangle: NaN there (and in longer spans' tails) gives
/// the same bits as zeros; and nothing outside the stored triangle, or past the needed length, is written.
/// </summary>
public class FactorFormStorageTests
{
    private const int Extra = 3;

    public static IEnumerable<object[]> Cases => FactorFormRegistry.MethodsAndSizes((_, n) => n > 0);

    [Theory]
    [MemberData(nameof(Cases))]
    public void NaN_and_zero_in_the_unread_triangle_give_identical_bits(string method, int n) =>
        FactorFormRegistry.Run(method, s => Compare(s, n), s => Compare(s, n));

    private static void Compare<T>(FactorFormMethod<T> method, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nrhs = method.HasNrhs ? 3 : 1;
        TestMatrix matrix = GeneratedTestData.Matrix(2, n, method.Precision);
        string context = method.Describe(n, $"nrhs={nrhs}");
        (T[] Zeros, T[] NaNs) a = method.Form == FactorForm.Factored
            ? (method.RuntimeFactor(matrix, fill: T.Zero), method.RuntimeFactor(matrix, Extra, T.NaN))
            : (method.Store(matrix, fill: T.Zero), method.Store(matrix, Extra, T.NaN));
        int secondLength = method.Form switch
        {
            FactorForm.Factor => 0,
            FactorForm.Factored => n * nrhs,
            _ => n * n,
        };
        T[] secondZeros = method.Form == FactorForm.Factored ? MatrixStorage.Convert<T>(GeneratedTestData.RightHandSide(matrix, nrhs).B) : new T[secondLength];
        T[] secondNaNs = [.. secondZeros, .. TestData.Sentinels<T>(Extra, 3)];
        T[] aBefore = (T[])a.NaNs.Clone(), secondBefore = (T[])secondNaNs.Clone();

        Assert.True(method.Invoke(a.Zeros, secondZeros, n, nrhs).Success, context + ", zero fill: failed");
        Assert.True(method.Invoke(a.NaNs, secondNaNs, n, nrhs).Success, context + ", NaN fill: failed");

        int changed = MatrixStorage.FirstChangeOutsideTriangle<T>(aBefore, a.NaNs, n, method.Triangle, method.Layout);
        Assert.True(changed == -1, $"{context}: a[{changed}], outside the stored triangle or past n·n, changed");
        for (int k = 0; k < n * n; k++)
        {
            if (MatrixStorage.IsStored(k, n, method.Triangle, method.Layout))
            {
                Assert.True(MatrixStorage.BitIdentical<T>(a.Zeros.AsSpan(k, 1), a.NaNs.AsSpan(k, 1)), $"{context}: a[{k}] differs between NaN and zero fill");
            }
        }

        Assert.True(MatrixStorage.BitIdentical<T>(secondZeros, secondNaNs.AsSpan(0, secondLength)), context + ": the output differs between NaN and zero fill");
        Assert.True(MatrixStorage.BitIdentical<T>(secondBefore.AsSpan(secondLength), secondNaNs.AsSpan(secondLength)), context + ": the output's tail changed");
    }
}
