using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// The eight-row kernels under the one-right-hand-side substitution, on each width's path and the
/// dispatch, at every length across a few vectors: the rows sit apart with NaN between them and
/// around the block, so a read past a row's length or a lane counted twice shows in the result;
/// the vector's padding and the rows must come back bit for bit.
/// </summary>
public class RowBlockOpsTests
{
    private const double Threshold = 30;

    private const int Gap = 5;

    private static readonly int[] Lengths = [.. Enumerable.Range(0, 71), 127, 128, 129];

    public static IEnumerable<object[]> Cases()
    {
        foreach (Precision precision in TestData.Precisions)
        {
            foreach (string path in new[] { "Dispatch", "Vector512", "Vector" })
            {
                yield return [precision, path];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eight_dot_products_match_the_reference(Precision precision, string path)
    {
        if (precision == Precision.Double)
        {
            CheckDot<double>(path);
        }
        else
        {
            CheckDot<float>(path);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Subtracting_eight_rows_updates_each_element_once(Precision precision, string path)
    {
        if (precision == Precision.Double)
        {
            CheckSubtract<double>(path);
        }
        else
        {
            CheckSubtract<float>(path);
        }
    }

    private static void CheckDot<T>(string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(73);
        foreach (int length in PaddedData.LengthsFor<T>(Lengths, path))
        {
            int stride = length + Gap;
            T[] rows = Rows<T>(random, length, stride);
            T[] x = PaddedData.Create<T>(random, length);
            T[] sums = new T[RowBlockOps.Rows];
            ref T r0 = ref rows[PaddedData.Pad];
            switch (path)
            {
                case "Vector512": RowBlockOps.Dot512(ref r0, (nuint)stride, ref x[PaddedData.Pad], (nuint)length, sums); break;
                case "Vector": RowBlockOps.DotVector(ref r0, (nuint)stride, ref x[PaddedData.Pad], (nuint)length, sums); break;
                default: RowBlockOps.Dot<T>(rows.AsSpan(PaddedData.Pad), stride, x.AsSpan(PaddedData.Pad, length), sums); break;
            }

            for (int r = 0; r < RowBlockOps.Rows; r++)
            {
                double reference = 0, magnitude = 0;
                for (int k = 0; k < length; k++)
                {
                    double term = double.CreateChecked(rows[PaddedData.Pad + r * stride + k]) * double.CreateChecked(x[PaddedData.Pad + k]);
                    reference += term;
                    magnitude += Math.Abs(term);
                }

                double error = Math.Abs(double.CreateChecked(sums[r]) - reference);
                double ratio = length == 0 ? error : error / (length * PaddedData.Epsilon<T>() * magnitude);
                Assert.True(ratio < Threshold, $"{path} length {length}, row {r}: {sums[r]} vs {reference}, ratio {ratio}");
            }
        }
    }

    private static void CheckSubtract<T>(string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(79);
        foreach (int length in PaddedData.LengthsFor<T>(Lengths, path))
        {
            int stride = length + Gap;
            T[] rows = Rows<T>(random, length, stride);
            T[] rowsBefore = (T[])rows.Clone();
            T[] c = Enumerable.Range(0, RowBlockOps.Rows).Select(_ => T.CreateTruncating(random.NextDouble() * 2 - 1)).ToArray();
            T[] x = PaddedData.Create<T>(random, length);
            T[] before = (T[])x.Clone();
            ref T r0 = ref rows[PaddedData.Pad];
            switch (path)
            {
                case "Vector512": RowBlockOps.Subtract512(ref r0, (nuint)stride, c, ref x[PaddedData.Pad], (nuint)length); break;
                case "Vector": RowBlockOps.SubtractVector(ref r0, (nuint)stride, c, ref x[PaddedData.Pad], (nuint)length); break;
                default: RowBlockOps.Subtract<T>(rows.AsSpan(PaddedData.Pad), stride, c, x.AsSpan(PaddedData.Pad, length)); break;
            }

            for (int k = 0; k < length; k++)
            {
                double expected = double.CreateChecked(before[PaddedData.Pad + k]);
                double scale = Math.Abs(expected);
                for (int r = 0; r < RowBlockOps.Rows; r++)
                {
                    double term = double.CreateChecked(c[r]) * double.CreateChecked(rows[PaddedData.Pad + r * stride + k]);
                    expected -= term;
                    scale += Math.Abs(term);
                }

                double ratio = Math.Abs(double.CreateChecked(x[PaddedData.Pad + k]) - expected) / (RowBlockOps.Rows * PaddedData.Epsilon<T>() * scale);
                Assert.True(ratio < Threshold, $"{path} length {length}, element {k}: {x[PaddedData.Pad + k]} vs {expected}");
            }

            PaddedData.AssertIntact(before, x, length, path);
            PaddedData.AssertSameBits<T>(rowsBefore, rows, $"{path} length {length} changed the rows");
        }
    }

    // Eight rows of `length` values, `stride` apart, NaN in the gaps and around them.
    private static T[] Rows<T>(Random random, int length, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] rows = new T[PaddedData.Pad + RowBlockOps.Rows * stride + 64];
        rows.AsSpan().Fill(T.NaN);
        for (int r = 0; r < RowBlockOps.Rows; r++)
        {
            for (int k = 0; k < length; k++)
            {
                rows[PaddedData.Pad + r * stride + k] = T.CreateTruncating(random.NextDouble() * 2 - 1);
            }
        }

        return rows;
    }
}
