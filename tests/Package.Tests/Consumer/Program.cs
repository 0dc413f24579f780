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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{doubleChecks.Count + floatChecks.Count} solvers, n = 0..{Limits.MaxLimit}, {total.Elapsed.TotalSeconds:F1} s"));
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
