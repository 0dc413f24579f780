using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Specialized.Benchmarks;

/// <summary>The peers a benchmark method measures; methods without <see cref="PeerAttribute"/> are ours.</summary>
public enum Peer
{
    /// <summary>MathNet.Numerics 5.0, managed provider.</summary>
    MathNet,

    /// <summary>OpenBLAS through LAPACKE (liblapacke.so.3), one thread.</summary>
    OpenBlas,

    /// <summary>Eigen 3.4 LLT, fixed and dynamic size, from bench/native.</summary>
    Eigen,
}

/// <summary>Marks a benchmark method as measuring a peer, so Program can leave it out when the peer is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PeerAttribute : Attribute
{
    public PeerAttribute(Peer peer) => Peer = peer;

    public Peer Peer { get; }

    /// <summary>Whether the method needs a compiled-in fixed size (Eigen's fixed-size LLT): cases whose N has none are left out.</summary>
    public bool FixedSizeOnly { get; init; }
}

/// <summary>
/// The Eigen peers: bench/native's libspecialized_peers.so, loaded by absolute path. The path is
/// SPECIALIZED_NATIVE_PEERS when set, else bench/native/build/libspecialized_peers.so under the
/// first directory above the running assembly (or the working directory) that holds Specialized.sln;
/// BenchmarkDotNet runs each benchmark from a generated project below bin/, so a path relative to
/// the output directory would not do.
/// </summary>
public static unsafe class EigenPeer
{
    public const string EnvironmentVariable = "SPECIALIZED_NATIVE_PEERS";
    public const string FileName = "libspecialized_peers.so";

    private static readonly delegate* unmanaged<int, int, double*, double*, double*, int> s_fixedD;
    private static readonly delegate* unmanaged<int, int, float*, float*, float*, int> s_fixedF;
    private static readonly delegate* unmanaged<int, int, double*, double*, double*, int> s_dynamicD;
    private static readonly delegate* unmanaged<int, int, float*, float*, float*, int> s_dynamicF;
    private static readonly delegate* unmanaged<int, int> s_fixedHas;

    static EigenPeer()
    {
        string? path = FindLibrary();
        if (path is null)
        {
            Unavailable = $"{FileName} not found: run bench/install-peers.sh or set {EnvironmentVariable}";
            return;
        }

        LibraryPath = path;
        if (!File.Exists(path))
        {
            Unavailable = $"{path} not found";
            return;
        }

        if (!NativeLibrary.TryLoad(path, out nint handle))
        {
            Unavailable = $"{path} does not load";
            return;
        }

        if (!NativeLibrary.TryGetExport(handle, "spd_eigen_fixed_d", out nint fixedD)
            || !NativeLibrary.TryGetExport(handle, "spd_eigen_fixed_f", out nint fixedF)
            || !NativeLibrary.TryGetExport(handle, "spd_eigen_dynamic_d", out nint dynamicD)
            || !NativeLibrary.TryGetExport(handle, "spd_eigen_dynamic_f", out nint dynamicF)
            || !NativeLibrary.TryGetExport(handle, "spd_eigen_fixed_has", out nint fixedHas)
            || !NativeLibrary.TryGetExport(handle, "spd_eigen_version", out nint version))
        {
            Unavailable = $"{path} lacks the spd_eigen_* exports (stale build?)";
            return;
        }

        s_fixedD = (delegate* unmanaged<int, int, double*, double*, double*, int>)fixedD;
        s_fixedF = (delegate* unmanaged<int, int, float*, float*, float*, int>)fixedF;
        s_dynamicD = (delegate* unmanaged<int, int, double*, double*, double*, int>)dynamicD;
        s_dynamicF = (delegate* unmanaged<int, int, float*, float*, float*, int>)dynamicF;
        s_fixedHas = (delegate* unmanaged<int, int>)fixedHas;
        int v = ((delegate* unmanaged<int>)version)();
        Version = $"{v / 10000}.{v / 100 % 100}.{v % 100}";
    }

    /// <summary>Why the peer cannot run, or null when it can.</summary>
    public static string? Unavailable { get; }

    public static string? LibraryPath { get; }

    public static string? Version { get; }

    /// <summary>Whether the library has a fixed-size instantiation for n.</summary>
    public static bool HasFixed(int n) => Unavailable is null && s_fixedHas(n) != 0;

    /// <summary>Solves count systems with <c>Matrix&lt;double, N, N, RowMajor&gt;</c> LLT; returns how many failed, or -1 for an n not compiled in.</summary>
    public static int FixedD(int n, int count, double* a, double* b, double* x) => s_fixedD(n, count, a, b, x);

    public static int FixedF(int n, int count, float* a, float* b, float* x) => s_fixedF(n, count, a, b, x);

    /// <summary>Solves count systems with dynamic-size LLT (a fresh <c>A.llt()</c> each); returns how many failed.</summary>
    public static int DynamicD(int n, int count, double* a, double* b, double* x) => s_dynamicD(n, count, a, b, x);

    public static int DynamicF(int n, int count, float* a, float* b, float* x) => s_dynamicF(n, count, a, b, x);

