using System;
using System.Linq;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>Several right-hand sides, initial guesses, iteration limits, zero right-hand sides, empty systems.</summary>
public class SolveBehaviourTests
{
    private static KernelProblem<float> Problem(int n = 3000) =>
        new(n, 3, RadialKernel.Gaussian, KernelProblem<float>.GammaForMass(n, 3, 20), alpha: 0.8);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Columns_solve_together_as_alone(int nrhs)
    {
        KernelProblem<float> problem = Problem();
        using KernelSystem<float> system = problem.Create();
        float[] b = problem.Values(nrhs);
        var x = new float[b.Length];
        KernelSolveResult all = system.Solve(b, x, nrhs);
        Assert.True(all.Converged);
        Assert.True(all.RelativeResidual <= 1e-6);
        for (int q = 0; q < nrhs; q++)
        {
            float[] column = Enumerable.Range(0, problem.Count).Select(i => b[i * nrhs + q]).ToArray();
            var alone = new float[problem.Count];
            KernelSolveResult one = system.Solve(column, alone);
            Assert.True(one.Converged);
            Assert.True(problem.TrueResidual(b, x, nrhs, q) <= 1e-5);

            // Columns iterate independently: the same iterates whatever sits beside them.
            for (int i = 0; i < problem.Count; i++)
            {
                Assert.Equal(alone[i], x[i * nrhs + q]);
            }
        }
    }

    [Fact]
    public void Initial_guess_at_the_solution_needs_no_iteration()
    {
        KernelProblem<float> problem = Problem();
        using KernelSystem<float> system = problem.Create();
        float[] b = problem.Values(1);
        var x = new float[b.Length];
        KernelSolveResult first = system.Solve(b, x);
        Assert.True(first.Converged);
        var again = (float[])x.Clone();
        KernelSolveResult second = system.Solve(b, again, useInitialGuess: true);
        Assert.True(second.Converged);
        Assert.Equal(0, second.Iterations);
        Assert.Equal(x, again);

        // A guess of the wrong solution costs iterations but still converges; without the flag x's contents are ignored.
        var wrong = problem.Values(1, seed: 5);
        KernelSolveResult fromWrong = system.Solve(b, wrong, useInitialGuess: true);
        Assert.True(fromWrong.Converged && fromWrong.Iterations > 0);
        var ignored = problem.Values(1, seed: 5);
        system.Solve(b, ignored);
        Assert.Equal(x, ignored);
    }

    [Fact]
    public void One_iteration_returns_a_finite_unconverged_iterate()
    {
        KernelProblem<float> problem = Problem();
        using KernelSystem<float> system = problem.Create();
        float[] b = problem.Values(2);
        var x = new float[b.Length];
        KernelSolveResult result = system.Solve(b, x, 2, maxIterations: 1);
        Assert.False(result.Converged);
        Assert.False(result);
        Assert.Equal(1, result.Iterations);
        Assert.True(x.All(float.IsFinite));
        Assert.Contains(x, v => v != 0);
        Assert.True(result.RelativeResidual > 1e-6 && double.IsFinite(result.RelativeResidual));
        double worst = Math.Max(problem.TrueResidual(b, x, 2, 0), problem.TrueResidual(b, x, 2, 1));
        Assert.True(Math.Abs(worst - result.RelativeResidual) <= 1e-3 * worst, $"{worst} vs {result.RelativeResidual}");
    }

    [Fact]
    public void Zero_right_hand_side_gives_zero()
    {
        KernelProblem<double> problem = new(100, 2, RadialKernel.Matern32, 10, 0.5);
        using KernelSystem<double> system = problem.Create();
        var b = new double[200];
        double[] x = problem.Values(2);
        KernelSolveResult result = system.Solve(b, x, 2, useInitialGuess: true);
        Assert.True(result.Converged);
        Assert.Equal(0, result.RelativeResidual);
        Assert.All(x, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Empty_system_is_valid()
    {
        using var system = KernelSystem<double>.Create([], 0, 3, RadialKernel.Gaussian, 1.0, 1.0);
        Assert.Equal(0, system.Count);
        system.Multiply([], []);
        KernelSolveResult result = system.Solve([], [], 4);
        Assert.True(result.Converged);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void Dimension_above_eight_takes_the_general_path()
    {
        var problem = new KernelProblem<double>(300, 11, RadialKernel.Gaussian, 20, 1.0);
        using KernelSystem<double> system = problem.Create(new KernelSystemOptions { Truncation = 0 });
        double[] v = problem.Values(1);
        var y = new double[300];
        system.Multiply(v, y);
        for (int i = 0; i < 300; i += 37)
        {
            (double exact, double magnitude) = problem.Row(i, v, 1, 0);
            Assert.True(Math.Abs(y[i] - exact) <= 30 * KernelProblem<double>.Epsilon * magnitude);
        }
    }
}
