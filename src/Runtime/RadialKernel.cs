namespace Specialized;

/// <summary>
/// The radial kernels k(r) of a <see cref="KernelSystem{T}"/>, r = ‖pᵢ − pⱼ‖₂ and γ &gt; 0; each has k(0) = 1
/// and decreases with r.
/// </summary>
public enum RadialKernel
{
    /// <summary>exp(−γr²): KeOps's <c>Exp(−g·SqDist(x, y))</c>, γ = 1/σ² in the usual <c>exp(−r²/σ²)</c> notation.</summary>
    Gaussian,

    /// <summary>exp(−γr).</summary>
    Laplacian,

    /// <summary>Matérn ν = 3/2: (1 + √3·γr)·exp(−√3·γr).</summary>
    Matern32,

    /// <summary>Matérn ν = 5/2: (1 + √5·γr + 5γ²r²/3)·exp(−√5·γr).</summary>
    Matern52,

    /// <summary>1/√(1 + γr²). It decays only like 1/r, so truncation skips few pairs: most pairs are computed.</summary>
    InverseMultiquadric,
}