    private static string? FindLibrary()
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            return Path.GetFullPath(env);
        }

        string? root = RepositoryRoot.Find();
        return root is null ? null : Path.Combine(root, "bench", "native", "build", FileName);
    }
}

/// <summary>The repository root: the nearest directory above the program (or the working directory) holding Specialized.sln.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Specialized.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// OpenBLAS through LAPACKE: <c>LAPACKE_?potrf_work</c> / <c>LAPACKE_?potrs_work</c> /
/// <c>LAPACKE_?posv_work</c> from liblapacke.so.3 (Debian liblapacke, whose LAPACK is
/// libopenblas0's through the liblapack.so.3 alternative) and <c>cblas_?syrk</c> /
/// <c>cblas_?gemv</c> from libopenblas.so.0, limited to one thread with
/// <c>openblas_set_num_threads(1)</c>. SPECIALIZED_LAPACKE and SPECIALIZED_OPENBLAS override the
/// two library names.
/// </summary>
/// <remarks>
/// The calls are the anchor's (../shared/anchors/spd_anchor.cpp): the row-major lower factor is
/// computed with LAPACK_ROW_MAJOR, 'L' (LAPACKE transposes to column-major and back around
/// dpotrf), and the solve reads the same storage as its column-major transpose, LAPACK_COL_MAJOR,
/// 'U', which LAPACKE passes straight to dpotrs.
/// </remarks>
public static unsafe class LapackePeer
{
    public const int RowMajor = 101;
    public const int ColMajor = 102;

    // CBLAS_TRANSPOSE and CBLAS_UPLO.
    private const int Trans = 112;
    private const int Upper = 121;

    private static readonly delegate* unmanaged<int, byte, int, double*, int, int> s_dpotrf;
    private static readonly delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int> s_dpotrs;
    private static readonly delegate* unmanaged<int, byte, int, float*, int, int> s_spotrf;
    private static readonly delegate* unmanaged<int, byte, int, int, float*, int, float*, int, int> s_spotrs;
    private static readonly delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int> s_dposv;
    private static readonly delegate* unmanaged<int, byte, int, int, float*, int, float*, int, int> s_sposv;
    private static readonly delegate* unmanaged<int, int, int, int, int, double, double*, int, double, double*, int, void> s_dsyrk;
    private static readonly delegate* unmanaged<int, int, int, int, int, float, float*, int, float, float*, int, void> s_ssyrk;
    private static readonly delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void> s_dgemv;
    private static readonly delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void> s_sgemv;

