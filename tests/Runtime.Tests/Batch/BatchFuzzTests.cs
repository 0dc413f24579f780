using System;
using Xunit;

namespace Specialized.Runtime.Tests.Batch;

/// <summary>
/// Random shapes against every batch solver: n from −2 to 21, counts up to 19, each span short,
/// exact or long, values from SPD to NaN, ±Inf and subnormal. Every call either throws from the
/// ArgumentException family before writing anything, or returns with one result per system; the
/// guard regions around every span are never written.
/// </summary>
public class BatchFuzzTests
{
    private const int Guard = 16;

    [Theory]
    [InlineData("Double_LR", 1)]
    [InlineData("Double_UR", 2)]
    [InlineData("Float_UC", 3)]
    [InlineData("Float_LC", 4)]
    [InlineData("Runtime_D_LC", 5)]
    [InlineData("Runtime_F_UR", 6)]
    public void Random_shapes_and_values_stay_inside_the_spans(string name, int seed)
    {
        var (solve, _, _, _) = BatchSolvers.Get(name);
        var random = new Random(seed);
        for (int trial = 0; trial < 1500; trial++)
        {
            int n = random.Next(-2, 22);
            int count = random.Next(0, 20);
            int order = Math.Max(n, 0);
            int aLength = Length(random, count * order * order);
            int bLength = Length(random, count * order);
            int xLength = Length(random, count * order);
            if (solve is BatchSolver<double> d)
            {
                Run(d, random, n, count, aLength, bLength, xLength);
            }
            else
            {
                Run((BatchSolver<float>)solve, random, n, count, aLength, bLength, xLength);
            }
        }
    }

    private static int Length(Random random, int exact) => random.Next(4) switch
    {
        0 => Math.Max(0, exact - 1 - random.Next(3)),
        1 => exact + 1 + random.Next(5),
        _ => exact,
    };

    private static void Run<T>(BatchSolver<T> solve, Random random, int n, int count, int aLength, int bLength, int xLength)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T[] a = Guarded<T>(random, aLength, n), b = Guarded<T>(random, bLength, n), x = Guarded<T>(random, xLength, n);
        T[] xBefore = (T[])x.Clone();
        var results = new SolveResult[count + 2 * Guard];
        results.AsSpan().Fill(SolveResult.Failed(77));
        bool threw = false;
        try
        {
            solve(a.AsSpan(Guard, aLength), b.AsSpan(Guard, bLength), x.AsSpan(Guard, xLength), results.AsSpan(Guard, count), n);
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.Equal(threw, n < 0 || aLength < count * n * n || bLength < count * n || xLength < count * n);
        for (int k = 0; k < Guard; k++)
        {
            Assert.Equal(SolveResult.Failed(77), results[k]);
            Assert.Equal(SolveResult.Failed(77), results[^(k + 1)]);
            Assert.True(a[k] == T.CreateTruncating(-k - 1) && a[^(k + 1)] == T.CreateTruncating(-k - 1), "a's guard was written");
            Assert.True(b[k] == T.CreateTruncating(-k - 1) && b[^(k + 1)] == T.CreateTruncating(-k - 1), "b's guard was written");
            Assert.True(x[k] == T.CreateTruncating(-k - 1) && x[^(k + 1)] == T.CreateTruncating(-k - 1), "x's guard was written");
        }

        if (threw)
        {
            Assert.True(Specialized.Testing.MatrixStorage.BitIdentical<T>(xBefore, x), "x written before the throw");
            Assert.All(results, r => Assert.Equal(SolveResult.Failed(77), r));
        }
        else
        {
            for (int k = 0; k < count; k++)
            {
                Assert.True(results[Guard + k].Success || results[Guard + k].FailedPivot < Math.Max(n, 1), $"result {k}: {results[Guard + k]}");
            }

            // x past the systems' n·count elements is the caller's and stays as it was.
            for (int i = Guard + count * Math.Max(n, 0); i < Guard + xLength; i++)
            {
                Assert.True(x[i] == xBefore[i] || (T.IsNaN(x[i]) && T.IsNaN(xBefore[i])), $"x written past its systems: n={n}, count={count}, i={i - Guard}, xLength={xLength}");
            }
        }
    }

    // Guard regions hold −1, −2, … from each end inward; the payload is SPD-ish diagonal data or a special value.
    private static T[] Guarded<T>(Random random, int length, int n)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var values = new T[length + 2 * Guard];
        for (int k = 0; k < Guard; k++)
        {
            values[k] = T.CreateTruncating(-k - 1);
            values[^(k + 1)] = T.CreateTruncating(-k - 1);
        }

        int order = Math.Max(n, 1);
        for (int i = 0; i < length; i++)
        {
            values[Guard + i] = random.Next(40) switch
            {
                0 => T.NaN,
                1 => T.PositiveInfinity,
                2 => T.NegativeInfinity,
                3 => T.Epsilon,
                _ => i % (order + 1) == 0 ? T.CreateTruncating(order + random.NextDouble()) : T.CreateTruncating(random.NextDouble() - 0.5),
            };
        }

        return values;
    }
}
