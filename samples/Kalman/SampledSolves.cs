using System;
using System.Diagnostics;
using Samples;
using Specialized;

namespace Kalman;

/// <summary>
/// Innovation systems recorded from the filter run (the lower triangle of S and B = [H·P | ν]) with
/// the generated solver's answers, to check against the runtime fallback and to time the solve alone.
/// </summary>
internal sealed class SampledSolves
{
    private readonly int m;
    private readonly int cols;
    private readonly double[] matrices;
    private readonly double[] rightHandSides;
    private readonly double[] solutions;

    public SampledSolves(int capacity, int m, int cols)
    {
        this.m = m;
        this.cols = cols;
        matrices = new double[capacity * m * m];
        rightHandSides = new double[capacity * m * cols];
        solutions = new double[capacity * m * cols];
    }

    public int Count { get; private set; }

    public void RecordInputs(ReadOnlySpan<double> s, ReadOnlySpan<double> b)
    {
        s.CopyTo(matrices.AsSpan(Count * m * m, m * m));
        b.CopyTo(rightHandSides.AsSpan(Count * m * cols, m * cols));
    }

    public void RecordSolution(ReadOnlySpan<double> x)
    {
        x.CopyTo(solutions.AsSpan(Count * m * cols, m * cols));
        Count++;
    }

    /// <summary>The worst LAPACK ratios over the recorded systems.</summary>
    public readonly record struct Check(double GeneratedResidual, double FallbackResidual, double Forward);

    /// <summary>
    /// Solves each recorded system again with <see cref="Cholesky.Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, Triangle, MatrixLayout)"/>
    /// and scores both answers: dpot02's residual ratio, and dget04's forward-error ratio of the
    /// generated answer against the fallback's, with κ₁(S) from the exact inverse.
    /// </summary>
    public Check CheckAgainstFallback()
    {
        var full = new double[m * m];
        var inverse = new double[m * m];
        var reference = new double[m * cols];
        double generatedResidual = 0, fallbackResidual = 0, forward = 0;
        for (int k = 0; k < Count; k++)
        {
            ReadOnlySpan<double> lower = matrices.AsSpan(k * m * m, m * m);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    full[i * m + j] = full[j * m + i] = lower[i * m + j];
                }
            }

            ReadOnlySpan<double> b = rightHandSides.AsSpan(k * m * cols, m * cols);
            ReadOnlySpan<double> x = solutions.AsSpan(k * m * cols, m * cols);
            if (!Cholesky.Solve(full, b, reference, m, cols) || !Cholesky.Invert(full, inverse, m))
            {
                throw new InvalidOperationException($"recorded system {k}: the fallback finds S not positive definite");
            }

            double condition = Ratios.OneNorm(full, m) * Ratios.OneNorm(inverse, m);
            generatedResidual = Math.Max(generatedResidual, Ratios.Residual(full, b, x, m, cols));
            fallbackResidual = Math.Max(fallbackResidual, Ratios.Residual(full, b, reference, m, cols));
            forward = Math.Max(forward, Ratios.ForwardError(x, reference, m, cols, condition));
        }

        return new Check(generatedResidual, fallbackResidual, forward);
    }

    /// <summary>
    /// Nanoseconds per solve of the recorded systems, generated and fallback, each replayed in place
    /// on fresh copies; the time of the copies alone is measured and taken off.
    /// </summary>
    public (double InPlace, double FactorThenSolve, double Fallback) TimeSolves()
    {
        int rounds = Math.Max(1, 400_000 / Math.Max(1, Count));
        var s = new double[m * m];
        var b = new double[m * cols];

        // A short untimed round of each first, so the timed rounds run optimized code.
        foreach (Solver solver in Enum.GetValues<Solver>())
        {
            Replay(solver, s, b, 1);
        }

        double copy = Replay(Solver.Copy, s, b, rounds);
        double solves = (double)rounds * Count;
        double NanosecondsPerSolve(Solver solver) => (Replay(solver, s, b, rounds) - copy) / solves * 1e9;
        return (NanosecondsPerSolve(Solver.InPlace), NanosecondsPerSolve(Solver.FactorThenSolve), NanosecondsPerSolve(Solver.Fallback));
    }

    private enum Solver
    {
        Copy,
        InPlace,
        FactorThenSolve,
        Fallback,
    }

    private double Replay(Solver solver, double[] s, double[] b, int rounds)
    {
        long start = Stopwatch.GetTimestamp();
        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < Count; k++)
            {
                matrices.AsSpan(k * m * m, m * m).CopyTo(s);
                rightHandSides.AsSpan(k * m * cols, m * cols).CopyTo(b);
                bool ok = solver switch
                {
                    Solver.InPlace => InnovationSolver.Solve(s, b, m, cols),
                    Solver.FactorThenSolve => InnovationSolver.SolveByFactor(s, b, m, cols),
                    Solver.Fallback => Cholesky.Solve(s.AsSpan(), b.AsSpan(), m, cols),
                    _ => true,
                };
                if (!ok)
                {
                    throw new InvalidOperationException($"recorded system {k}: {solver} solve failed on replay");
                }
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