    static LapackePeer()
    {
        string lapackeName = Environment.GetEnvironmentVariable("SPECIALIZED_LAPACKE") is { Length: > 0 } l ? l : "liblapacke.so.3";
        string openblasName = Environment.GetEnvironmentVariable("SPECIALIZED_OPENBLAS") is { Length: > 0 } o ? o : "libopenblas.so.0";
        if (!NativeLibrary.TryLoad(lapackeName, out nint lapacke))
        {
            Unavailable = $"{lapackeName} not found";
            return;
        }

        if (!NativeLibrary.TryLoad(openblasName, out nint openblas))
        {
            Unavailable = $"{openblasName} not found";
            return;
        }

        if (!NativeLibrary.TryGetExport(lapacke, "LAPACKE_dpotrf_work", out nint dpotrf)
            || !NativeLibrary.TryGetExport(lapacke, "LAPACKE_dpotrs_work", out nint dpotrs)
            || !NativeLibrary.TryGetExport(lapacke, "LAPACKE_spotrf_work", out nint spotrf)
            || !NativeLibrary.TryGetExport(lapacke, "LAPACKE_spotrs_work", out nint spotrs))
        {
            Unavailable = $"{lapackeName} lacks LAPACKE_?potrf_work / LAPACKE_?potrs_work";
            return;
        }

        if (!NativeLibrary.TryGetExport(lapacke, "LAPACKE_dposv_work", out nint dposv)
            || !NativeLibrary.TryGetExport(lapacke, "LAPACKE_sposv_work", out nint sposv)
            || !NativeLibrary.TryGetExport(openblas, "cblas_dsyrk", out nint dsyrk)
            || !NativeLibrary.TryGetExport(openblas, "cblas_ssyrk", out nint ssyrk)
            || !NativeLibrary.TryGetExport(openblas, "cblas_dgemv", out nint dgemv)
            || !NativeLibrary.TryGetExport(openblas, "cblas_sgemv", out nint sgemv))
        {
            Unavailable = $"{lapackeName} lacks LAPACKE_?posv_work or {openblasName} lacks cblas_?syrk / cblas_?gemv";
            return;
        }

        // The LAPACK that LAPACKE's dpotrf_ resolves to must be OpenBLAS, not reference LAPACK.
        LapackPath = NativeLibrary.TryGetExport(lapacke, "dpotrf_", out nint lapackDpotrf) ? ObjectFileOf(lapackDpotrf) : null;
        bool lapackIsOpenBlas = NativeLibrary.TryGetExport(lapacke, "openblas_set_num_threads", out nint lapackThreads);
        if (!lapackIsOpenBlas)
        {
            Unavailable = $"the LAPACK behind {lapackeName} is not OpenBLAS ({LapackPath ?? "dpotrf_ not found"}); select libopenblas0's liblapack.so.3";
            return;
        }

        if (!NativeLibrary.TryGetExport(openblas, "openblas_set_num_threads", out nint threads))
        {
            Unavailable = $"{openblasName} lacks openblas_set_num_threads";
            return;
        }

        // One thread, in libopenblas.so.0 and in the copy LAPACKE actually calls (Debian's
        // openblas-pthread/liblapack.so.3 may be a separate file from libopenblas.so.0).
        ((delegate* unmanaged<int, void>)threads)(1);
        ((delegate* unmanaged<int, void>)lapackThreads)(1);
        if (NativeLibrary.TryGetExport(lapacke, "openblas_get_config", out nint config))
        {
            Config = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)config)());
        }

        s_dpotrf = (delegate* unmanaged<int, byte, int, double*, int, int>)dpotrf;
        s_dpotrs = (delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int>)dpotrs;
        s_spotrf = (delegate* unmanaged<int, byte, int, float*, int, int>)spotrf;
        s_spotrs = (delegate* unmanaged<int, byte, int, int, float*, int, float*, int, int>)spotrs;
        s_dposv = (delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int>)dposv;
        s_sposv = (delegate* unmanaged<int, byte, int, int, float*, int, float*, int, int>)sposv;
        s_dsyrk = (delegate* unmanaged<int, int, int, int, int, double, double*, int, double, double*, int, void>)dsyrk;
        s_ssyrk = (delegate* unmanaged<int, int, int, int, int, float, float*, int, float, float*, int, void>)ssyrk;
        s_dgemv = (delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)dgemv;
        s_sgemv = (delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemv;
    }

    /// <summary>Why the peer cannot run, or null when it can.</summary>
    public static string? Unavailable { get; }

    /// <summary>The file that LAPACKE's dpotrf_ comes from, symlinks resolved.</summary>
    public static string? LapackPath { get; }

    /// <summary>openblas_get_config(), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".</summary>
    public static string? Config { get; }

    /// <summary>Factors, then solves in place of x (which holds b), the n x n row-major matrix in scratch; returns LAPACK's INFO.</summary>
    public static int FactorSolve(double* scratch, double* x, int n)
    {
        int info = s_dpotrf(RowMajor, (byte)'L', n, scratch, n);
        return info != 0 ? info : s_dpotrs(ColMajor, (byte)'U', n, 1, scratch, n, x, n);
    }

    public static int FactorSolve(float* scratch, float* x, int n)
    {
        int info = s_spotrf(RowMajor, (byte)'L', n, scratch, n);
        return info != 0 ? info : s_spotrs(ColMajor, (byte)'U', n, 1, scratch, n, x, n);
    }

    /// <summary>
    /// Least squares through the normal equations: AᵀA with <c>dsyrk</c> and Aᵀb with <c>dgemv</c>
    /// from the rows x cols row-major A, then <c>dposv</c>; returns LAPACK's INFO.
    /// </summary>
    /// <remarks>
    /// The upper triangle of the row-major cols x cols gram is the lower triangle of its
    /// column-major reading, which dposv takes as it is (LAPACK_COL_MAJOR, 'L': no transposition
    /// or allocation inside LAPACKE).
    /// </remarks>
    /// <param name="gram">cols x cols scratch.</param>
    /// <param name="x">Receives the cols coefficients.</param>
    public static int NormalEquations(double* a, double* b, int rows, int cols, double* gram, double* x)
    {
        s_dsyrk(RowMajor, Upper, Trans, cols, rows, 1.0, a, cols, 0.0, gram, cols);
        s_dgemv(RowMajor, Trans, rows, cols, 1.0, a, cols, b, 1, 0.0, x, 1);
        return s_dposv(ColMajor, (byte)'L', cols, 1, gram, cols, x, cols);
    }

    public static int NormalEquations(float* a, float* b, int rows, int cols, float* gram, float* x)
    {
        s_ssyrk(RowMajor, Upper, Trans, cols, rows, 1f, a, cols, 0f, gram, cols);
        s_sgemv(RowMajor, Trans, rows, cols, 1f, a, cols, b, 1, 0f, x, 1);
        return s_sposv(ColMajor, (byte)'L', cols, 1, gram, cols, x, cols);
    }

    private static string? ObjectFileOf(nint address)
    {
        try
        {
            if (!NativeLibrary.TryLoad("libc.so.6", out nint libc) || !NativeLibrary.TryGetExport(libc, "dladdr", out nint dladdr))
            {
                return null;
            }

            DlInfo info;
            if (((delegate* unmanaged<nint, DlInfo*, int>)dladdr)(address, &info) == 0 || info.FileName == 0)
            {
                return null;
            }

            string file = Marshal.PtrToStringUTF8(info.FileName)!;
            return File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public nint FileName;
        public nint FileBase;
        public nint SymbolName;
        public nint SymbolAddress;
    }
}
