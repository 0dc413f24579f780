// The consumer program of the package test (tests/Package.Tests). The test copies this file into
// a fresh console project that references only the packed Specialized package, builds it with
// TreatWarningsAsErrors and runs it: every [SpdSolve] method below is implemented by the
// generator that ships inside the package, and sizes above MaxN take the runtime fallback.
//
// The eight declarations cover, pairwise, every form (in place, keeps inputs, each with and
// without nrhs), element type, return type, triangle and layout of the SpdSolve contract (an
// orthogonal array: every pair of choices appears together twice). Two of them use MaxN = 32
// (one double, one float), the others MaxN = 16: each MaxN = 32 solver is a large generated
// file, and this program must build in well under a minute.
// For n = 0..MaxLimit each solver must return success, leave what the contract says it leaves
// alone (the unused triangle; a and b for the keep-inputs forms) and produce x with
// ||b - A x||_1 <= Tolerance * ||A||_1 * ||x||_1 * eps * n for every right-hand side. A few
// matrices that are not positive definite must fail with FailedPivot at the broken leading
// minor and leave b (in place) or x (keeps inputs) untouched.
// Three more methods cover the factor forms: [SpdFactor], the [SpdSolve] that solves with the
// factor it made (void, with nrhs) and [SpdInverse], checked by FactorForms below over the same n
// (the inverse, whose check is O(n^3), at a subset of them): ||L Lt - A||_1, ||b - A x||_1 and
// ||I - A Ainv||_1 relative to eps n and the norms, the unused triangle untouched, a untouched by
// the inverse, and FailedPivot at the broken minor with a (unrolled sizes) and the inverse untouched.
// Prints one line per solver and "ALL OK" at the end; exits 1 on any failure.

using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Consumer.Kernels;
using Specialized;

internal static partial class Solvers
{
    // All defaults but MaxN: Triangle.Lower, MatrixLayout.RowMajor.
    [SpdSolve(MaxN = 16)]
    public static partial bool InPlaceLowerRow16(Span<double> a, Span<double> b, int n);

