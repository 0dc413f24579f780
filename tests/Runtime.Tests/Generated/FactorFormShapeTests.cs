using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Bad shapes throw the documented exception, naming the user's parameter, before any span of a
/// factor-form method is touched; n = 0 succeeds and touches nothing; nrhs = 0 touches nothing.
/// </summary>
public class FactorFormShapeTests
{
    public enum BadShape
    {
        NegativeN,
        MinValueN,
        NegativeNrhs,
        ShortMatrix,
        ShortSecond,
        MatrixLengthOverflowsInt,
        RightHandSideLengthOverflowsInt,
    }

    public static IEnumerable<object[]> Cases =>
        from method in FactorFormRegistry.All
        from shape in Enum.GetValues<BadShape>()
        where shape switch
        {
            BadShape.NegativeNrhs or BadShape.RightHandSideLengthOverflowsInt => method.HasNrhs,
            BadShape.ShortSecond => method.Form != FactorForm.Factor,
            _ => true,
        }
        select new object[] { method.Name, shape };

    public static IEnumerable<object[]> Methods => FactorFormRegistry.Methods();

    public static IEnumerable<object[]> NrhsMethods => FactorFormRegistry.Methods(s => s.HasNrhs);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_shape_throws_before_writing(string method, BadShape shape) =>
        FactorFormRegistry.Run(method, s => CheckThrows(s, shape), s => CheckThrows(s, shape));

    [Theory]
    [MemberData(nameof(Methods))]
    public void N_zero_succeeds_and_touches_nothing(string method) =>
        FactorFormRegistry.Run(method, CheckEmpty, CheckEmpty);

    [Theory]
    [MemberData(nameof(NrhsMethods))]
    public void Nrhs_zero_touches_nothing(string method) =>
        FactorFormRegistry.Run(method, CheckNoRightHandSide, CheckNoRightHandSide);

    private static void CheckThrows<T>(FactorFormMethod<T> method, BadShape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (Type Type, string Name) expected = shape switch
        {
            BadShape.NegativeN or BadShape.MinValueN => (typeof(ArgumentOutOfRangeException), method.NName),
            BadShape.NegativeNrhs => (typeof(ArgumentOutOfRangeException), method.NrhsName!),
            BadShape.ShortSecond or BadShape.RightHandSideLengthOverflowsInt => (typeof(ArgumentException), method.SecondName!),
            _ => (typeof(ArgumentException), method.MatrixName),
        };

        // Short spans at the smallest size, an unrolled size, the last unrolled size and the first fallback size.
        int[] sizes = shape is BadShape.ShortMatrix or BadShape.ShortSecond ? [1, 3, method.MaxN, method.MaxN + 1] : [3];
        foreach (int size in sizes.Distinct())
        {
            int n = size, nrhs = method.HasNrhs ? 2 : 1;
            int matrixLength = n * n;
            int secondLength = method.Form switch
            {
                FactorForm.Factor => 0,
                FactorForm.Factored => n * nrhs,
                _ => n * n,
            };
            switch (shape)
            {
                case BadShape.NegativeN: n = -1; break;
                case BadShape.MinValueN: n = int.MinValue; break;
                case BadShape.NegativeNrhs: nrhs = -1; break;
                case BadShape.ShortMatrix: matrixLength--; break;
                case BadShape.ShortSecond: secondLength--; break;
                case BadShape.MatrixLengthOverflowsInt: n = 50_000; break; // n² > int.MaxValue
                case BadShape.RightHandSideLengthOverflowsInt: nrhs = int.MaxValue; break; // n·nrhs > int.MaxValue
            }

            // A valid SPD matrix (its factor for the factored solve) and distinct sentinels, so
            // nothing but the shape can be wrong and any write shows.
            TestMatrix matrix = GeneratedTestData.Matrix(2, size, method.Precision);
            T[] full = method.Form == FactorForm.Factored ? method.RuntimeFactor(matrix, fill: T.Zero) : method.Store(matrix, fill: T.Zero);
            T[] a = full[..matrixLength];
            T[] second = TestData.Sentinels<T>(secondLength, 3);
            T[] aBefore = (T[])a.Clone(), secondBefore = (T[])second.Clone();
            string context = method.Describe(n, $"nrhs={nrhs}, {shape}, lengths {matrixLength}/{secondLength}");

            Exception? thrown = Record.Exception(() => method.Invoke(a, second, n, nrhs));

            Assert.True(thrown is not null, context + ": nothing thrown");
            Assert.True(expected.Type == thrown.GetType(), $"{context}: threw {thrown.GetType().Name}, expected {expected.Type.Name}: {thrown.Message}");
            Assert.True(expected.Name == ((ArgumentException)thrown).ParamName, $"{context}: ParamName '{((ArgumentException)thrown).ParamName}', the parameter is '{expected.Name}'");
            Assert.True(MatrixStorage.BitIdentical<T>(aBefore, a), context + ": the matrix changed");
            Assert.True(MatrixStorage.BitIdentical<T>(secondBefore, second), context + ": the second span changed");
        }
    }

    private static void CheckEmpty<T>(FactorFormMethod<T> method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int nrhs in method.HasNrhs ? new[] { 0, 1, 3 } : [1])
        {
            foreach (int length in new[] { 0, 4 })
            {
                T[] a = TestData.Sentinels<T>(length, 2), second = TestData.Sentinels<T>(length, 3);
                string context = method.Describe(0, $"nrhs={nrhs}, span length {length}");

                Outcome outcome = method.Invoke(a, second, 0, nrhs);

                Assert.True(outcome == method.Success, $"{context}: {outcome}");
                Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(length, 2), a), context + ": the matrix changed");
                Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(length, 3), second), context + ": the second span changed");
            }
        }
    }

    private static void CheckNoRightHandSide<T>(FactorFormMethod<T> method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int n in new[] { 1, Math.Min(5, method.MaxN), method.MaxN, method.MaxN + 1 }.Distinct())
        {
            T[] factor = method.RuntimeFactor(GeneratedTestData.Matrix(2, n, method.Precision));
            T[] factorBefore = (T[])factor.Clone();
            T[] b = TestData.Sentinels<T>(4, 3);
            string context = method.Describe(n, "nrhs=0");

            Outcome outcome = method.Invoke(factor, b, n, 0);

            Assert.True(outcome == method.Success, $"{context}: {outcome}");
            Assert.True(MatrixStorage.BitIdentical<T>(factorBefore, factor), context + ": the factor changed");
            Assert.True(MatrixStorage.BitIdentical<T>(TestData.Sentinels<T>(4, 3), b), context + ": b changed");
        }
    }
}
