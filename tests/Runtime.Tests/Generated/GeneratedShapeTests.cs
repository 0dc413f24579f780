using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Bad shapes throw the documented exception, naming the user's parameter, before any span is
/// touched; n = 0 succeeds and touches nothing; nrhs = 0 touches no right-hand side.
/// </summary>
public class GeneratedShapeTests
{
    public enum BadShape
    {
        NegativeN,
        MinValueN,
        NegativeNrhs,
        ShortMatrix,
        ShortB,
        ShortX,
        MatrixLengthOverflowsInt,
        RightHandSideLengthOverflowsInt,
    }

    public static IEnumerable<object[]> Cases =>
        from solver in SolverRegistry.All
        from shape in Enum.GetValues<BadShape>()
        where shape switch
        {
            BadShape.NegativeNrhs or BadShape.RightHandSideLengthOverflowsInt => solver.HasNrhs,
            BadShape.ShortX => solver.Form == GeneratedForm.KeepInputs,
            _ => true,
        }
        select new object[] { solver.Name, shape };

    public static IEnumerable<object[]> Methods => SolverRegistry.Methods();

    public static IEnumerable<object[]> NrhsMethods => SolverRegistry.All.Where(s => s.HasNrhs).Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_shape_throws_before_writing(string method, BadShape shape) =>
        GeneratedTestData.Run(method, s => CheckThrows(s, shape), s => CheckThrows(s, shape));

    [Theory]
    [MemberData(nameof(Methods))]
    public void N_zero_succeeds_and_touches_nothing(string method) =>
        GeneratedTestData.Run(method, CheckEmpty, CheckEmpty);

    // With no right-hand sides the matrix is still factored (in place it becomes the factor; the
    // result says whether it is SPD) but b and x, which need no elements, are not touched.
    [Theory]
    [MemberData(nameof(NrhsMethods))]
    public void Nrhs_zero_touches_no_right_hand_side(string method) =>
        GeneratedTestData.Run(method, CheckNoRightHandSide, CheckNoRightHandSide);

    private static void CheckThrows<T>(GeneratedSolver<T> solver, BadShape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (Type Type, string Name) expected = shape switch
        {
            BadShape.NegativeN or BadShape.MinValueN => (typeof(ArgumentOutOfRangeException), solver.NName),
            BadShape.NegativeNrhs => (typeof(ArgumentOutOfRangeException), solver.NrhsName!),
            BadShape.ShortB or BadShape.RightHandSideLengthOverflowsInt => (typeof(ArgumentException), solver.BName),
            BadShape.ShortX => (typeof(ArgumentException), solver.XName!),
            _ => (typeof(ArgumentException), solver.AName),
        };

        // Short spans at the smallest size, an unrolled size, the last unrolled size and the first fallback size.
        int[] sizes = shape is BadShape.ShortMatrix or BadShape.ShortB or BadShape.ShortX ? [1, 3, solver.MaxN, solver.MaxN + 1] : [3];
        foreach (int size in sizes.Distinct())
        {
            int n = size, nrhs = solver.HasNrhs ? 2 : 1;
            int aLength = n * n, bLength = n * nrhs, xLength = n * nrhs;
            switch (shape)
            {
                case BadShape.NegativeN: n = -1; break;
                case BadShape.MinValueN: n = int.MinValue; break;
                case BadShape.NegativeNrhs: nrhs = -1; break;
                case BadShape.ShortMatrix: aLength--; break;
                case BadShape.ShortB: bLength--; break;
                case BadShape.ShortX: xLength--; break;
                case BadShape.MatrixLengthOverflowsInt: n = 50_000; break; // n² > int.MaxValue
                case BadShape.RightHandSideLengthOverflowsInt: nrhs = int.MaxValue; break; // n·nrhs > int.MaxValue
            }

            // A valid SPD matrix and distinct sentinels, so nothing but the shape can be wrong and any write shows.
            T[] a = MatrixStorage.Store<T>(GeneratedTestData.Matrix(2, size, solver.Precision).Dense, size, solver.Triangle, solver.Layout, fill: T.Zero)[..aLength];
            var buffers = new GeneratedTestData.Buffers<T>(a, TestData.Sentinels<T>(bLength, 3), TestData.Sentinels<T>(xLength, 5));
            string context = solver.Describe(n, $"nrhs={nrhs}, {shape}, lengths {aLength}/{bLength}/{xLength}");

            Exception? thrown = Record.Exception(() => buffers.Call(solver, n, nrhs));

            Assert.True(thrown is not null, context + ": nothing thrown");
            Assert.True(expected.Type == thrown.GetType(), $"{context}: threw {thrown.GetType().Name}, expected {expected.Type.Name}: {thrown.Message}");
            Assert.True(expected.Name == ((ArgumentException)thrown).ParamName, $"{context}: ParamName '{((ArgumentException)thrown).ParamName}', the parameter is '{expected.Name}'");
            Assert.True(MatrixStorage.BitIdentical<T>(buffers.ABefore, buffers.A), context + ": a changed");
            Assert.True(MatrixStorage.BitIdentical<T>(buffers.BBefore, buffers.B), context + ": b changed");
            Assert.True(MatrixStorage.BitIdentical<T>(buffers.XBefore, buffers.X), context + ": x changed");
        }
    }

