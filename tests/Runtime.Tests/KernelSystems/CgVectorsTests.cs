using System;
using System.Numerics;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>The conjugate-gradient step's vector loops against the plain loops, for every length around the vector widths.</summary>
public class CgVectorsTests
{
    [Fact]
    public void Single_matches_plain_loops() => Check<float>();

    [Fact]
    public void Double_matches_plain_loops() => Check<double>();

    private static void Check<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(17);
        for (int n = 0; n <= 70; n++)
        {
            var p = new T[n];
            var a = new double[n];
            var x = new double[n];
            var r = new double[n];
            for (int i = 0; i < n; i++)
            {
                p[i] = T.CreateTruncating(2 * random.NextDouble() - 1);
                a[i] = 2 * random.NextDouble() - 1;
                x[i] = 2 * random.NextDouble() - 1;
                r[i] = 2 * random.NextDouble() - 1;
            }

            // Sums: another order, so within n roundings of the sum of magnitudes.
            double dot = 0, magnitude = 0;
            for (int i = 0; i < n; i++)
            {
                dot += double.CreateTruncating(p[i]) * a[i];
                magnitude += Math.Abs(double.CreateTruncating(p[i]) * a[i]);
            }

            Assert.True(Math.Abs(CgVectors<T>.Dot(p, a) - dot) <= n * 1.2e-16 * magnitude, $"n = {n}: dot");

            const double step = 0.37, beta = -1.3;
            var xExpected = (double[])x.Clone();
            var rExpected = (double[])r.Clone();
            double rr = 0;
            for (int i = 0; i < n; i++)
            {
                xExpected[i] += step * double.CreateTruncating(p[i]);
                rExpected[i] -= step * a[i];
                rr += rExpected[i] * rExpected[i];
            }

            double rrVector = CgVectors<T>.Update(x, r, p, a, step);
            Assert.Equal(xExpected, x);
            Assert.Equal(rExpected, r);
            Assert.True(Math.Abs(rrVector - rr) <= n * 1.2e-16 * rr, $"n = {n}: rᵀr");

            var pExpected = new T[n];
            for (int i = 0; i < n; i++)
            {
                pExpected[i] = T.CreateTruncating(r[i] + beta * double.CreateTruncating(p[i]));
            }

            CgVectors<T>.Direction(p, r, beta);
            Assert.Equal(pExpected, p);
        }
    }
}
