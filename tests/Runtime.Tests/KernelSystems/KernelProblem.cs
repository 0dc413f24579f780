using System;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>Points uniform in the unit cube, values standard normal, and the kernel sums computed pair by pair in double.</summary>
internal sealed class KernelProblem<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public KernelProblem(int count, int dimension, RadialKernel kernel, double gamma, double alpha, int seed = 1234)
    {
        Count = count;
        Dimension = dimension;
        Kernel = kernel;
        Gamma = gamma;
        Alpha = alpha;
        var random = new Random(seed);
        Points = new T[count * dimension];
        for (int i = 0; i < Points.Length; i++)
        {
            Points[i] = T.CreateTruncating(random.NextDouble());
        }
    }

    public int Count { get; }

    public int Dimension { get; }

    public RadialKernel Kernel { get; }

    public double Gamma { get; }

    public double Alpha { get; }

    public T[] Points { get; }

    public static double Epsilon => Lapack.Epsilon(Lapack.PrecisionOf<T>());

    /// <summary>γ for which each point's kernel row sums to about <paramref name="mass"/> in the unit cube (Gaussian-like decay).</summary>
    public static double GammaForMass(int count, int dimension, double mass)
    {
        // Σⱼ exp(−γr²) ≈ 1 + count·(π/γ)^(D/2) for points uniform in the unit cube.
        double excess = Math.Max(mass - 1, 0.1);
        return Math.PI * Math.Pow(Math.Max(count, 1) / excess, 2.0 / dimension);
    }

    public KernelSystem<T> Create(KernelSystemOptions? options = null) =>
        KernelSystem<T>.Create(Points, Count, Dimension, Kernel, T.CreateTruncating(Gamma), T.CreateTruncating(Alpha), options);

    public T[] Values(int nrhs, int seed = 4321)
    {
        var random = new Random(seed);
        var v = new T[Count * nrhs];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = T.CreateTruncating(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return v;
    }

    public double Distance(int i, int j)
    {
        double s = 0;
        for (int d = 0; d < Dimension; d++)
        {
            double e = double.CreateTruncating(Points[i * Dimension + d]) - double.CreateTruncating(Points[j * Dimension + d]);
            s += e * e;
        }

        return Math.Sqrt(s);
    }

    public double K(int i, int j) => RadialKernelMath.Value(Kernel, Gamma, Distance(i, j));

    /// <summary>Row i of (αI + K)·v for column q, every pair, in double; also Σⱼ |A(i, j)·vⱼ|.</summary>
    public (double Value, double Magnitude) Row(int i, ReadOnlySpan<T> v, int nrhs, int q)
    {
        double s = Alpha * double.CreateTruncating(v[i * nrhs + q]), m = Math.Abs(s);
        for (int j = 0; j < Count; j++)
        {
            double t = K(i, j) * double.CreateTruncating(v[j * nrhs + q]);
            s += t;
            m += Math.Abs(t);
        }

        return (s, m);
    }

    /// <summary>‖b − (αI + K)·x‖₂ / ‖b‖₂ of column q, every pair counted, in double (RMS over rows against RMS of b).</summary>
    public double TrueResidual(ReadOnlySpan<T> b, ReadOnlySpan<T> x, int nrhs, int q)
    {
        T[] bs = b.ToArray(), xs = x.ToArray();
        var r = new double[Count];
        System.Threading.Tasks.Parallel.For(0, Count, i => r[i] = double.CreateTruncating(bs[i * nrhs + q]) - Row(i, xs, nrhs, q).Value);
        double r2 = 0, b2 = 0;
        for (int i = 0; i < Count; i++)
        {
            double bi = double.CreateTruncating(b[i * nrhs + q]);
            r2 += r[i] * r[i];
            b2 += bi * bi;
        }

        return b2 == 0 ? Math.Sqrt(r2) : Math.Sqrt(r2 / b2);
    }

    /// <summary>The dense matrix αI + K in double, row-major (both triangles).</summary>
    public double[] Dense()
    {
        var a = new double[Count * Count];
        for (int i = 0; i < Count; i++)
        {
            for (int j = 0; j < Count; j++)
            {
                a[i * Count + j] = K(i, j) + (i == j ? Alpha : 0);
            }
        }

        return a;
    }
}
