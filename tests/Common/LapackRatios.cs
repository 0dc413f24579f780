using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Text;

namespace Specialized.Testing;

/// <summary>
/// LAPACK dchkpo's test ratios, computed in double: dpot01 (factor), dpot02 (residual),
/// dget04 (forward error) and dpot03 (inverse). A correct solver keeps each below <see cref="Threshold"/>.
/// </summary>
public static class LapackRatios
{
    /// <summary>dchkpo's THRESH, the bound docs/design.md ("Accuracy") holds every path to.</summary>
    public const double Threshold = 30;

    /// <summary>dpot01: ‖L·Lᵀ − A‖₁ / (n·‖A‖₁·ε), with L dense row-major lower-triangular and A dense symmetric.</summary>
    public static double Factor(ReadOnlySpan<double> a, ReadOnlySpan<double> l, int n, double eps)
    {
        if (n == 0)
        {
            return 0;
        }

        double anorm = TestMatrix.OneNorm(a, n);
        if (!(anorm > 0))
        {
            return 1 / eps;
        }

        // Column sums of |L·Lᵀ − A|, from its lower triangle mirrored.
        var colSums = new double[n];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> li = l.Slice(i * n, n);
            for (int j = 0; j <= i; j++)
            {
                ReadOnlySpan<double> lj = l.Slice(j * n, j + 1);
                double s = 0;
                for (int k = 0; k <= j; k++)
                {
                    s += li[k] * lj[k];
                }

                double d = Math.Abs(s - a[i * n + j]);
                colSums[j] += d;
                if (i != j)
                {
                    colSums[i] += d;
                }
            }
        }

        double resid = 0;
        foreach (double s in colSums)
        {
            resid = Math.Max(resid, s);
        }

