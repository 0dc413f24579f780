namespace Specialized;

/// <summary>What <see cref="KernelSystem{T}.Solve"/> reached: whether every column converged, in how many iterations, and the worst residual.</summary>
public readonly struct KernelSolveResult
{
    internal KernelSolveResult(bool converged, int iterations, double relativeResidual)
    {
        Converged = converged;
        Iterations = iterations;
        RelativeResidual = relativeResidual;
    }

    /// <summary>True when every column's <see cref="RelativeResidual"/>, recomputed at exit, is within the tolerance.</summary>
    public bool Converged { get; }

    /// <summary>Conjugate-gradient iterations done: passes over the pairs, each for all columns still iterating.</summary>
    public int Iterations { get; }

    /// <summary>
    /// The worst column's ‖b − (αI + K)·x‖₂ / ‖b‖₂ for the x returned, with the system's (truncated) K, recomputed
    /// with the operator at exit rather than taken from the iteration's own estimate; 0 for a column with b = 0.
    /// </summary>
    public double RelativeResidual { get; }

    /// <summary>The value of <see cref="KernelSolveResult.Converged"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator bool(KernelSolveResult result) => result.Converged;
}