    [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult InPlaceLowerCol16(Span<float> a, Span<float> b, int n);

    [SpdSolve(Triangle = Triangle.Upper, MaxN = 16)]
    public static partial SolveResult InPlaceUpperRow16(Span<double> a, Span<double> b, int n, int nrhs);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    public static partial bool InPlaceUpperCol32(Span<float> a, Span<float> b, int n, int nrhs);

    [SpdSolve(MaxN = 16, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    public static partial bool KeepUpperCol16(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    [SpdSolve(MaxN = 16, Triangle = Triangle.Lower, Layout = MatrixLayout.RowMajor)]
    public static partial bool KeepLowerRow16(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs);

    [SpdFactor(MaxN = 16, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult FactorUpperCol16(Span<double> a, int n);

    [SpdSolve(MaxN = 16, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    public static partial void FactoredUpperCol16(ReadOnlySpan<double> factor, Span<double> b, int n, int nrhs);

    [SpdInverse(MaxN = 8)]
    public static partial bool InvertLowerRow8(ReadOnlySpan<float> a, Span<float> inverse, int n);
}

namespace Consumer.Kernels
{
    /// <summary>Overloads of one name, as users write them (a public class, in a namespace).</summary>
    public static partial class Fits
    {
        [SpdSolve(MaxN = 16, Triangle = Triangle.Upper, Layout = MatrixLayout.RowMajor)]
        public static partial SolveResult Solve(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);

        [SpdSolve(MaxN = 32, Layout = MatrixLayout.ColumnMajor)]
        public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);
    }
}

/// <summary>Calls one declared solver on arrays; in-place solvers leave the solution in b, the others in x.</summary>
internal delegate (bool Success, int? FailedPivot) Runner<T>(T[] a, T[] b, T[] x, int n, int nrhs);

internal sealed record Config<T>(
    string Method, bool InPlace, bool HasNrhs, string Returns, Triangle Triangle, MatrixLayout Layout, int MaxN, Runner<T> Run)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Describe()
    {
        string form = (InPlace ? "in-place" : "keep-inputs") + (HasNrhs ? "+nrhs" : "");
        string type = typeof(T) == typeof(double) ? "double" : "float";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Method,-26} {type,-6} {form,-16} {Returns,-11} {Triangle,-5} {Layout,-11} MaxN={MaxN,-2}");
    }
}

internal static class Limits
{
    /// <summary>The largest n checked: far above MaxN, so the runtime fallback is checked too.</summary>
    public const int MaxLimit = 300;

    /// <summary>Bound on ||b - A x||_1 / (||A||_1 ||x||_1 eps n); LAPACK's own threshold is 30 without the n.</summary>
    public const double Tolerance = 10.0;
}

internal static class Program
{
    private static int Main()
    {
        var total = Stopwatch.StartNew();
        var doubles = new List<Config<double>>
        {
            new("Solvers.InPlaceLowerRow16", true, false, "bool", Triangle.Lower, MatrixLayout.RowMajor, 16,
                (a, b, x, n, r) => R(Solvers.InPlaceLowerRow16(a, b, n))),
            new("Solvers.InPlaceUpperRow16", true, true, "SolveResult", Triangle.Upper, MatrixLayout.RowMajor, 16,
                (a, b, x, n, r) => R(Solvers.InPlaceUpperRow16(a, b, n, r))),
            new("Solvers.KeepUpperCol16", false, false, "bool", Triangle.Upper, MatrixLayout.ColumnMajor, 16,
                (a, b, x, n, r) => R(Solvers.KeepUpperCol16(a, b, x, n))),
            new("Fits.Solve", false, true, "SolveResult", Triangle.Lower, MatrixLayout.ColumnMajor, 32,
                (a, b, x, n, r) => R(Fits.Solve(a, b, x, n, r))),
        };
        var floats = new List<Config<float>>
        {
            new("Solvers.InPlaceLowerCol16", true, false, "SolveResult", Triangle.Lower, MatrixLayout.ColumnMajor, 16,
                (a, b, x, n, r) => R(Solvers.InPlaceLowerCol16(a, b, n))),
            new("Solvers.InPlaceUpperCol32", true, true, "bool", Triangle.Upper, MatrixLayout.ColumnMajor, 32,
                (a, b, x, n, r) => R(Solvers.InPlaceUpperCol32(a, b, n, r))),
            new("Fits.Solve", false, false, "SolveResult", Triangle.Upper, MatrixLayout.RowMajor, 16,
                (a, b, x, n, r) => R(Fits.Solve(a, b, x, n))),
            new("Solvers.KeepLowerRow16", false, true, "bool", Triangle.Lower, MatrixLayout.RowMajor, 16,
                (a, b, x, n, r) => R(Solvers.KeepLowerRow16(a, b, x, n, r))),
        };

        var doubleChecks = doubles.Select(c => new Checker<double>(c)).ToList();
        var floatChecks = floats.Select(c => new Checker<float>(c)).ToList();
        var factorForms = new FactorForms();

        // One SPD matrix A = M·Mᵀ + n·I per n, shared by every solver.
        for (int n = 0; n <= Limits.MaxLimit; n++)
        {
            var rng = new Random(20_240_000 + n);
            double[] spd = MakeSpd(n, rng);
            double[] rhs = new double[n * 3];
            for (int i = 0; i < rhs.Length; i++)
            {
                rhs[i] = (2 * rng.NextDouble()) - 1;
            }

            foreach (var check in doubleChecks)
            {
                check.CheckSpd(n, spd, rhs);
            }

            foreach (var check in floatChecks)
            {
                check.CheckSpd(n, spd, rhs);
            }

            factorForms.CheckSpd(n, spd, rhs);
        }

        int failed = 0;
        foreach (var check in doubleChecks)
        {
            check.CheckNotPositiveDefinite();
            failed += check.Report() ? 0 : 1;
        }

        foreach (var check in floatChecks)
        {
            check.CheckNotPositiveDefinite();
            failed += check.Report() ? 0 : 1;
        }

        factorForms.CheckNotPositiveDefinite();
        failed += factorForms.Report();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{doubleChecks.Count + floatChecks.Count + FactorForms.Count} solvers, n = 0..{Limits.MaxLimit}, {total.Elapsed.TotalSeconds:F1} s"));
        if (failed != 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAILED: {failed} solver(s)"));
            return 1;
        }

        Console.WriteLine("ALL OK");
        return 0;
    }

    private static (bool, int?) R(bool success) => (success, null);

    private static (bool, int?) R(SolveResult result) => (result.Success, result.FailedPivot);

    /// <summary>Returns A = M·Mᵀ + n·I (row-major, both triangles) for M uniform in [-1, 1].</summary>
    internal static double[] MakeSpd(int n, Random rng)
    {
        double[] m = new double[n * n];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = (2 * rng.NextDouble()) - 1;
        }

        double[] a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> mi = m.AsSpan(i * n, n);
            for (int j = 0; j <= i; j++)
            {
                double s = Dot(mi, m.AsSpan(j * n, n));
                a[(i * n) + j] = s;
                a[(j * n) + i] = s;
            }

            a[(i * n) + i] += n;
        }

        return a;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<double>.Zero;
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                acc += new Vector<double>(x.Slice(i)) * new Vector<double>(y.Slice(i));
            }

            s = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }
}

/// <summary>Runs one solver over every n and keeps what went wrong.</summary>
internal sealed class Checker<T>(Config<T> config)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly double Eps = double.CreateTruncating(T.BitIncrement(T.One) - T.One);

    private readonly List<string> _failures = [];
    private double _worstRatio;
    private int _worstN;
    private int _solves;

    private int Index(int i, int j, int n) => config.Layout == MatrixLayout.RowMajor ? (i * n) + j : (j * n) + i;

    private bool Stored(int i, int j) => config.Triangle == Triangle.Lower ? i >= j : i <= j;

    /// <summary>Solves with the SPD matrix <paramref name="spd"/> (row-major, both triangles) and checks the residual.</summary>
    public void CheckSpd(int n, double[] spd, double[] rhs)
    {
        int nrhs = config.HasNrhs ? 1 + (n % 3) : 1;

        // The solver sees only its triangle, in its layout; the other triangle holds NaN, which
        // poisons the result if it is ever read. `full` is the matrix it sees, rounded to T.
        T[] a = new T[n * n];
        a.AsSpan().Fill(T.NaN);
        double[] full = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (Stored(i, j))
                {
                    T v = T.CreateTruncating(spd[(i * n) + j]);
                    a[Index(i, j, n)] = v;
                    full[(i * n) + j] = double.CreateTruncating(v);
                    full[(j * n) + i] = double.CreateTruncating(v);
                }
            }
        }

