using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;

namespace Specialized.Benchmarks;

/// <summary>Finds out, once per process, which peers can run: load each library and solve one small system.</summary>
public static unsafe class PeerProbe
{
    private static readonly Lazy<IReadOnlyDictionary<Peer, string?>> s_results = new(ProbeAll);

    /// <summary>Why each peer cannot run, or null for a peer that can.</summary>
    public static IReadOnlyDictionary<Peer, string?> Results => s_results.Value;

    public static bool IsAvailable(Peer peer) => Results[peer] is null;

    /// <summary>"Skipped peers: OpenBLAS (liblapacke.so.3 not found), ..." or "Skipped peers: none".</summary>
    public static string SkippedLine()
    {
        var skipped = Results.Where(r => r.Value is not null).Select(r => $"{DisplayName(r.Key)} ({r.Value})").ToList();
        return "Skipped peers: " + (skipped.Count == 0 ? "none" : string.Join(", ", skipped));
    }

    /// <summary>Where each available peer comes from, for the log.</summary>
    public static string AvailableLine()
    {
        var lines = new List<string>();
        if (IsAvailable(Peer.Eigen))
        {
            lines.Add($"Eigen {EigenPeer.Version} ({EigenPeer.LibraryPath})");
        }

        if (IsAvailable(Peer.OpenBlas))
        {
            lines.Add($"OpenBLAS ({LapackePeer.Config ?? "config unknown"}; dpotrf_ from {LapackePeer.LapackPath ?? "?"})");
        }

        if (IsAvailable(Peer.MathNet))
        {
            string version = typeof(Matrix<double>).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
            lines.Add($"MathNet.Numerics {version} ({MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider})");
        }

        return "Peers: " + (lines.Count == 0 ? "none" : string.Join("; ", lines));
    }

    public static string DisplayName(Peer peer) => peer switch
    {
        Peer.OpenBlas => "OpenBLAS",
        _ => peer.ToString(),
    };

    /// <summary>The peer a benchmark method measures, if any.</summary>
    public static Peer? PeerOf(MethodInfo method) => method.GetCustomAttribute<PeerAttribute>()?.Peer;

    /// <summary>Whether the benchmark method can run at order n: ours always; a peer's when it is available and, for fixed-size peers, compiled for n.</summary>
    /// <remarks>A <see cref="SizeRangeAttribute"/> on the method limits either kind to its range of n.</remarks>
    public static bool Runs(MethodInfo method, int n) =>
        (method.GetCustomAttribute<SizeRangeAttribute>() is not { } range || (n >= range.Min && n <= range.Max))
        && method.GetCustomAttribute<PeerAttribute>() switch
        {
            null => true,
            { Peer: var peer, FixedSizeOnly: var fixedOnly } => IsAvailable(peer) && (!fixedOnly || peer != Peer.Eigen || EigenPeer.HasFixed(n)),
        };

    private static Dictionary<Peer, string?> ProbeAll() => new()
    {
        [Peer.MathNet] = Probe(ProbeMathNet),
        [Peer.OpenBlas] = Probe(ProbeOpenBlas),
        [Peer.Eigen] = Probe(ProbeEigen),
    };

    private static string? Probe(Func<string?> probe)
    {
        try
        {
            return probe();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or InvalidOperationException or ArgumentException)
        {
            return $"{e.GetType().Name}: {(e.InnerException ?? e).Message}";
        }
    }

    // A = [[4, 2], [2, 3]], b = [2, 1]: x = [0.5, 0].
    private static readonly double[] s_a = { 4, 2, 2, 3 };
    private static readonly double[] s_b = { 2, 1 };
    private static readonly double[] s_x = { 0.5, 0 };

    private static string? Check(ReadOnlySpan<double> x, string what) =>
        Math.Abs(x[0] - s_x[0]) < 1e-6 && Math.Abs(x[1] - s_x[1]) < 1e-6
            ? null
            : $"{what} returned [{x[0]}, {x[1]}] for a 2x2 system whose solution is [0.5, 0]";

    private static string? ProbeMathNet()
    {
        var x = Matrix<double>.Build.DenseOfRowMajor(2, 2, s_a).Cholesky().Solve(Vector<double>.Build.Dense(s_b));
        return Check(x.AsArray(), "MathNet");
    }

    private static string? ProbeOpenBlas()
    {
        if (LapackePeer.Unavailable is { } why)
        {
            return why;
        }

        double[] a = (double[])s_a.Clone();
        double[] x = (double[])s_b.Clone();
        float[] af = { 4, 2, 2, 3 };
        float[] xf = { 2, 1 };
        int info, infoF;
        fixed (double* pa = a, px = x)
        fixed (float* paf = af, pxf = xf)
        {
            info = LapackePeer.FactorSolve(pa, px, 2);
            infoF = LapackePeer.FactorSolve(paf, pxf, 2);
        }

        return info != 0 || infoF != 0 ? $"dpotrf/dpotrs INFO {info}, spotrf/spotrs INFO {infoF} on a 2x2 SPD system"
            : Check(x, "LAPACKE dpotrf+dpotrs") ?? Check(new double[] { xf[0], xf[1] }, "LAPACKE spotrf+spotrs");
    }

    private static string? ProbeEigen()
    {
        if (EigenPeer.Unavailable is { } why)
        {
            return why;
        }

        double[] x = new double[2];
        double[] x2 = new double[2];
        float[] af = { 4, 2, 2, 3 };
        float[] bf = { 2, 1 };
        float[] xf = new float[2];
        int fixedD, dynamicD, fixedF;
        fixed (double* pa = s_a, pb = s_b, px = x, px2 = x2)
        fixed (float* paf = af, pbf = bf, pxf = xf)
        {
            fixedD = EigenPeer.FixedD(2, 1, pa, pb, px);
            dynamicD = EigenPeer.DynamicD(2, 1, pa, pb, px2);
            fixedF = EigenPeer.FixedF(2, 1, paf, pbf, pxf);
        }

        return fixedD != 0 || dynamicD != 0 || fixedF != 0 ? $"spd_eigen_* returned {fixedD}, {dynamicD}, {fixedF} on a 2x2 SPD system"
            : Check(x, "spd_eigen_fixed_d") ?? Check(x2, "spd_eigen_dynamic_d") ?? Check(new double[] { xf[0], xf[1] }, "spd_eigen_fixed_f");
    }
}