    private static void CheckEmpty<T>(GeneratedSolver<T> solver)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int nrhs in solver.HasNrhs ? new[] { 0, 1, 3 } : [1])
        {
            foreach (int length in new[] { 0, 4 })
            {
                var buffers = new GeneratedTestData.Buffers<T>(
                    TestData.Sentinels<T>(length, 2), TestData.Sentinels<T>(length, 3), TestData.Sentinels<T>(length, 5));
                string context = solver.Describe(0, $"nrhs={nrhs}, span length {length}");

                Outcome outcome = buffers.Call(solver, 0, nrhs);

                Assert.True(outcome == new Outcome(true, solver.ReturnsSolveResult ? -1 : null), $"{context}: {outcome}");
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.ABefore, buffers.A), context + ": a changed");
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.BBefore, buffers.B), context + ": b changed");
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.XBefore, buffers.X), context + ": x changed");
            }
        }
    }

    private static void CheckNoRightHandSide<T>(GeneratedSolver<T> solver)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int n in new[] { 1, Math.Min(5, solver.MaxN), solver.MaxN, solver.MaxN + 1 }.Distinct())
        {
            foreach (int type in new[] { 2, 4 }.Where(t => TestMatrix.Applies(t, n)))
            {
                TestMatrix matrix = GeneratedTestData.Matrix(type, n, solver.Precision);
                var buffers = new GeneratedTestData.Buffers<T>(
                    MatrixStorage.Store<T>(matrix.Dense, n, solver.Triangle, solver.Layout),
                    TestData.Sentinels<T>(4, 3),
                    TestData.Sentinels<T>(4, 5));
                string context = solver.Describe(n, matrix.Describe("nrhs=0"));

                Outcome outcome = buffers.Call(solver, n, 0);

                Assert.True(outcome.Success == matrix.IsSpd, $"{context}: {outcome}");
                if (solver.ReturnsSolveResult)
                {
                    Assert.True(outcome.FailedPivot == matrix.ExpectedFailedPivot, $"{context}: {outcome}, expected pivot {matrix.ExpectedFailedPivot}");
                }

                Assert.True(MatrixStorage.BitIdentical<T>(buffers.BBefore, buffers.B), context + ": b changed");
                Assert.True(MatrixStorage.BitIdentical<T>(buffers.XBefore, buffers.X), context + ": x changed");
                if (solver.Form == GeneratedForm.KeepInputs)
                {
                    Assert.True(MatrixStorage.BitIdentical<T>(buffers.ABefore, buffers.A), context + ": keep-inputs form wrote a");
                }
                else if (matrix.IsSpd)
                {
                    Assert.Equal(-1, MatrixStorage.FirstChangeOutsideTriangle<T>(buffers.ABefore, buffers.A, n, solver.Triangle, solver.Layout));
                    LapackRatios.AssertBelow(context, ("factor", LapackRatios.Factor<T>(matrix, buffers.A, solver.Triangle, solver.Layout)));
                }
            }
        }
    }
}