        T[] b = new T[n * nrhs];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = T.CreateTruncating(rhs[i]);
        }

        T[] x = new T[n * nrhs];
        x.AsSpan().Fill(T.NaN);
        T[] a0 = (T[])a.Clone();
        T[] b0 = (T[])b.Clone();

        (bool success, int? pivot) result;
        try
        {
            result = config.Run(a, b, x, n, nrhs);
        }
        catch (Exception e)
        {
            Fail(n, $"threw {e.GetType().Name}: {e.Message}");
            return;
        }

        _solves++;
        if (!result.success)
        {
            Fail(n, $"returned failure (FailedPivot {result.pivot?.ToString(CultureInfo.InvariantCulture) ?? "?"}) for an SPD matrix");
            return;
        }

        if (result.pivot is int p && p != -1)
        {
            Fail(n, $"succeeded with FailedPivot {p}, expected -1");
        }

        T[] solution;
        if (config.InPlace)
        {
            solution = b;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    int k = Index(i, j, n);
                    if (!Stored(i, j) && !SameBits(a[k], a0[k]))
                    {
                        Fail(n, $"wrote a[{k}], outside the {config.Triangle} triangle");
                        i = n;
                        break;
                    }
                }
            }
        }
        else
        {
            solution = x;
            if (!SameBits(a, a0))
            {
                Fail(n, "changed a (keeps-inputs form)");
            }

            if (!SameBits(b, b0))
            {
                Fail(n, "changed b (keeps-inputs form)");
            }
        }

        double normA = 0;
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                s += Math.Abs(full[(i * n) + j]);
            }

            normA = Math.Max(normA, s);
        }

        for (int k = 0; k < nrhs && n > 0; k++)
        {
            double residual = 0, normX = 0;
            for (int i = 0; i < n; i++)
            {
                double s = double.CreateTruncating(b0[(i * nrhs) + k]);
                for (int j = 0; j < n; j++)
                {
                    s -= full[(i * n) + j] * double.CreateTruncating(solution[(j * nrhs) + k]);
                }

                residual += Math.Abs(s);
                normX += Math.Abs(double.CreateTruncating(solution[(i * nrhs) + k]));
            }

            double ratio = residual / (normA * normX * Eps * n);
            if (!(ratio <= Limits.Tolerance))
            {
                Fail(n, string.Create(CultureInfo.InvariantCulture,
                    $"rhs {k} of {nrhs}: ||b - A x||_1 / (||A||_1 ||x||_1 eps n) = {ratio:G4} > {Limits.Tolerance}"));
                return;
            }

            if (ratio > _worstRatio)
            {
                _worstRatio = ratio;
                _worstN = n;
            }
        }
    }

    /// <summary>
    /// Breaks the diagonal at pivot k (-1 or NaN) of an SPD matrix: the leading minors before k stay
    /// positive definite, so the solver must fail with FailedPivot = k and leave b (in place) or x alone.
    /// </summary>
    public void CheckNotPositiveDefinite()
    {
        int[] sizes = [1, 3, config.MaxN, config.MaxN + 1, 2 * config.MaxN + 5];
        foreach (int n in sizes)
        {
            foreach (double bad in new[] { -1.0, double.NaN })
            {
                int k = n / 2;
                int nrhs = config.HasNrhs ? 2 : 1;
                double[] spd = Program.MakeSpd(n, new Random(7 + n));
                T[] a = new T[n * n];
                a.AsSpan().Fill(T.NaN);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        if (Stored(i, j))
                        {
                            a[Index(i, j, n)] = T.CreateTruncating(i == k && j == k ? bad : spd[(i * n) + j]);
                        }
                    }
                }

                T[] b = new T[n * nrhs];
                for (int i = 0; i < b.Length; i++)
                {
                    b[i] = T.CreateTruncating(i + 1);
                }

                T[] x = new T[n * nrhs];
                x.AsSpan().Fill(T.CreateTruncating(-12345));
                T[] b0 = (T[])b.Clone();
                T[] x0 = (T[])x.Clone();
                string what = string.Create(CultureInfo.InvariantCulture, $"a[{k},{k}] = {bad}");
                (bool success, int? pivot) result;
                try
                {
                    result = config.Run(a, b, x, n, nrhs);
                }
                catch (Exception e)
                {
                    Fail(n, $"{what}: threw {e.GetType().Name}: {e.Message}");
                    continue;
                }

                if (result.success)
                {
                    Fail(n, $"{what}: reported success for a matrix that is not positive definite");
                }
                else if (result.pivot is int p && p != k)
                {
                    Fail(n, string.Create(CultureInfo.InvariantCulture, $"{what}: FailedPivot {p}, expected {k}"));
                }

                if (config.InPlace ? !SameBits(b, b0) : !SameBits(x, x0))
                {
                    Fail(n, $"{what}: changed {(config.InPlace ? "b" : "x")} on failure");
                }
            }
        }
    }

    /// <summary>Prints the solver's line; returns whether it passed.</summary>
    public bool Report()
    {
        bool ok = _failures.Count == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(ok ? "OK  " : "FAIL")} {config.Describe()} n=0..{Limits.MaxLimit} ({_solves} solves) worst ratio {_worstRatio:F4} at n={_worstN}"));
        foreach (string failure in _failures.Take(10))
        {
            Console.WriteLine("       " + failure);
        }

        if (_failures.Count > 10)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"       ... and {_failures.Count - 10} more"));
        }

        return ok;
    }

    private void Fail(int n, string message) =>
        _failures.Add(string.Create(CultureInfo.InvariantCulture, $"n={n}{(n > config.MaxN ? " (fallback)" : "")}: {message}"));

    private static bool SameBits(T left, T right) => SameBits([left], [right]);

    private static bool SameBits(ReadOnlySpan<T> left, ReadOnlySpan<T> right) =>
        MemoryMarshal.AsBytes(left).SequenceEqual(MemoryMarshal.AsBytes(right));
}

