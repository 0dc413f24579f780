using System;
using System.Numerics;
using Specialized.Runtime.Tests.Fuzz;
using Specialized.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>
/// Random calls to every fit entry point (<see cref="FitEntryPoints"/>): rows and cols in and out of
/// range (rows &lt; cols included), spans one short, exact or long, values from well-scaled to NaN,
/// ±Inf, subnormal and huge, ridges negative, NaN or infinite. A call throws from the ArgumentException
/// family exactly when an argument is bad, and otherwise returns; either way nothing outside x's first
/// cols elements changes (<see cref="GuardedSpans{T}"/>: guard elements around every span, a, b and w
/// never written, one span in six sharing an earlier one's array), and x changes only on success. SPECIALIZED_LONG_FUZZ=1 runs ten times as many cases.
/// </summary>
public class FitFuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases = Environment.GetEnvironmentVariable("SPECIALIZED_LONG_FUZZ") == "1" ? 200_000 : 20_000;

    [Fact]
    public void Double_fits_throw_exactly_on_bad_arguments_and_stay_inside_x() => Fuzz(FitEntryPoints.Double, seed: 1);

    [Fact]
    public void Float_fits_throw_exactly_on_bad_arguments_and_stay_inside_x() => Fuzz(FitEntryPoints.Single, seed: 2);

    private void Fuzz<T>(System.Collections.Generic.IReadOnlyList<FitEntryPoint<T>> targets, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        int threw = 0, failed = 0, overlapping = 0;
        for (int k = 0; k < Cases; k++)
        {
            FitEntryPoint<T> target = targets[random.Next(targets.Count)];
            int limit = target.MaxCols > 0 ? target.MaxCols + 2 : 24;
            int cols = random.Next(20) == 0 ? random.Next(-2, 0) : random.Next(0, limit + 1);
            int rows = random.Next(25) == 0 ? random.Next(-2, Math.Max(cols, 1)) : cols + (random.Next(4) == 0 ? random.Next(0, 3) : random.Next(0, 70));
            bool sizesBad = rows < 0 || cols < 0 || rows < cols;
            int aNeed = sizesBad ? Math.Max(0, random.Next(0, 40)) : rows * cols;
            int bNeed = Math.Max(rows, 0), xNeed = Math.Max(cols, 0);
            (int aLength, bool aShort) = Length(random, aNeed);
            (int bLength, bool bShort) = Length(random, bNeed);
            (int wLength, bool wShort) = target.Weighted ? Length(random, bNeed) : (random.Next(0, 3), false);
            (int xLength, bool xShort) = Length(random, xNeed);
            T ridge = random.Next(12) switch
            {
                0 => T.CreateTruncating(-0.5),
                1 => T.NaN,
                2 => T.PositiveInfinity,
                3 or 4 or 5 => T.CreateTruncating(0.25),
                _ => T.Zero,
            };
            bool ridgeBad = target.HasRidge && !(ridge >= T.Zero && T.IsFinite(ridge));
            bool bad = sizesBad || aShort || bShort || wShort || xShort || ridgeBad;

            bool poisonA = random.Next(8) == 0, poisonB = random.Next(16) == 0, positiveW = random.Next(10) != 0;
            var spans = new GuardedSpans<T>(random, [aLength, bLength, wLength, xLength], [0, 0, 0, Math.Max(cols, 0)], (i, span) =>
                Fill(random, span, poison: (i == 0 && poisonA) || (i == 1 && poisonB), positive: i == 2 && positiveW));
            Segment<T>[] seg = spans.Segments;
            T[] xBefore = seg[3].Span.ToArray();
            string context = $"case {k}: {target.Name} rows={rows} cols={cols} a={aLength} b={bLength} w={wLength} x={xLength} ridge={ridge}{(spans.Overlapping ? " (spans share an array)" : "")}";

            SolveResult result = default;
            Exception? exception = Record.Exception(() => result = target.Call(seg[0].Span, seg[1].Span, seg[2].Span, seg[3].Span, rows, cols, ridge));
            Assert.True(bad == exception is not null, $"{context}: {(bad ? "expected an exception" : exception?.ToString())}");
            Assert.True(exception is null or ArgumentException, $"{context}: {exception}");
            string? forbidden = spans.FirstForbiddenWrite(exception is not null);
            Assert.True(forbidden is null, $"{context}: {forbidden}");
            if (exception is null && !result.Success)
            {
                Assert.True(MatrixStorage.BitIdentical<T>(xBefore, seg[3].Span), $"{context}: x changed on failure");
                Assert.InRange(result.FailedPivot, 0, cols - 1);
                failed++;
            }

            overlapping += spans.Overlapping ? 1 : 0;
            threw += exception is null ? 0 : 1;
        }

        output.WriteLine($"{Cases} cases over {targets.Count} entry points: {threw} threw an ArgumentException, {failed} failed numerically, {Cases - threw - failed} succeeded; {overlapping} had spans sharing an array");
    }

    // A need of 0 cannot be short; otherwise one case in six is one short and one in six is longer.
    private static (int Length, bool Short) Length(Random random, int need) => random.Next(6) switch
    {
        0 when need > 0 => (need - 1, true),
        1 => (need + random.Next(1, 9), false),
        _ => (need, false),
    };

    private static void Fill<T>(Random random, Span<T> span, bool poison, bool positive)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            double value = positive ? 0.1 + random.NextDouble() : random.NextDouble() * 2 - 1;
            if (poison && random.Next(10) == 0)
            {
                value = random.Next(5) switch
                {
                    0 => double.NaN,
                    1 => double.PositiveInfinity,
                    2 => double.NegativeInfinity,
                    3 => 1e-310,
                    _ => 1e300,
                };
            }

            span[i] = T.CreateTruncating(value);
        }
    }
}
