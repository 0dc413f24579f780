using System;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>Bit-identical results for any degree of parallelism; no allocation in Multiply or Solve once warm.</summary>
[Collection(WorkerTeamAlone.Name)]
public class ThreadsAndAllocationTests
{
    [Theory]
    [InlineData(0.0, 5000)]
    [InlineData(double.NaN, 30000)]
    public void Any_degree_of_parallelism_gives_the_same_bits(double truncation, int count)
    {
        var problem = new KernelProblem<float>(count, 3, RadialKernel.Gaussian, KernelProblem<float>.GammaForMass(count, 3, 20), 0.8);
        float[] b = problem.Values(3);
        float[]? firstX = null, firstY = null;
        foreach (int dop in new[] { 1, 2, 0 })
        {
            var options = double.IsNaN(truncation)
                ? new KernelSystemOptions { DegreeOfParallelism = dop }
                : new KernelSystemOptions { DegreeOfParallelism = dop, Truncation = truncation };
            using KernelSystem<float> system = problem.Create(options);
            Assert.Equal(dop == 1 || Environment.ProcessorCount == 1 ? 1 : Math.Min(Environment.ProcessorCount, dop == 0 ? int.MaxValue : dop), system.Workers);
            var x = new float[b.Length];
            var y = new float[b.Length];
            system.Solve(b, x, 3);
            system.Multiply(b, y, 3);
            firstX ??= x;
            firstY ??= y;
            Assert.Equal(firstX, x);
            Assert.Equal(firstY, y);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Multiply_and_solve_do_not_allocate(int dop)
    {
        var problem = new KernelProblem<double>(3000, 3, RadialKernel.Matern52, 30, 0.8);
        using KernelSystem<double> system = problem.Create(new KernelSystemOptions { DegreeOfParallelism = dop, Truncation = 0 });
        Assert.Equal(dop == 1 ? 1 : Environment.ProcessorCount, system.Workers);
        double[] b = problem.Values(3);
        var x = new double[b.Length];
        system.Multiply(b, x, 3);
        system.Solve(b, x, 3);
        Assert.Equal(0, Allocations.Measure(() => system.Multiply(b, x, 3)));
        Assert.Equal(0, Allocations.Measure(() => system.Solve(b, x, 3)));
    }

    [Fact]
    public void A_call_that_finds_the_worker_team_taken_runs_alone_without_allocating()
    {
        var problem = new KernelProblem<double>(3000, 3, RadialKernel.Gaussian, 30, 0.8);
        using KernelSystem<double> system = problem.Create(new KernelSystemOptions { Truncation = 0 });
        double[] b = problem.Values(3);
        var expected = new double[b.Length];
        var x = new double[b.Length];
        system.Multiply(b, expected, 3);
        WorkerTeam? held = WorkerTeam.TryJoin(2);
        Assert.NotNull(held);
        try
        {
            system.Multiply(b, x, 3);
            Assert.Equal(expected, x);
            Assert.Equal(0, Allocations.Measure(() => system.Multiply(b, x, 3)));
            Assert.Equal(0, Allocations.Measure(() => system.Solve(b, x, 3)));
        }
        finally
        {
            held.Leave();
        }
    }

    /// <summary>A build that finds the worker team taken lays out its grid alone: the same grid, so the same bits.</summary>
    [Fact]
    public void A_build_that_finds_the_worker_team_taken_gives_the_same_bits()
    {
        var problem = new KernelProblem<float>(30000, 3, RadialKernel.Gaussian, KernelProblem<float>.GammaForMass(30000, 3, 0.5), 0.8);
        float[] b = problem.Values(1);
        var expected = new float[b.Length];
        var y = new float[b.Length];
        using (KernelSystem<float> system = problem.Create(new KernelSystemOptions { DegreeOfParallelism = 2 }))
        {
            Assert.True(system.UsesLists);
            system.Multiply(b, expected);
        }

        WorkerTeam? held = WorkerTeam.TryJoin(2);
        Assert.NotNull(held);
        try
        {
            using KernelSystem<float> system = problem.Create(new KernelSystemOptions { DegreeOfParallelism = 2 });
            system.Multiply(b, y);
        }
        finally
        {
            held.Leave();
        }

        Assert.Equal(expected, y);
    }
}