/// <summary>
/// Checks the factor forms: Solvers.FactorUpperCol16 (double, Upper, ColumnMajor), the
/// Solvers.FactoredUpperCol16 that solves with its factor, and Solvers.InvertLowerRow8
/// (float, Lower, RowMajor).
/// </summary>
internal sealed class FactorForms
{
    public const int Count = 3;

    private const int FactorMaxN = 16;
    private const int InverseMaxN = 8;

    private readonly List<string> _factor = [];
    private readonly List<string> _solve = [];
    private readonly List<string> _inverse = [];
    private readonly double[] _worst = new double[Count];
    private readonly int[] _calls = new int[Count];

    /// <summary>The sizes at which the inverse, whose check is O(n^3), is checked.</summary>
    private static bool CheckInverseAt(int n) => n <= 2 * FactorMaxN + 5 || n is 64 or 65 or 100 or Limits.MaxLimit;

    public void CheckSpd(int n, double[] spd, double[] rhs)
    {
        CheckFactorAndSolve(n, spd, rhs);
        if (CheckInverseAt(n))
        {
            CheckInverse(n, spd);
        }
    }

    private void CheckFactorAndSolve(int n, double[] spd, double[] rhs)
    {
        const double Eps = 1.1102230246251565e-16;

        // Upper, column-major: A(i, j), i <= j, at j*n + i; NaN in the lower triangle.
        double[] a = new double[n * n];
        a.AsSpan().Fill(double.NaN);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i <= j; i++)
            {
                a[(j * n) + i] = spd[(i * n) + j];
            }
        }

        double[] a0 = (double[])a.Clone();
        SolveResult result;
        try
        {
            result = Solvers.FactorUpperCol16(a, n);
        }
        catch (Exception e)
        {
            Fail(_factor, n, FactorMaxN, $"threw {e.GetType().Name}: {e.Message}");
            return;
        }

        _calls[0]++;
        if (!result.Success || result.FailedPivot != -1)
        {
            Fail(_factor, n, FactorMaxN, $"returned {result} for an SPD matrix");
            return;
        }

        for (int k = 0; k < a.Length; k++)
        {
            if (k % n > k / n && !BitConverter.DoubleToInt64Bits(a[k]).Equals(BitConverter.DoubleToInt64Bits(a0[k])))
            {
                Fail(_factor, n, FactorMaxN, $"wrote a[{k}], outside the upper triangle");
                break;
            }
        }

        // ||Ut U - A||_1 / (||A||_1 eps n), with U(i, j) = a[j*n + i] for i <= j.
        double normA = OneNorm(spd, n), worst = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k <= Math.Min(i, j); k++)
                {
                    s += a[(i * n) + k] * a[(j * n) + k];
                }

                column += Math.Abs(s - spd[(i * n) + j]);
            }

            worst = Math.Max(worst, column);
        }

        Record(_factor, 0, n, FactorMaxN, n == 0 ? 0 : worst / (normA * Eps * n), "||Ut U - A||_1 / (||A||_1 eps n)");

        // The solve with that factor, in place of b (n x nrhs, row-major).
        int nrhs = 1 + (n % 3);
        double[] b = rhs.AsSpan(0, n * nrhs).ToArray();
        double[] b0 = (double[])b.Clone();
        double[] factor = (double[])a.Clone();
        try
        {
            Solvers.FactoredUpperCol16(a, b, n, nrhs);
        }
        catch (Exception e)
        {
            Fail(_solve, n, FactorMaxN, $"threw {e.GetType().Name}: {e.Message}");
            return;
        }

        _calls[1]++;
        if (!a.AsSpan().SequenceEqual(factor))
        {
            Fail(_solve, n, FactorMaxN, "changed the factor");
        }

        for (int c = 0; c < nrhs && n > 0; c++)
        {
            double residual = 0, normX = 0;
            for (int i = 0; i < n; i++)
            {
                double s = b0[(i * nrhs) + c];
                for (int j = 0; j < n; j++)
                {
                    s -= spd[(i * n) + j] * b[(j * nrhs) + c];
                }

                residual += Math.Abs(s);
                normX += Math.Abs(b[(i * nrhs) + c]);
            }

            Record(_solve, 1, n, FactorMaxN, residual / (normA * normX * Eps * n), $"rhs {c} of {nrhs}: ||b - A x||_1 / (||A||_1 ||x||_1 eps n)");
        }
    }

    private void CheckInverse(int n, double[] spd)
    {
        const double Eps = 5.9604644775390625e-08;

        // Lower, row-major, float; NaN in the upper triangle. `full` is what the solver sees.
        float[] a = new float[n * n];
        a.AsSpan().Fill(float.NaN);
        double[] full = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                a[(i * n) + j] = (float)spd[(i * n) + j];
                full[(i * n) + j] = full[(j * n) + i] = a[(i * n) + j];
            }
        }

        float[] a0 = (float[])a.Clone();
        float[] inverse = new float[n * n];
        bool success;
        try
        {
            success = Solvers.InvertLowerRow8(a, inverse, n);
        }
        catch (Exception e)
        {
            Fail(_inverse, n, InverseMaxN, $"threw {e.GetType().Name}: {e.Message}");
            return;
        }

        _calls[2]++;
        if (!success)
        {
            Fail(_inverse, n, InverseMaxN, "returned failure for an SPD matrix");
            return;
        }

        if (!MemoryMarshal.AsBytes(a.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(a0.AsSpan())))
        {
            Fail(_inverse, n, InverseMaxN, "changed a");
        }

        double[] ainv = new double[n * n];
        for (int k = 0; k < ainv.Length; k++)
        {
            ainv[k] = inverse[k];
            if (inverse[k] != inverse[((k % n) * n) + (k / n)])
            {
                Fail(_inverse, n, InverseMaxN, "wrote an inverse that is not symmetric");
                return;
            }
        }

        // ||I - A Ainv||_1 / (||A||_1 ||Ainv||_1 eps n).
        double worst = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
            {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++)
                {
                    s -= full[(i * n) + k] * ainv[(k * n) + j];
                }

                column += Math.Abs(s);
            }

            worst = Math.Max(worst, column);
        }

        Record(_inverse, 2, n, InverseMaxN, n == 0 ? 0 : worst / (OneNorm(full, n) * OneNorm(ainv, n) * Eps * n), "||I - A Ainv||_1 / (||A||_1 ||Ainv||_1 eps n)");
    }

    // A one-off correctness check, not a hot loop: fresh buffers keep each case independent (SPD0101 is about speed).
