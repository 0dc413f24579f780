using System.Collections.Generic;
using ScottPlot;

namespace Specialized.Plots;

/// <summary>The methods each suite draws, in legend order: ours solid, compiled peers dashed, managed peers dotted.</summary>
internal static class MethodStyles
{
    public static readonly IReadOnlyList<MethodStyle> Small =
    [
        new("Generated", "Generated (Specialized)", MarkerShape.FilledCircle, LinePattern.Solid),
        new("Fallback", "Fallback (Cholesky)", MarkerShape.FilledSquare, LinePattern.Solid),
        new("EigenFixed", "Eigen 3.4 fixed-size LLT", MarkerShape.FilledTriangleUp, LinePattern.Dashed),
        new("EigenDynamic", "Eigen 3.4 dynamic LLT", MarkerShape.FilledTriangleDown, LinePattern.Dashed),
        new("OpenBlas", "OpenBLAS LAPACKE potrf+potrs", MarkerShape.FilledDiamond, LinePattern.Dotted),
        new("MathNet", "MathNet.Numerics 5.0", MarkerShape.Eks, LinePattern.Dotted),
    ];

    public static readonly IReadOnlyList<MethodStyle> Large =
    [
        new("Specialized", "Specialized (Cholesky, 1 thread)", MarkerShape.FilledCircle, LinePattern.Solid),
        new("TwoThreads", "Specialized, 2 threads", MarkerShape.Cross, LinePattern.Solid),
        new("Unblocked", "Unblocked kernel", MarkerShape.FilledSquare, LinePattern.Solid),
        new("EigenDynamic", "Eigen 3.4 dynamic LLT", MarkerShape.FilledTriangleDown, LinePattern.Dashed),
        new("OpenBlas", "OpenBLAS LAPACKE potrf+potrs", MarkerShape.FilledDiamond, LinePattern.Dotted),
        new("MathNet", "MathNet.Numerics 5.0", MarkerShape.Eks, LinePattern.Dotted),
    ];

    public static readonly IReadOnlyList<MethodStyle> Batch =
    [
        new("Batch", "Generated batch (1 thread)", MarkerShape.FilledCircle, LinePattern.Solid),
        new("AllCores", "Generated batch, all cores", MarkerShape.Cross, LinePattern.Solid),
        new("Single", "Generated single-system, per system", MarkerShape.FilledSquare, LinePattern.Solid),
        new("EigenFixed", "Eigen 3.4 fixed-size LLT", MarkerShape.FilledTriangleUp, LinePattern.Dashed),
        new("OpenBlas", "OpenBLAS LAPACKE potrf+potrs", MarkerShape.FilledDiamond, LinePattern.Dotted),
        new("StreamProbe", "Stream floor: a, b read and x written once (1 thread)", MarkerShape.None, LinePattern.DenselyDashed),
        new("StreamProbeAllCores", "Stream floor, all cores", MarkerShape.None, LinePattern.Dotted),
    ];

    /// <summary>KernelSolveBench's methods, scipy, then the KeOps GPU figures quoted from its published run (dashed).</summary>
    public static readonly IReadOnlyList<MethodStyle> Kernel =
    [
        new("Specialized", "Specialized kernel system (truncated), 2 cores", MarkerShape.FilledCircle, LinePattern.Solid),
        new("EveryPair", "Specialized kernel system, every pair, 2 cores", MarkerShape.FilledSquare, LinePattern.Solid),
        new("DenseCholesky", "Specialized dense Cholesky, 2 cores", MarkerShape.FilledTriangleUp, LinePattern.Solid),
        new("scipy", "scipy cKDTree + cg", MarkerShape.FilledDiamond, LinePattern.Dotted),
        new("NumPyKeOps", "NumPy + KeOps, GPU (quoted)", MarkerShape.OpenCircle, LinePattern.Dashed),
        new("ScipyCgKeOps", "SciPy-CG + KeOps, GPU (quoted)", MarkerShape.OpenDiamond, LinePattern.Dashed),
        new("DenseNumPy", "dense NumPy, GPU (quoted)", MarkerShape.OpenSquare, LinePattern.Dashed),
    ];
}
