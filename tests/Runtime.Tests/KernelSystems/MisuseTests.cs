using System;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>Bad arguments throw before anything is written; a disposed system throws.</summary>
public class MisuseTests
{
    private static readonly float[] Points = [0, 0, 1, 0, 0, 1];

    [Fact]
    public void Create_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, -1, 2, RadialKernel.Gaussian, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 0, RadialKernel.Gaussian, 1, 1));
        Assert.Throws<ArgumentException>(() => KernelSystem<float>.Create(Points, 4, 2, RadialKernel.Gaussian, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, float.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, float.PositiveInfinity, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 1, -0.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 1, float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 1, float.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, (RadialKernel)99, 1, 1));
        foreach (double t in new[] { -1e-9, 1, 2, double.NaN })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 1, 1, new KernelSystemOptions { Truncation = t }));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 1, 1, new KernelSystemOptions { DegreeOfParallelism = -1 }));
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            float[] points = [0, 0, 1, bad, 0, 1];
            Assert.Throws<ArgumentException>(() => KernelSystem<float>.Create(points, 3, 2, RadialKernel.Gaussian, 1, 1));
        }

        Assert.Throws<NotSupportedException>(() => KernelSystem<Half>.Create([], 0, 1, RadialKernel.Gaussian, Half.One, Half.One));
    }

    [Fact]
    public void Multiply_and_solve_reject_bad_arguments_before_writing()
    {
        using var system = KernelSystem<float>.Create(Points, 3, 2, RadialKernel.Gaussian, 1, 1);
        float[] v = [1, 2, 3, 4, 5, 6];
        var y = new float[6];
        Array.Fill(y, 42f);
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Multiply(v, y, 0));
        Assert.Throws<ArgumentException>(() => system.Multiply(v.AsSpan(0, 5), y, 2));
        Assert.Throws<ArgumentException>(() => system.Multiply(v, y.AsSpan(0, 5), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Solve(v, y, 0));
        Assert.Throws<ArgumentException>(() => system.Solve(v.AsSpan(0, 2), y));
        Assert.Throws<ArgumentException>(() => system.Solve(v, y.AsSpan(0, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Solve(v, y, relativeTolerance: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Solve(v, y, relativeTolerance: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Solve(v, y, maxIterations: -1));
        Assert.All(y, value => Assert.Equal(42f, value));
    }

    [Fact]
    public void Disposed_system_throws()
    {
        var system = KernelSystem<double>.Create([0.0, 1.0], 2, 1, RadialKernel.Laplacian, 1.0, 1.0);
        system.Dispose();
        var y = new double[2];
        Assert.Throws<ObjectDisposedException>(() => system.Multiply([1.0, 1.0], y));
        Assert.Throws<ObjectDisposedException>(() => system.Solve([1.0, 1.0], y));
        system.Dispose();
    }

    [Fact]
    public void Unset_truncation_reads_nan_and_defaults_per_precision()
    {
        Assert.True(double.IsNaN(new KernelSystemOptions().Truncation));
        Assert.Equal(0, new KernelSystemOptions { Truncation = 0 }.Truncation);
        Assert.True(KernelSystemOptions.DefaultDoubleTruncation < KernelSystemOptions.DefaultSingleTruncation);
    }
}
