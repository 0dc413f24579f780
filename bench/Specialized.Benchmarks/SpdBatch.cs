using System;

namespace Specialized.Benchmarks;

/// <summary>
/// Distinct SPD systems of one order n, laid end to end, so a benchmark cycles through more
/// matrices than one cached copy (A = M·Mᵀ + n·I, M uniform in [-1, 1], as the anchors do).
/// </summary>
public sealed class SpdBatch
{
    public SpdBatch(int n, int count, int seed)
    {
        N = n;
        Count = count;
        A = new double[count * n * n];
        B = new double[count * n];
        X = new double[count * n];
        var random = new Random(seed);
        var m = new double[n * n];
        for (int k = 0; k < count; k++)
        {
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = random.NextDouble() * 2 - 1;
            }

            Span<double> a = A.AsSpan(k * n * n, n * n);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double s = i == j ? n : 0;
                    for (int t = 0; t < n; t++)
                    {
                        s += m[i * n + t] * m[j * n + t];
                    }

                    a[i * n + j] = s;
                }

                B[k * n + i] = random.NextDouble() * 2 - 1;
            }
        }
    }

    public int N { get; }

    public int Count { get; }

    public double[] A { get; }

    public double[] B { get; }

    public double[] X { get; }
}
