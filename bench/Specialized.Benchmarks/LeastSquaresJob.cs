using System;
using System.Globalization;
using System.Numerics;

namespace Specialized.Benchmarks;

/// <summary>
/// The moving-least-squares job: many least-squares fits of rows x cols laid end to end in the layout of
/// <c>LeastSquares.FitBatch</c> (fit k owns rows <c>RowStarts[k]</c> .. <c>RowStarts[k + 1] − 1</c>,
/// A row-major), with the exact solution of each fit kept to check the solvers against.
/// </summary>
/// <remarks>
/// A is uniform in [-1, 1] and b = A·x* + noise (x* uniform in [-1, 1], noise uniform in
/// [-0.1, 0.1]), the weights w uniform in [0.5, 1.5], built in double and rounded to
/// <typeparamref name="T"/>, so the float job holds the double job's numbers to float precision. AᵀA is then close to (rows/3)·I: cond(A) is near 1
/// and correct solvers agree to a small multiple of the unit roundoff.
/// </remarks>
/// <typeparam name="T">double or float.</typeparam>
public sealed class LeastSquaresJob<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int MinRows = 200;
    public const int MaxRows = 1000;

    private readonly double[] _reference;
    private readonly double[] _weightedReference;

    public LeastSquaresJob(int fits, int cols, RowShape shape, int seed)
    {
        Fits = fits;
        Cols = cols;
        var random = new Random(seed);
        int[] rows = RowCounts(fits, shape, random);
        RowStarts = new int[fits + 1];
        for (int k = 0; k < fits; k++)
        {
            RowStarts[k + 1] = checked(RowStarts[k] + rows[k]);
        }

        int totalRows = RowStarts[fits];
        A = new T[checked(totalRows * cols)];
        B = new T[totalRows];
        W = new T[totalRows];
        X = new T[fits * cols];
        Results = new SolveResult[fits];
        _reference = new double[fits * cols];
        _weightedReference = new double[fits * cols];
        var exact = new double[cols];
        for (int k = 0; k < fits; k++)
        {
            for (int j = 0; j < cols; j++)
            {
                exact[j] = random.NextDouble() * 2 - 1;
            }

            for (int i = RowStarts[k]; i < RowStarts[k + 1]; i++)
            {
                double bi = (random.NextDouble() * 2 - 1) * 0.1;
                for (int j = 0; j < cols; j++)
                {
                    T aij = T.CreateTruncating(random.NextDouble() * 2 - 1);
                    A[i * cols + j] = aij;
                    bi += double.CreateTruncating(aij) * exact[j];
                }

                B[i] = T.CreateTruncating(bi);
                W[i] = T.CreateTruncating(0.5 + random.NextDouble());
            }

            ReferenceFit(k, _reference.AsSpan(k * cols, cols), weighted: false);
            ReferenceFit(k, _weightedReference.AsSpan(k * cols, cols), weighted: true);
        }
    }

    public int Fits { get; }

    public int Cols { get; }

    /// <summary>Fits.Length + 1 row offsets: fit k is rows RowStarts[k] .. RowStarts[k + 1] − 1.</summary>
    public int[] RowStarts { get; }

    /// <summary>Every fit's rows x cols matrix, row-major, one after another.</summary>
    public T[] A { get; }

    /// <summary>Every fit's right-hand side, rows elements each.</summary>
    public T[] B { get; }

    /// <summary>Every fit's weights, rows elements each, laid out like <see cref="B"/>.</summary>
    public T[] W { get; }

    /// <summary>Where a benchmark writes the solutions, cols elements per fit.</summary>
    public T[] X { get; }

    /// <summary>Where a benchmark writes one result per fit.</summary>
    public SolveResult[] Results { get; }

    public int RowsOf(int k) => RowStarts[k + 1] - RowStarts[k];

    public ReadOnlySpan<T> MatrixOf(int k) => A.AsSpan(RowStarts[k] * Cols, RowsOf(k) * Cols);

    public ReadOnlySpan<T> RhsOf(int k) => B.AsSpan(RowStarts[k], RowsOf(k));

    public ReadOnlySpan<T> WeightsOf(int k) => W.AsSpan(RowStarts[k], RowsOf(k));

    public Span<T> SolutionOf(int k) => X.AsSpan(k * Cols, Cols);

    /// <summary>
    /// Largest accepted max|x − x_ref| / max|x_ref| per fit: the normal equations of these
    /// near-orthogonal fits lose nothing, so correct solvers land within ~1e-14 (double) and ~1e-5
    /// (float, 1000-term sums) of the reference; a wrong one is off by far more.
    /// </summary>
    public static double Tolerance => typeof(T) == typeof(float) ? 1e-3 : 1e-8;

    /// <summary>
    /// Runs <paramref name="solve"/> once over the job with X filled with NaN, then throws unless it
    /// reports success and every fit's x is within <see cref="Tolerance"/> of the reference; writes
    /// one line with the worst difference (BenchmarkDotNet puts it in the log). A weighted solver is
    /// held to the weighted fits' reference.
    /// </summary>
    public void Check(string name, Func<bool> solve, bool weighted = false)
    {
        double[] reference = weighted ? _weightedReference : _reference;
        X.AsSpan().Fill(T.NaN);
        if (!solve())
        {
            throw new InvalidOperationException($"{name} reports failure on a job of full-rank fits");
        }

        double worst = 0;
        int worstFit = 0;
        for (int k = 0; k < Fits; k++)
        {
            double diff = 0, scale = 0;
            for (int j = 0; j < Cols; j++)
            {
                double e = reference[k * Cols + j];
                double d = Math.Abs(double.CreateTruncating(X[k * Cols + j]) - e);
                diff = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(diff, d);
                scale = Math.Max(scale, Math.Abs(e));
            }

            if (!(diff / scale <= worst))
            {
                worst = diff / scale;
                worstFit = k;
            }
        }

        if (!(worst <= Tolerance))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{name} disagrees with the reference: fit {worstFit}, max|x - x_ref| / max|x_ref| = {worst:G3} > {Tolerance:G3}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Guard {name}: worst relative difference from the reference {worst:G2}"));
    }

    private static int[] RowCounts(int fits, RowShape shape, Random random)
    {
        var rows = new int[fits];
        for (int k = 0; k < fits; k++)
        {
            rows[k] = shape == RowShape.Rows1000 ? MaxRows : MinRows + (int)((MaxRows - MinRows + 1L) * k / fits);
        }

        random.Shuffle(rows);
        return rows;
    }

    // The normal equations in double with a plain Cholesky: exact enough for cond(A) near 1.
    private void ReferenceFit(int k, Span<double> x, bool weighted)
    {
        int n = Cols;
        Span<double> g = stackalloc double[n * n];
        g.Clear();
        x.Clear();
        ReadOnlySpan<T> a = MatrixOf(k), b = RhsOf(k), w = WeightsOf(k);
        for (int i = 0; i < b.Length; i++)
        {
            double wi = weighted ? double.CreateTruncating(w[i]) : 1;
            for (int p = 0; p < n; p++)
            {
                double ap = wi * double.CreateTruncating(a[i * n + p]);
                x[p] += ap * double.CreateTruncating(b[i]);
                for (int q = 0; q <= p; q++)
                {
                    g[p * n + q] += ap * double.CreateTruncating(a[i * n + q]);
                }
            }
        }

        for (int p = 0; p < n; p++)
        {
            for (int q = 0; q <= p; q++)
            {
                double s = g[p * n + q];
                for (int t = 0; t < q; t++)
                {
                    s -= g[p * n + t] * g[q * n + t];
                }

                g[p * n + q] = p == q ? Math.Sqrt(s) : s / g[q * n + q];
            }
        }

        for (int p = 0; p < n; p++)
        {
            for (int t = 0; t < p; t++)
            {
                x[p] -= g[p * n + t] * x[t];
            }

            x[p] /= g[p * n + p];
        }

        for (int p = n - 1; p >= 0; p--)
        {
            for (int t = p + 1; t < n; t++)
            {
                x[p] -= g[t * n + p] * x[t];
            }

            x[p] /= g[p * n + p];
        }
    }
}
