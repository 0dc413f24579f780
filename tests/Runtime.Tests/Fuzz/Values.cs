using System;
using System.Numerics;

namespace Specialized.Runtime.Tests.Fuzz;

/// <summary>
/// The payload of one case's spans: every n x n block of a matrix span symmetric and strictly
/// diagonally dominant (so SPD in either triangle and layout), other elements uniform in
/// [−0.5, 0.5); then, unless the case is clean, special values sprinkled at the case's rate:
/// NaN, ±Inf, subnormals, ±0, ±MaxValue, huge and tiny magnitudes.
/// </summary>
internal sealed class Values<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T[] Specials =
    [
        T.NaN, T.PositiveInfinity, T.NegativeInfinity, T.Epsilon, -T.Epsilon, T.Epsilon * T.CreateTruncating(1000), T.Zero, T.NegativeZero,
        Largest, -Largest, T.CreateTruncating(1e30), T.CreateTruncating(-1e30), T.CreateTruncating(1e-30), -T.One,
    ];

    private static T Largest => T.CreateTruncating(typeof(T) == typeof(float) ? float.MaxValue : double.MaxValue);

    // Special values per element: none, 1 in 256, 1 in 8, 1 in 2.
    private static readonly int[] Rates = [0, 256, 8, 2];

    private readonly int _rate;

    private Values(int rate) => _rate = rate;

    /// <summary>No special values: every matrix block is SPD.</summary>
    public bool Clean => _rate == 0;

    public static Values<T> Draw(Random random) => new(Rates[random.Next(Rates.Length)]);

    public void Fill(Span<T> span, Need need, int n, Random random)
    {
        for (int k = 0; k < span.Length; k++)
        {
            span[k] = T.CreateTruncating(random.NextDouble() - 0.5);
        }

        if (need is Need.Matrix or Need.Matrices && n > 0)
        {
            for (int start = 0; start + n * n <= span.Length; start += n * n)
            {
                Span<T> block = span.Slice(start, n * n);
                for (int i = 0; i < n; i++)
                {
                    block[i * n + i] = T.CreateTruncating(n + random.NextDouble());
                    for (int j = 0; j < i; j++)
                    {
                        block[j * n + i] = block[i * n + j];
                    }
                }
            }
        }

        if (_rate > 0)
        {
            for (int k = 0; k < span.Length; k++)
            {
                if (random.Next(_rate) == 0)
                {
                    span[k] = Specials[random.Next(Specials.Length)];
                }
            }
        }
    }

    public override string ToString() => Clean ? "clean values" : $"special values at 1 in {_rate}";
}
