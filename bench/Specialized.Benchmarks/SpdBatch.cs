using System;
using System.Numerics;

namespace Specialized.Benchmarks;

/// <summary>
/// Distinct SPD systems of one order n, laid end to end, so a benchmark cycles through more
/// matrices than one cached copy (A = M·Mᵀ + n·I, M uniform in [-1, 1], as the anchors do).
/// </summary>
/// <remarks>
/// The systems are built in double and rounded to <typeparamref name="T"/>, so the float batch
/// holds the same matrices as the double batch of the same seed (to float precision). With the
/// n·I shift every eigenvalue of A lies in [n, n + ‖M‖²_F] ⊂ [n, n + n²], so cond(A) ≤ 1 + n (about
/// 7/3 in practice: λmax(M·Mᵀ) ≈ 4n/3), and solutions agree across solvers to a small multiple of
/// the unit roundoff.
/// </remarks>
/// <typeparam name="T">The element type, double or float.</typeparam>
public sealed class SpdBatch<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <param name="n">The order of every system.</param>
    /// <param name="count">The number of systems.</param>
    /// <param name="seed">The seed of the random matrices.</param>
    /// <param name="distinct">
    /// How many different systems to build; the rest repeat them in order. Large batches (10⁶
    /// systems) still stream from memory, but are built in a fraction of the time.
    /// </param>
    public SpdBatch(int n, int count, int seed, int distinct = int.MaxValue)
    {
        N = n;
        Count = count;
        A = new T[(long)count * n * n];
        B = new T[(long)count * n];
        X = new T[(long)count * n];
        var random = new Random(seed);
        var m = new double[n * n];
        int built = Math.Min(count, distinct);
        for (int k = 0; k < built; k++)
        {
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = random.NextDouble() * 2 - 1;
            }

            Span<T> a = A.AsSpan(k * n * n, n * n);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double s = i == j ? n : 0;
                    for (int t = 0; t < n; t++)
                    {
                        s += m[i * n + t] * m[j * n + t];
                    }

                    a[i * n + j] = T.CreateTruncating(s);
                }

                B[k * n + i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
            }
        }

        for (int k = built; k < count; k++)
        {
            A.AsSpan(k % built * n * n, n * n).CopyTo(A.AsSpan(k * n * n));
            B.AsSpan(k % built * n, n).CopyTo(B.AsSpan(k * n));
        }
    }

    private SpdBatch(int n, int count)
    {
        N = n;
        Count = count;
        A = new T[count * n * n];
        B = new T[count * n];
        X = new T[count * n];
    }

    public int N { get; }

    public int Count { get; }

    /// <summary>The matrices, row-major, n·n elements each.</summary>
    public T[] A { get; }

    /// <summary>The right-hand sides, n elements each.</summary>
    public T[] B { get; }

    /// <summary>Where a benchmark writes the solutions, n elements each.</summary>
    public T[] X { get; }

    /// <summary>
    /// Systems built in O(n²) rather than the constructor's O(n³), for large n: A symmetric with
    /// off-diagonal entries uniform in [-1, 1] and n on the diagonal, so by Gershgorin every
    /// eigenvalue lies in (1, 2n) and the n·I shift keeps cond(A) small (random entries put the
    /// spectrum within about n ± 1.2·√n). Rounded to <typeparamref name="T"/> from double as above.
    /// </summary>
    public static SpdBatch<T> DiagonallyDominant(int n, int count, int seed)
    {
        var batch = new SpdBatch<T>(n, count);
        var random = new Random(seed);
        for (int k = 0; k < count; k++)
        {
            Span<T> a = batch.A.AsSpan(k * n * n, n * n);
            for (int i = 0; i < n; i++)
            {
                a[i * n + i] = T.CreateTruncating((double)n);
                for (int j = 0; j < i; j++)
                {
                    T value = T.CreateTruncating(random.NextDouble() * 2 - 1);
                    a[i * n + j] = value;
                    a[j * n + i] = value;
                }

                batch.B[k * n + i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
            }
        }

        return batch;
    }

    /// <summary>System k's matrix.</summary>
    public ReadOnlySpan<T> MatrixOf(int k) => A.AsSpan(k * N * N, N * N);

    /// <summary>System k's right-hand side.</summary>
    public ReadOnlySpan<T> RhsOf(int k) => B.AsSpan(k * N, N);
}
