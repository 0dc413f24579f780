using System;
using System.Runtime.InteropServices;
using Specialized;

namespace MixedSizes;

/// <summary>
/// OpenBLAS's LAPACKE dpotrf + dpotrs on one thread, when Debian's liblapacke3 and libopenblas0 are
/// installed (bench/install-peers.sh installs them); the sample leaves this column out otherwise.
/// </summary>
internal static unsafe class OpenBlas
{
    private const int RowMajor = 101;

    private static readonly delegate* unmanaged<int, byte, int, double*, int, int> s_potrf;
    private static readonly delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int> s_potrs;

    // dpotrf overwrites its matrix, and the workload's matrices are reused: factor a copy.
    private static readonly double[] s_scratch = new double[Workload.MaxOrder * Workload.MaxOrder];

    static OpenBlas()
    {
        if (!NativeLibrary.TryLoad("liblapacke.so.3", out nint lapacke))
        {
            Missing = "liblapacke.so.3 not found (apt-get install liblapacke libopenblas0, or run bench/install-peers.sh)";
            return;
        }

        if (!NativeLibrary.TryGetExport(lapacke, "LAPACKE_dpotrf_work", out nint potrf)
            || !NativeLibrary.TryGetExport(lapacke, "LAPACKE_dpotrs_work", out nint potrs))
        {
            Missing = "liblapacke.so.3 lacks LAPACKE_dpotrf_work / LAPACKE_dpotrs_work";
            return;
        }

        // Resolved through LAPACKE's own dependencies, so it is the copy of OpenBLAS that LAPACKE
        // calls; its absence means the LAPACK behind LAPACKE is not OpenBLAS.
        if (!NativeLibrary.TryGetExport(lapacke, "openblas_set_num_threads", out nint threads))
        {
            Missing = "the LAPACK behind liblapacke.so.3 is not OpenBLAS";
            return;
        }

        ((delegate* unmanaged<int, void>)threads)(1);
        s_potrf = (delegate* unmanaged<int, byte, int, double*, int, int>)potrf;
        s_potrs = (delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int>)potrs;
    }

    /// <summary>Why OpenBLAS cannot run here, or null when it can.</summary>
    public static string? Missing { get; }

    public static SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n)
    {
        if (n < 1 || n > Workload.MaxOrder || a.Length < n * n || b.Length < n || x.Length < n)
        {
            throw new ArgumentException($"OpenBlas.Solve: n = {n} does not fit the spans or the sample's largest order");
        }

        a[..(n * n)].CopyTo(s_scratch);
        b[..n].CopyTo(x);
        fixed (double* l = s_scratch)
        fixed (double* rhs = x)
        {
            int info = s_potrf(RowMajor, (byte)'L', n, l, n);
            if (info != 0)
            {
                return SolveResult.Failed(info - 1);
            }

            s_potrs(RowMajor, (byte)'L', n, 1, l, n, rhs, 1);
        }

        return SolveResult.Succeeded;
    }
}
