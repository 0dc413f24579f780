using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// Dot, axpy and scale, which the unblocked factorizations and the substitution's partial blocks
/// run on, at every length across a few vectors (the scalar path, the vector loop and its scalar
/// tail). The spans sit inside NaN padding on both sides, so a load that strays outside them shows
/// in the result, and the padding must come back bit for bit.
/// </summary>
public class VectorOpsTests
{
    private const double Threshold = 30;

    private static readonly int[] Lengths = [.. Enumerable.Range(0, 71), 127, 128, 129, 200];

    public static IEnumerable<object[]> Cases() => TestData.Precisions.Select(precision => new object[] { precision });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dot_matches_the_reference_at_every_length(Precision precision)
    {
        if (precision == Precision.Double)
        {
            CheckDot<double>();
        }
        else
        {
            CheckDot<float>();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Axpy_updates_each_element_once_and_nothing_else(Precision precision)
    {
        if (precision == Precision.Double)
        {
            CheckAxpy<double>();
        }
        else
        {
            CheckAxpy<float>();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scale_scales_each_element_once_and_nothing_else(Precision precision)
    {
        if (precision == Precision.Double)
        {
            CheckScale<double>();
        }
        else
        {
            CheckScale<float>();
        }
    }

    private static void CheckDot<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(61);
        foreach (int length in Lengths)
        {
            T[] x = PaddedData.Create<T>(random, length);
            T[] y = PaddedData.Create<T>(random, length);
            T dot = VectorOps.Dot<T>(x.AsSpan(PaddedData.Pad, length), y.AsSpan(PaddedData.Pad, length));
            double reference = 0, magnitude = 0;
            for (int i = PaddedData.Pad; i < PaddedData.Pad + length; i++)
            {
                double term = double.CreateChecked(x[i]) * double.CreateChecked(y[i]);
                reference += term;
                magnitude += Math.Abs(term);
            }

            double error = Math.Abs(double.CreateChecked(dot) - reference);
            double ratio = length == 0 ? error : error / (length * PaddedData.Epsilon<T>() * magnitude);
            Assert.True(ratio < Threshold, $"length {length}: dot {dot}, reference {reference}, ratio {ratio}");
        }
    }

    private static void CheckAxpy<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(67);
        foreach (int length in Lengths)
        {
            T alpha = T.CreateTruncating(random.NextDouble() * 4 - 2);
            T[] x = PaddedData.Create<T>(random, length);
            T[] y = PaddedData.Create<T>(random, length);
            T[] before = (T[])y.Clone();
            VectorOps.Axpy<T>(alpha, x.AsSpan(PaddedData.Pad, length), y.AsSpan(PaddedData.Pad, length));
            for (int i = PaddedData.Pad; i < PaddedData.Pad + length; i++)
            {
                double expected = double.CreateChecked(before[i]) + double.CreateChecked(alpha) * double.CreateChecked(x[i]);
                double scale = Math.Abs(double.CreateChecked(before[i])) + Math.Abs(double.CreateChecked(alpha) * double.CreateChecked(x[i]));
                double ratio = Math.Abs(double.CreateChecked(y[i]) - expected) / (PaddedData.Epsilon<T>() * scale);
                Assert.True(ratio < Threshold, $"length {length}, element {i - PaddedData.Pad}: {y[i]} vs {expected}");
            }

            PaddedData.AssertIntact(before, y, length, "Axpy");
        }
    }

    private static void CheckScale<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(71);
        foreach (int length in Lengths)
        {
            T alpha = T.CreateTruncating(random.NextDouble() * 4 - 2);
            T[] x = PaddedData.Create<T>(random, length);
            T[] before = (T[])x.Clone();
            VectorOps.Scale<T>(alpha, x.AsSpan(PaddedData.Pad, length));
            for (int i = PaddedData.Pad; i < PaddedData.Pad + length; i++)
            {
                // One correctly rounded product: exact equality.
                Assert.Equal(before[i] * alpha, x[i]);
            }

            PaddedData.AssertIntact(before, x, length, "Scale");
        }
    }
}