        return resid / n / anorm / eps;
    }

    /// <summary>dpot01 on the factor a solver left in <paramref name="buffer"/>, against the test matrix it was given.</summary>
    public static double Factor<T>(TestMatrix matrix, ReadOnlySpan<T> buffer, Triangle triangle, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Factor(matrix.Dense, MatrixStorage.ReadFactorAsLower(buffer, matrix.N, triangle, layout), matrix.N, Lapack.Epsilon(matrix.Precision));

    /// <summary>
    /// dpot02: the largest over columns of ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·ε); A dense symmetric,
    /// x and b n x nrhs row-major.
    /// </summary>
    public static double Residual<T>(ReadOnlySpan<double> a, ReadOnlySpan<T> x, ReadOnlySpan<double> b, int n, int nrhs, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0 || nrhs == 0)
        {
            return 0;
        }

        double anorm = TestMatrix.OneNorm(a, n);
        if (!(anorm > 0))
        {
            return 1 / eps;
        }

        double[] xd = MatrixStorage.ToDouble(x.Slice(0, n * nrhs));
        double result = 0;
        for (int j = 0; j < nrhs; j++)
        {
            double rnorm = 0, xnorm = 0;
            for (int i = 0; i < n; i++)
            {
                double s = b[i * nrhs + j];
                for (int k = 0; k < n; k++)
                {
                    s -= a[i * n + k] * xd[k * nrhs + j];
                }

                rnorm += Math.Abs(s);
                xnorm += Math.Abs(xd[i * nrhs + j]);
            }

            result = Math.Max(result, xnorm > 0 ? rnorm / anorm / xnorm / eps : xnorm == 0 ? 1 / eps : double.NaN);
        }

        return result;
    }

    /// <summary>dpot02 for a solver's x against the test matrix and right-hand side it was given.</summary>
    public static double Residual<T>(TestMatrix matrix, RightHandSide rhs, ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Residual(matrix.Dense, x, rhs.B, matrix.N, rhs.Nrhs, Lapack.Epsilon(matrix.Precision));

    /// <summary>
    /// dget04: the largest over columns of (‖x − x*‖∞ / ‖x*‖∞)·rcond/ε; x and x* n x nrhs row-major.
    /// NaN in x gives NaN, which no threshold accepts.
    /// </summary>
    public static double ForwardError<T>(ReadOnlySpan<T> x, ReadOnlySpan<double> xTrue, int n, int nrhs, double rcond, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double result = 0;
        for (int j = 0; j < nrhs; j++)
        {
            double xnorm = 0, diff = 0;
            for (int i = 0; i < n; i++)
            {
                double t = xTrue[i * nrhs + j];
                xnorm = Math.Max(xnorm, Math.Abs(t));
                diff = Math.Max(diff, Math.Abs(double.CreateTruncating(x[i * nrhs + j]) - t));
            }

            result = Math.Max(result, xnorm > 0 ? diff / xnorm * rcond / eps : diff > 0 ? 1 / eps : diff);
        }

        return result;
    }

    /// <summary>dget04 for a solver's x against the true solution, with the test matrix's rcond.</summary>
    public static double ForwardError<T>(TestMatrix matrix, RightHandSide rhs, ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ForwardError(x, rhs.XTrue, matrix.N, rhs.Nrhs, matrix.RCond, Lapack.Epsilon(matrix.Precision));

    /// <summary>
    /// dpot03: ‖I − A·A⁻¹‖₁ / (n·‖A‖₁·‖A⁻¹‖₁·ε), with A dense symmetric and <paramref name="inverse"/>
    /// the full n x n inverse a solver wrote (both triangles, read row-major; symmetric, so either
    /// layout reads the same). A zero or non-finite norm gives 1/ε, as dpot03's RCOND = 0 does;
    /// NaN anywhere gives NaN, which no threshold accepts.
    /// </summary>
    public static double Inverse<T>(ReadOnlySpan<double> a, ReadOnlySpan<T> inverse, int n, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0)
        {
            return 0;
        }

        double[] ainv = MatrixStorage.ToDouble(inverse.Slice(0, n * n));
        double anorm = TestMatrix.OneNorm(a, n);
        double ainvnorm = TestMatrix.OneNorm(ainv, n);
        if (double.IsNaN(ainvnorm))
        {
            return double.NaN;
        }

        if (!(anorm > 0 && ainvnorm > 0) || double.IsInfinity(anorm) || double.IsInfinity(ainvnorm))
        {
            return 1 / eps;
        }

        // Column sums of |I − A·A⁻¹|.
        double resid = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
            {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++)
                {
                    s -= a[i * n + k] * ainv[k * n + j];
                }

                column += Math.Abs(s);
            }

            resid = Math.Max(resid, column); // NaN propagates
        }

        double rcond = 1 / anorm / ainvnorm;
        return resid * rcond / eps / n;
    }

    /// <summary>dpot03 for the inverse a solver wrote, against the test matrix it was given.</summary>
    public static double Inverse<T>(TestMatrix matrix, ReadOnlySpan<T> inverse)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Inverse(matrix.Dense, inverse, matrix.N, Lapack.Epsilon(matrix.Precision));

    /// <summary>
    /// Throws <see cref="RatioExceededException"/> unless every ratio is below <paramref name="threshold"/>
    /// (NaN never is); the message gives <paramref name="context"/> and all the ratios.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AssertBelow(double threshold, string context, params (string Name, double Value)[] ratios) =>
        Check(threshold, context, ratios, CallingClass());

    /// <summary><see cref="AssertBelow(double, string, ValueTuple{string, double}[])"/> at <see cref="Threshold"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AssertBelow(string context, params (string Name, double Value)[] ratios) =>
        Check(Threshold, context, ratios, CallingClass());

    // The test class two frames up (past AssertBelow): the path whose worst ratios WorstRatios keeps.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string CallingClass()
    {
        Type? type = new StackFrame(2, false).GetMethod()?.DeclaringType;
        while (type?.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type?.Name ?? "unknown";
    }

    private static void Check(double threshold, string context, (string Name, double Value)[] ratios, string path)
    {
        bool ok = true;
        foreach ((string name, double value) in ratios)
        {
            ok &= value < threshold;
            WorstRatios.Record(path, name, value, context);
        }

        if (!ok)
        {
            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture, $"LAPACK test ratio not below {threshold}: {context};");
            foreach ((string name, double value) in ratios)
            {
                message.Append(CultureInfo.InvariantCulture, $" {name}={value:G4}");
            }

            throw new RatioExceededException(message.ToString());
        }
    }

}

/// <summary>A LAPACK test ratio reached its threshold; test frameworks report it as a failure.</summary>
public sealed class RatioExceededException : Exception
{
    /// <summary>Creates the exception with a message that names the case and the ratios.</summary>
    public RatioExceededException(string message)
        : base(message)
    {
    }
}
