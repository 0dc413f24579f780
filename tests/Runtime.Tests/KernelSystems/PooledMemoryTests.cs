using System;
using System.Threading;
using System.Threading.Tasks;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>A system's arrays come from the shared pools and go back on Dispose: reuse must never change a result.</summary>
[Collection(WorkerTeamAlone.Name)]
public class PooledMemoryTests
{
    [Fact]
    public void A_system_built_on_reused_arrays_gives_the_same_bits()
    {
        var problem = new KernelProblem<float>(20_000, 3, RadialKernel.Gaussian, KernelProblem<float>.GammaForMass(20_000, 3, 20), 0.8);
        float[] v = problem.Values(2);
        float[] first = Product(problem, v);

        // Systems of other sizes, dimensions and densities leave their contents in the pooled arrays.
        for (int k = 0; k < 4; k++)
        {
            int count = 12_000 + 7_000 * k, dimension = 1 + k;
            var other = new KernelProblem<float>(count, dimension, RadialKernel.Matern32, KernelProblem<float>.GammaForMass(count, dimension, 10 + 200 * k), 0.5, seed: 99 + k);
            Product(other, other.Values(1));
        }

        Assert.Equal(first, Product(problem, v));
    }

    [Fact]
    public async Task Dispose_during_calls_lets_them_finish_on_their_own_arrays()
    {
        var problem = new KernelProblem<float>(30_000, 3, RadialKernel.Gaussian, KernelProblem<float>.GammaForMass(30_000, 3, 20), 0.8);
        float[] v = problem.Values(1);
        float[] expected = Product(problem, v);
        KernelSystem<float> system = problem.Create();
        int finished = 0, refused = 0;
        using var started = new CountdownEvent(2);
        Task[] callers = new Task[2];
        for (int t = 0; t < callers.Length; t++)
        {
            callers[t] = Task.Run(() =>
            {
                var y = new float[v.Length];
                started.Signal();
                while (true)
                {
                    try
                    {
                        system.Multiply(v, y);
                    }
                    catch (ObjectDisposedException)
                    {
                        Interlocked.Increment(ref refused);
                        return;
                    }

                    Assert.Equal(expected, y);
                    Interlocked.Increment(ref finished);
                }
            });
        }

        started.Wait();
        await Task.Delay(20);
        system.Dispose();

        // Another system rents whatever was given back and overwrites it while the callers may still be running.
        var other = new KernelProblem<float>(30_000, 3, RadialKernel.Gaussian, KernelProblem<float>.GammaForMass(30_000, 3, 20), 0.8, seed: 7);
        Product(other, other.Values(1));
        await Task.WhenAll(callers);
        Assert.Equal(2, refused);
        Assert.True(finished > 0);
        system.Dispose();
        Assert.Throws<ObjectDisposedException>(() => system.Multiply(v, new float[v.Length]));
    }

    private static float[] Product(KernelProblem<float> problem, float[] v)
    {
        using KernelSystem<float> system = problem.Create();
        var y = new float[v.Length];
        system.Multiply(v, y, v.Length / problem.Count);
        return y;
    }
}
