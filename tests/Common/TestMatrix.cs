using System;
using System.Globalization;

namespace Specialized.Testing;

/// <summary>
/// One of LAPACK dchkpo's nine test matrices (dlatb4 'PO' parameters, dlatms generation), or an
/// SPD matrix with a chosen condition number: dense, symmetric, row-major, every value exactly
/// representable in <see cref="Precision"/> (the float variant rounds the double matrix).
/// </summary>
/// <remarks>
/// Types: 1 diagonal, cond 2; 2 random, cond 2; 3, 4, 5 type 2 with row and column 0, n − 1 and
/// n / 2 zeroed (not SPD); 6 cond √(0.1/ε); 7 cond 0.1/ε; 8 cond 2 scaled near underflow;
/// 9 cond 2 scaled near overflow. ε here is dlamch('P') of the precision under test.
/// </remarks>
public sealed class TestMatrix
{
    /// <summary>The seed <see cref="Create"/> uses unless told otherwise.</summary>
    public const int DefaultSeed = 1988;

    private TestMatrix(int n, int type, Precision precision, double cond, double norm2, double[] dense, double rcond, int zeroedIndex, int seed)
    {
        N = n;
        Type = type;
        Precision = precision;
        Cond = cond;
        Norm2 = norm2;
        Dense = dense;
        RCond = rcond;
        ZeroedIndex = zeroedIndex;
        Seed = seed;
    }

    /// <summary>The order of the matrix.</summary>
    public int N { get; }

    /// <summary>The dchkpo matrix type, 1..9, or 0 for <see cref="CreateSpd"/>.</summary>
    public int Type { get; }

    /// <summary>The precision the values are representable in.</summary>
    public Precision Precision { get; }

    /// <summary>The requested 2-norm condition number (dlatb4's CNDNUM).</summary>
    public double Cond { get; }

    /// <summary>The largest eigenvalue (dlatb4's ANORM).</summary>
    public double Norm2 { get; }

    /// <summary>The full symmetric matrix, row-major, n x n. Do not modify.</summary>
    public double[] Dense { get; }

    /// <summary>1/(‖A‖₁·‖A⁻¹‖₁) of the generated SPD matrix (before any zeroing), from its exact inverse, as dpot03's RCONDC.</summary>
    public double RCond { get; }

    /// <summary>The 0-based row and column zeroed for types 3-5; -1 otherwise.</summary>
    public int ZeroedIndex { get; }

    /// <summary>The seed the matrix came from.</summary>
    public int Seed { get; }

    /// <summary>Whether the matrix is positive definite (types other than 3-5).</summary>
    public bool IsSpd => ZeroedIndex < 0;

    /// <summary>
    /// The <see cref="SolveResult.FailedPivot"/> dpotrf reports: -1 for SPD types; for types 3-5 the
    /// zeroed index, since the leading minor of that order is untouched and SPD while the next one
    /// has a zero row.
    /// </summary>
    public int ExpectedFailedPivot => ZeroedIndex;

    /// <summary>Whether dchkpo runs <paramref name="type"/> at order n (types 3, 4, 5 need n ≥ 1, 2, 3).</summary>
    public static bool Applies(int type, int n) =>
        n >= 0 && type is >= 1 and <= 9 && (type is < 3 or > 5 || n >= type - 2);

    /// <summary>The 0-based index dchkpo zeroes for <paramref name="type"/> (IZERO − 1), or -1 for the SPD types.</summary>
    public static int ZeroedIndexFor(int type, int n) => type switch
    {
        3 => 0,
        4 => n - 1,
        5 => n / 2,
        _ => -1,
    };

    /// <summary>Builds dchkpo matrix <paramref name="type"/> of order <paramref name="n"/>.</summary>
    public static TestMatrix Create(int type, int n, Precision precision, int seed = DefaultSeed)
    {
        if (!Applies(type, n))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, $"dchkpo has no type {type} at n = {n}.");
        }

        // dlatb4 'PO'.
        double ulp = Lapack.Ulp(precision);
        double badc2 = 0.1 / ulp;
        double small = 0.25 * (Lapack.SafeMinimum(precision) / ulp);
        double cond = n <= 1 ? 1 : type switch { 6 => Math.Sqrt(badc2), 7 => badc2, _ => 2 };
        double norm2 = type switch { 8 => small, 9 => 1 / small, _ => 1 };
        return Build(n, type, precision, cond, norm2, rotate: type != 1, ZeroedIndexFor(type, n), seed);
    }

    /// <summary>A random SPD matrix with eigenvalues graded from <paramref name="norm2"/> down to norm2/cond.</summary>
    public static TestMatrix CreateSpd(int n, double cond, Precision precision, int seed = DefaultSeed, double norm2 = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return Build(n, 0, precision, cond, norm2, rotate: true, -1, seed);
    }

    private static TestMatrix Build(int n, int type, Precision precision, double cond, double norm2, bool rotate, int zeroedIndex, int seed)
    {
        double[] eigenvalues = SpdMatrixGenerator.GradedEigenvalues(n, cond, norm2);
        (double[] a, double[]? inverse) = SpdMatrixGenerator.Generate(eigenvalues, rotate, withInverse: true, seed);
        double rcond = n == 0 ? 1 : 1 / OneNorm(a, n) / OneNorm(inverse!, n);
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Lapack.Round(a[k], precision);
        }

        if (zeroedIndex >= 0)
        {
            for (int k = 0; k < n; k++)
            {
                a[zeroedIndex * n + k] = 0;
                a[k * n + zeroedIndex] = 0;
            }
        }

        return new TestMatrix(n, type, precision, cond, norm2, a, rcond, zeroedIndex, seed);
    }

    /// <summary>
    /// dlarhs with XTYPE 'N': a true solution X* (n x nrhs, row-major) with entries uniform in
    /// (−1, 1) and B = A·X*, both rounded to <see cref="Precision"/>.
    /// </summary>
    public RightHandSide CreateRightHandSide(int nrhs, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nrhs);
        var random = new Random(seed);
        var x = new double[N * nrhs];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = Lapack.Round(2 * random.NextDouble() - 1, Precision);
        }

        var b = new double[N * nrhs];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < nrhs; j++)
            {
                double s = 0;
                for (int k = 0; k < N; k++)
                {
                    s += Dense[i * N + k] * x[k * nrhs + j];
                }

                b[i * nrhs + j] = Lapack.Round(s, Precision);
            }
        }

        return new RightHandSide(N, nrhs, x, b);
    }

    /// <summary>A(i, j).</summary>
    public double this[int i, int j] => Dense[i * N + j];

    /// <summary>For assertion messages: n, type, precision and whatever the caller adds.</summary>
    public string Describe(string? detail = null) =>
        string.Create(CultureInfo.InvariantCulture, $"n={N}, type={Type}, {Precision}, cond={Cond:G3}, norm={Norm2:G3}, seed={Seed}")
        + (detail is null ? string.Empty : ", " + detail);

    /// <inheritdoc />
    public override string ToString() => Describe();

    internal static double OneNorm(ReadOnlySpan<double> a, int n)
    {
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                s += Math.Abs(a[i * n + j]);
            }

            norm = Math.Max(norm, s); // NaN propagates
        }

        return norm;
    }
}

/// <summary>A true solution X* and B = A·X*, both n x nrhs, row-major, representable in the matrix's precision.</summary>
/// <param name="N">The number of rows.</param>
/// <param name="Nrhs">The number of right-hand sides.</param>
/// <param name="XTrue">X*.</param>
/// <param name="B">A·X*, rounded.</param>
public sealed record RightHandSide(int N, int Nrhs, double[] XTrue, double[] B);