#pragma warning disable SPD0101

    /// <summary>A diagonal entry -1 or NaN at k = n/2: failure at pivot k, a (unrolled factor) and the inverse untouched.</summary>
    public void CheckNotPositiveDefinite()
    {
        foreach (int n in new[] { 1, 3, InverseMaxN, InverseMaxN + 1, FactorMaxN, FactorMaxN + 1, (2 * FactorMaxN) + 5 })
        {
            foreach (double bad in new[] { -1.0, double.NaN })
            {
                int k = n / 2;
                double[] spd = Program.MakeSpd(n, new Random(11 + n));
                spd[(k * n) + k] = bad;
                string what = string.Create(CultureInfo.InvariantCulture, $"a[{k},{k}] = {bad}");

                double[] a = (double[])spd.Clone(); // symmetric, so its upper triangle column-major is itself
                double[] a0 = (double[])a.Clone();
                SolveResult result = Solvers.FactorUpperCol16(a, n);
                if (result.Success || result.FailedPivot != k)
                {
                    Fail(_factor, n, FactorMaxN, $"{what}: returned {result}, expected a failure at pivot {k}");
                }

                if (n <= FactorMaxN && !MemoryMarshal.AsBytes(a.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(a0.AsSpan())))
                {
                    Fail(_factor, n, FactorMaxN, $"{what}: changed a on failure");
                }

                float[] af = spd.Select(v => (float)v).ToArray();
                float[] inverse = new float[n * n];
                inverse.AsSpan().Fill(-12345f);
                if (Solvers.InvertLowerRow8(af, inverse, n))
                {
                    Fail(_inverse, n, InverseMaxN, $"{what}: reported success for a matrix that is not positive definite");
                }

                if (inverse.Any(v => v != -12345f))
                {
                    Fail(_inverse, n, InverseMaxN, $"{what}: changed the inverse on failure");
                }
            }
        }
    }

