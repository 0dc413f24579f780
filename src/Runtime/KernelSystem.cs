using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Specialized;

/// <summary>
/// (αI + K)·x = b with K(i, j) = k(‖pᵢ − pⱼ‖) over <see cref="Count"/> points, matrix-free: K is never stored,
/// each product recomputes the kernel for every pair it needs, and <see cref="Solve"/> runs conjugate gradients
/// (KeOps's KernelSolve, on the processor).
/// </summary>
/// <typeparam name="T">float or double: the precision of the points, the kernel values and x.</typeparam>
/// <remarks>
/// <para><b>Cost.</b> With truncation (the default, see <see cref="KernelSystemOptions.Truncation"/>) only pairs closer
/// than the radius where k falls below the truncation are formed, found through a grid of the points built by
/// <see cref="Create"/>: a product costs about count × (points within that radius) kernel values. With
/// truncation 0 every pair is formed, once for both of its points (K is symmetric): about count²/2 kernel values per
/// product.</para>
/// <para><b>Accuracy.</b> Exponentials are vectorized with a polynomial whose relative error is at most 2.5e-7 in
/// float and 1e-15 in double (measured against exp in double); distances and kernel values are formed in
/// <typeparamref name="T"/>, each row's sum is accumulated in <typeparamref name="T"/> vector lanes over at most 2,048
/// points (with truncation 0, also over at most 128 rows for the points' side of a pair) and then in double.</para>
/// <para><b>Threads.</b> <see cref="Multiply"/> and <see cref="Solve"/> split rows among up to
/// <see cref="KernelSystemOptions.DegreeOfParallelism"/> threads in a fixed partition and form every row's sums in one
/// order, so results are bit-identical for any degree of parallelism. Instances may be used from several threads at once.</para>
/// <para><b>Memory.</b> <see cref="Create"/> holds its copy of the points (reordered, by coordinate) and the grid, rented
/// from the shared array pools and given back by <see cref="Dispose"/>: about (dimension·sizeof(T) + 8)·count bytes, plus
/// 8 bytes per range of the grid and 4 + dimension·sizeof(T) per entry of the chunks' lists (about 64 entries per point at most). <see cref="Multiply"/> and
/// <see cref="Solve"/> allocate nothing: their scratch (about nrhs·count·(sizeof(T) + 8) bytes for a product,
/// nrhs·count·(sizeof(T) + 32) for a solve) is rented from <see cref="ArrayPool{T}.Shared"/> and returned before they return.</para>
/// </remarks>
public sealed class KernelSystem<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly KernelOperator<T> _operator;

    // Calls in progress, and 0 (live), 1 (disposed) or 2 (disposed, arrays given back): the grid's pooled arrays go back
    // only once no call can still read them.
    private int _calls;
    private int _state;

    private KernelSystem(KernelOperator<T> op, int count, int dimension)
    {
        _operator = op;
        Count = count;
        Dimension = dimension;
    }

    /// <summary>The number of points: the order of the system.</summary>
    public int Count { get; }

    /// <summary>The number of coordinates of each point.</summary>
    public int Dimension { get; }

    /// <summary>Threads a pass over the pairs uses (1 for passes too small to share).</summary>
    internal int Workers => _operator.Workers;

    /// <summary>Whether the pairs come from the chunks' lists rather than their ranges.</summary>
    internal bool UsesLists => _operator.Grid.ListStart.Length > 0;

    /// <summary>Builds the system for <paramref name="count"/> points: copies and reorders them and, with truncation, grids them.</summary>
    /// <param name="points">count x dimension coordinates, row-major (numpy's x[N, D]); read, never kept.</param>
    /// <param name="count">The number of points, 0 or more (0 is an empty system).</param>
    /// <param name="dimension">Coordinates per point, 1 or more; 1 to 8 run specialized code, more a general path.</param>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="gamma">The kernel's γ, positive and finite.</param>
    /// <param name="alpha">The ridge α on the diagonal, 0 or more and finite (with 0, K alone must be positive definite).</param>
    /// <param name="options">Truncation and threads; null for the defaults.</param>
    /// <returns>The system; dispose it when done.</returns>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 0, dimension &lt; 1, γ ≤ 0 or not finite, α &lt; 0 or not finite,
    /// an undefined kernel, Truncation outside [0, 1), DegreeOfParallelism &lt; 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is shorter than count·dimension or holds a NaN or infinite coordinate.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static KernelSystem<T> Create(ReadOnlySpan<T> points, int count, int dimension,
        RadialKernel kernel, T gamma, T alpha, KernelSystemOptions? options = null)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"KernelSystem<{typeof(T).Name}>: only float and double are supported.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!Enum.IsDefined(kernel))
        {
            throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Not a defined RadialKernel.");
        }

        double g = double.CreateTruncating(gamma), a = double.CreateTruncating(alpha);
        if (!(g > 0) || !double.IsFinite(g))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), g, "γ must be positive and finite.");
        }

        if (!(a >= 0) || !double.IsFinite(a))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), a, "α must be 0 or more and finite.");
        }

        options ??= new KernelSystemOptions();
        double truncation = options.HasTruncation ? options.Truncation
            : typeof(T) == typeof(float) ? KernelSystemOptions.DefaultSingleTruncation : KernelSystemOptions.DefaultDoubleTruncation;
        if (!(truncation >= 0 && truncation < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), truncation, "Truncation must be in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.DegreeOfParallelism, nameof(options));
        long needed = (long)count * dimension;
        if (points.Length < needed)
        {
            throw new ArgumentException($"points holds {points.Length} values; count x dimension = {needed} are needed.", nameof(points));
        }

        for (int i = 0; i < needed; i++)
        {
            if (!T.IsFinite(points[i]))
            {
                throw new ArgumentException($"Point {i / dimension} has a NaN or infinite coordinate ({i % dimension}).", nameof(points));
            }
        }

        double cutoff = RadialKernelMath.CutoffRadius(kernel, g, truncation);
        (PairKernel<T> pairs, int lanes) = PairKernelFactory.Create<T>(kernel, dimension, double.IsFinite(cutoff));

        // The mask keeps any pair the grid was built to reach: a hair above the radius, so rounding in T never drops one.
        double maskRadius = cutoff * (1 + 1e-5);
        int workers = options.DegreeOfParallelism == 0 ? Environment.ProcessorCount : Math.Min(options.DegreeOfParallelism, Environment.ProcessorCount);
        (double c1, double c2) = RadialKernelMath.Constants(kernel, g);
        var constants = new PairConstants<T>(T.CreateTruncating(c1), T.CreateTruncating(c2),
            double.IsFinite(maskRadius) ? T.CreateSaturating(maskRadius * maskRadius) : T.PositiveInfinity);
        var grid = new PointGrid<T>(points, count, dimension, cutoff * (1 + 2e-5), lanes, workers, pairs, constants);
        return new KernelSystem<T>(new KernelOperator<T>(grid, pairs, constants, a, workers, !double.IsFinite(cutoff)), count, dimension);
    }

    /// <summary>y = (αI + K)·v for <paramref name="nrhs"/> vectors at once (one pass over the pairs for up to 8).</summary>
    /// <param name="v">count x nrhs, row-major.</param>
    /// <param name="y">Receives count x nrhs, row-major; may overlap <paramref name="v"/> (v is read in full first).</param>
    /// <param name="nrhs">The number of vectors, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrhs"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="v"/> or <paramref name="y"/> shorter than count·nrhs.</exception>
    /// <exception cref="ObjectDisposedException">The system was disposed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<T> v, Span<T> y, int nrhs = 1)
    {
        Enter();
        try
        {
            MultiplyEntered(v, y, nrhs);
        }
        finally
        {
            Exit();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyEntered(ReadOnlySpan<T> v, Span<T> y, int nrhs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nrhs, 1);
        CheckLength(v.Length, nrhs, nameof(v));
        CheckLength(y.Length, nrhs, nameof(y));
        PointGrid<T> grid = _operator.Grid;
        int stride = grid.Stride, length = nrhs * stride;
        T[] vs = ArrayPool<T>.Shared.Rent(length);
        double[] ys = ArrayPool<double>.Shared.Rent(length);
        int[] columns = ArrayPool<int>.Shared.Rent(nrhs);
        WorkerTeam? team = _operator.Workers > 1 ? WorkerTeam.TryJoin(_operator.Workers) : null;
        try
        {
            Array.Clear(vs, 0, length);
            int[] position = grid.Position;
            for (int i = 0; i < Count; i++)
            {
                for (int q = 0; q < nrhs; q++)
                {
                    vs[q * stride + position[i]] = v[i * nrhs + q];
                }
            }

            for (int q = 0; q < nrhs; q++)
            {
                columns[q] = q * stride;
            }

            _operator.Apply(vs, ys, columns, nrhs, team);
            for (int i = 0; i < Count; i++)
            {
                for (int q = 0; q < nrhs; q++)
                {
                    y[i * nrhs + q] = T.CreateTruncating(ys[q * stride + position[i]]);
                }
            }
        }
        finally
        {
            team?.Leave();
            ArrayPool<int>.Shared.Return(columns);
            ArrayPool<double>.Shared.Return(ys);
            ArrayPool<T>.Shared.Return(vs);
        }
    }

    /// <summary>
    /// Solves (αI + K)·x = b for <paramref name="nrhs"/> right-hand sides by conjugate gradients, one pass over the
    /// pairs per iteration for all of them, each stopping when its relative residual ‖b − (αI + K)·x‖₂ / ‖b‖₂ is
    /// within <paramref name="relativeTolerance"/>.
    /// </summary>
    /// <param name="b">count x nrhs right-hand sides, row-major.</param>
    /// <param name="x">Receives count x nrhs, row-major: the last iterate, converged or not (always finite unless b or the
    /// initial guess is not). With <paramref name="useInitialGuess"/> it is read first as the starting point.</param>
    /// <param name="nrhs">The number of right-hand sides, 1 or more.</param>
    /// <param name="relativeTolerance">The relative residual to reach, positive (1e-6 by default; float systems reach about
    /// 1e-7 at best).</param>
    /// <param name="maxIterations">The most iterations, 0 or more; 0 means 10·count.</param>
    /// <param name="useInitialGuess">Start from x as given instead of from 0.</param>
    /// <returns>Whether every column converged, the iterations done, and the worst relative residual, recomputed at exit
    /// with the operator (against this system's K, truncation included). Not converging is reported, never thrown.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrhs"/> &lt; 1, <paramref name="relativeTolerance"/> not
    /// positive and finite, <paramref name="maxIterations"/> &lt; 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="b"/> or <paramref name="x"/> shorter than count·nrhs.</exception>
    /// <exception cref="ObjectDisposedException">The system was disposed.</exception>
    public KernelSolveResult Solve(ReadOnlySpan<T> b, Span<T> x, int nrhs = 1,
        double relativeTolerance = 1e-6, int maxIterations = 0, bool useInitialGuess = false)
    {
        Enter();
        try
        {
            return SolveEntered(b, x, nrhs, relativeTolerance, maxIterations, useInitialGuess);
        }
        finally
        {
            Exit();
        }
    }

    private KernelSolveResult SolveEntered(ReadOnlySpan<T> b, Span<T> x, int nrhs, double relativeTolerance, int maxIterations, bool useInitialGuess)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nrhs, 1);
        if (!(relativeTolerance > 0) || !double.IsFinite(relativeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "The tolerance must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        CheckLength(b.Length, nrhs, nameof(b));
        CheckLength(x.Length, nrhs, nameof(x));
        if (Count == 0)
        {
            return new KernelSolveResult(true, 0, 0);
        }

        int limit = maxIterations == 0 ? (int)Math.Min(int.MaxValue, 10L * Count) : maxIterations;
        WorkerTeam? team = _operator.Workers > 1 ? WorkerTeam.TryJoin(_operator.Workers) : null;
        try
        {
            return ConjugateGradient<T>.Solve(_operator, b, x, nrhs, relativeTolerance, limit, useInitialGuess, team);
        }
        finally
        {
            team?.Leave();
        }
    }

    /// <summary>
    /// Ends the system's use: <see cref="Multiply"/> and <see cref="Solve"/> throw <see cref="ObjectDisposedException"/>
    /// afterwards. The grid's arrays go back to <see cref="ArrayPool{T}.Shared"/> once no call is running on the system
    /// (at once, or when the last running call returns), so the next system built reuses their memory.
    /// </summary>
    public void Dispose()
    {
        Interlocked.CompareExchange(ref _state, 1, 0);
        if (Volatile.Read(ref _calls) == 0)
        {
            Release();
        }
    }

    private void Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Volatile.Read(ref _state) != 0)
        {
            Exit();
            throw new ObjectDisposedException(GetType().FullName);
        }
    }

    private void Exit()
    {
        if (Interlocked.Decrement(ref _calls) == 0 && Volatile.Read(ref _state) == 1)
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) == 1)
        {
            _operator.Grid.Release();
        }
    }

    private void CheckLength(int length, int nrhs, string name)
    {
        long needed = (long)Count * nrhs;
        if (length < needed)
        {
            throw new ArgumentException($"{name} holds {length} values; count x nrhs = {needed} are needed.", name);
        }
    }
}
