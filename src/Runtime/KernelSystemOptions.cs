namespace Specialized;

/// <summary>How a <see cref="KernelSystem{T}"/> computes its sums: which pairs it skips, and on how many threads.</summary>
public sealed class KernelSystemOptions
{
    /// <summary>The truncation float systems get unless told otherwise.</summary>
    /// <remarks>
    /// The largest of 1e-5, 3e-6, 1e-6, ... for which a converged float solve at the default tolerance (1e-6) of the
    /// Gaussian system of points uniform in the unit cube, at the densities of the KeOps benchmark, keeps its true relative
    /// residual (every pair counted, in double, RMS over rows against RMS of b) within 1e-5.
    /// </remarks>
    public const double DefaultSingleTruncation = 1e-6;

    /// <summary>The truncation double systems get unless told otherwise: as <see cref="DefaultSingleTruncation"/>, for a true relative residual within 1e-6.</summary>
    public const double DefaultDoubleTruncation = 1e-10;

    private readonly double? _truncation;

    /// <summary>
    /// Pairs whose kernel value is below this are skipped; 0 computes every pair. Must be in [0, 1).
    /// Unset (NaN when read), a float system uses <see cref="DefaultSingleTruncation"/> and a double one
    /// <see cref="DefaultDoubleTruncation"/>.
    /// </summary>
    /// <remarks>
    /// <para>What is skipped is bounded: for every row i, |Σ over skipped j of k(pᵢ, pⱼ)·vⱼ| ≤ Truncation · Σ over
    /// skipped j of |vⱼ| ≤ Truncation · (count − 1) · max|v|. The skipped pairs are exactly those farther apart than the
    /// radius r where k(r) = Truncation, so the truncated matrix stays symmetric.</para>
    /// <para>A solve's promise at the default: converged at the default tolerance, the true relative residual (every pair)
    /// is at most 1e-5 in float and 1e-6 in double for the Gaussian workloads it was chosen on; heavy-tailed kernels
    /// (Laplacian with small γ, <see cref="RadialKernel.InverseMultiquadric"/>) or very dense points drop more mass
    /// per row, and may want a smaller value or 0.</para>
    /// </remarks>
    public double Truncation
    {
        get => _truncation ?? double.NaN;
        init => _truncation = value;
    }

    /// <summary>The most threads <see cref="KernelSystem{T}.Create"/>, one <see cref="KernelSystem{T}.Multiply"/> or one <see cref="KernelSystem{T}.Solve"/> uses; 0 (the default) means every processor.</summary>
    /// <remarks>The results are bit-identical whatever the value: rows are split in a fixed way and each row's sums are formed in one order.</remarks>
    public int DegreeOfParallelism { get; init; }

    internal bool HasTruncation => _truncation.HasValue;
}