#pragma warning restore SPD0101

    /// <summary>Prints one line per method; returns how many failed.</summary>
    public int Report()
    {
        int failed = 0;
        failed += Line("Solvers.FactorUpperCol16", "double", "factor", "SolveResult", "Upper", "ColumnMajor", FactorMaxN, 0, _factor);
        failed += Line("Solvers.FactoredUpperCol16", "double", "factored+nrhs", "void", "Upper", "ColumnMajor", FactorMaxN, 1, _solve);
        failed += Line("Solvers.InvertLowerRow8", "float", "inverse", "bool", "Lower", "RowMajor", InverseMaxN, 2, _inverse);
        return failed;
    }

    private int Line(string method, string type, string form, string returns, string triangle, string layout, int maxN, int index, List<string> failures)
    {
        bool ok = failures.Count == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(ok ? "OK  " : "FAIL")} {method,-26} {type,-6} {form,-16} {returns,-11} {triangle,-5} {layout,-11} MaxN={maxN,-2} ({_calls[index]} calls) worst ratio {_worst[index]:F4}"));
        foreach (string failure in failures.Take(10))
        {
            Console.WriteLine("       " + failure);
        }

        return ok ? 0 : 1;
    }

    private void Record(List<string> failures, int index, int n, int maxN, double ratio, string what)
    {
        if (!(ratio <= Limits.Tolerance))
        {
            Fail(failures, n, maxN, string.Create(CultureInfo.InvariantCulture, $"{what} = {ratio:G4} > {Limits.Tolerance}"));
        }

        _worst[index] = Math.Max(_worst[index], ratio);
    }

    private static void Fail(List<string> failures, int n, int maxN, string message) =>
        failures.Add(string.Create(CultureInfo.InvariantCulture, $"n={n}{(n > maxN ? " (fallback)" : "")}: {message}"));

    private static double OneNorm(double[] a, int n)
    {
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                s += Math.Abs(a[(i * n) + j]);
            }

            norm = Math.Max(norm, s);
        }

        return norm;
    }
}
