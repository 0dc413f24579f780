using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// Conjugate gradients on (αI + K)·X = B for several right-hand sides at once: one pass over the pairs per
/// iteration for every column still iterating, each column stopping on its own relative residual.
/// </summary>
/// <remarks>
/// <para>x, r and the products are kept in double, the search direction p in the system's precision (the
/// operator's input); p is rounded before use, so every update uses the p the operator saw. A float
/// recursion would drift from the true residual by about the iteration count times float's rounding, as
/// large as the tolerance itself.</para>
/// <para>When every column has met the tolerance by the recursion, the true residual b − A·x is recomputed
/// with the operator for the x that will be returned (rounded to the system's precision); a column it puts
/// above the tolerance restarts from it (at most <see cref="MaxRestarts"/> times). A column whose pᵀAp is
/// not positive and finite stops where it is. The reported residual is always the recomputed one.</para>
/// <para>Vectors are stored by column in the grid's order (column q at q·stride); padding entries stay zero.</para>
/// </remarks>
internal static class ConjugateGradient<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int MaxRestarts = 3;

    // A column's state.
    private const int Iterating = 0, Met = 1, Stalled = 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static KernelSolveResult Solve(KernelOperator<T> op, ReadOnlySpan<T> b, Span<T> x, int nrhs,
        double tolerance, int maxIterations, bool useInitialGuess, WorkerTeam? team)
    {
        PointGrid<T> grid = op.Grid;
        int n = grid.Count, stride = grid.Stride, length = nrhs * stride;
        double[] bd = ArrayPool<double>.Shared.Rent(length);
        double[] xd = ArrayPool<double>.Shared.Rent(length);
        double[] rd = ArrayPool<double>.Shared.Rent(length);
        double[] qd = ArrayPool<double>.Shared.Rent(length);
        T[] p = ArrayPool<T>.Shared.Rent(length);
        double[] scalars = ArrayPool<double>.Shared.Rent(3 * nrhs);
        int[] columns = ArrayPool<int>.Shared.Rent(2 * nrhs);
        try
        {
            Array.Clear(bd, 0, length);
            Array.Clear(xd, 0, length);
            Array.Clear(qd, 0, length);
            Array.Clear(p, 0, length);
            Span<double> bNorm = scalars.AsSpan(0, nrhs), rr = scalars.AsSpan(nrhs, nrhs), residual = scalars.AsSpan(2 * nrhs, nrhs);
            Span<int> state = columns.AsSpan(nrhs, nrhs);
            int[] position = grid.Position;
            for (int i = 0; i < n; i++)
            {
                for (int q = 0; q < nrhs; q++)
                {
                    bd[q * stride + position[i]] = double.CreateTruncating(b[i * nrhs + q]);
                    if (useInitialGuess)
                    {
                        xd[q * stride + position[i]] = double.CreateTruncating(x[i * nrhs + q]);
                    }
                }
            }

            for (int q = 0; q < nrhs; q++)
            {
                bNorm[q] = Math.Sqrt(VectorOps.Dot<double>(bd.AsSpan(q * stride, stride), bd.AsSpan(q * stride, stride)));
                if (bNorm[q] == 0)
                {
                    // The answer is 0 exactly, whatever the guess.
                    xd.AsSpan(q * stride, stride).Clear();
                }
            }

            if (useInitialGuess)
            {
                TrueResidual(op, bd, xd, rd, qd, p, columns, nrhs, stride, team);
            }
            else
            {
                Array.Copy(bd, rd, length);
            }

            for (int q = 0; q < nrhs; q++)
            {
                Restart(q, rd, p, rr, stride);
                state[q] = Math.Sqrt(rr[q]) <= tolerance * bNorm[q] ? Met : Iterating;
            }

            // r is b − A·x for the starting x (b itself from 0), so the start needs no check.
            int iterations = 0, restarts = 0;
            bool checkedX = true;
            while (true)
            {
                int active = 0;
                for (int q = 0; q < nrhs; q++)
                {
                    if (state[q] == Iterating)
                    {
                        columns[active++] = q * stride;
                    }
                }

                if (active > 0 && iterations < maxIterations)
                {
                    op.Apply(p, qd, columns, active, team);
                    iterations++;
                    checkedX = false;
                    for (int q = 0; q < nrhs; q++)
                    {
                        if (state[q] == Iterating)
                        {
                            state[q] = Step(q, xd, rd, qd, p, rr, tolerance * bNorm[q], stride);
                        }
                    }

                    continue;
                }

                // Out of work or of iterations: check the x to be returned with the operator itself.
                if (!checkedX)
                {
                    TrueResidual(op, bd, xd, rd, qd, p, columns, nrhs, stride, team);
                    checkedX = true;
                }

                bool again = false;
                for (int q = 0; q < nrhs; q++)
                {
                    ReadOnlySpan<double> r = rd.AsSpan(q * stride, stride);
                    residual[q] = bNorm[q] == 0 ? 0 : Math.Sqrt(VectorOps.Dot<double>(r, r)) / bNorm[q];
                    if (state[q] == Met && !(residual[q] <= tolerance) && restarts < MaxRestarts && iterations < maxIterations)
                    {
                        state[q] = Iterating;
                        Restart(q, rd, p, rr, stride);
                        again = true;
                    }
                }

                if (!again)
                {
                    break;
                }

                restarts++;
            }

            bool converged = true;
            double worst = 0;
            for (int q = 0; q < nrhs; q++)
            {
                converged &= residual[q] <= tolerance;
                worst = Math.Max(worst, double.IsNaN(residual[q]) ? double.PositiveInfinity : residual[q]);
            }

            for (int i = 0; i < n; i++)
            {
                for (int q = 0; q < nrhs; q++)
                {
                    x[i * nrhs + q] = T.CreateTruncating(xd[q * stride + position[i]]);
                }
            }

            return new KernelSolveResult(converged, iterations, worst);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(columns);
            ArrayPool<double>.Shared.Return(scalars);
            ArrayPool<T>.Shared.Return(p);
            ArrayPool<double>.Shared.Return(qd);
            ArrayPool<double>.Shared.Return(rd);
            ArrayPool<double>.Shared.Return(xd);
            ArrayPool<double>.Shared.Return(bd);
        }
    }

    // p = r for column q, from the residual in r.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Restart(int q, double[] rd, T[] p, Span<double> rr, int stride)
    {
        Span<double> r = rd.AsSpan(q * stride, stride);
        Span<T> pq = p.AsSpan(q * stride, stride);
        for (int i = 0; i < stride; i++)
        {
            pq[i] = T.CreateTruncating(r[i]);
        }

        rr[q] = VectorOps.Dot<double>(r, r);
    }

    // One conjugate-gradient step of column q, given A·p in qd; the column's state after it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Step(int q, double[] xd, double[] rd, double[] qd, T[] p, Span<double> rr, double target, int stride)
    {
        Span<double> xq = xd.AsSpan(q * stride, stride), r = rd.AsSpan(q * stride, stride);
        Span<T> pq = p.AsSpan(q * stride, stride);
        ReadOnlySpan<double> aq = qd.AsSpan(q * stride, stride);
        double pAp = CgVectors<T>.Dot(pq, aq);
        double step = rr[q] / pAp;
        if (!(pAp > 0) || !double.IsFinite(step))
        {
            return Stalled;
        }

        double rrNew = CgVectors<T>.Update(xq, r, pq, aq, step);
        if (Math.Sqrt(rrNew) <= target)
        {
            return Met;
        }

        CgVectors<T>.Direction(pq, r, rrNew / rr[q]);
        rr[q] = rrNew;
        return Iterating;
    }

    // x ← x rounded to T (what is returned), r ← b − A·x with that x; p holds the rounded x meanwhile.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TrueResidual(KernelOperator<T> op, double[] b, double[] x, double[] r, double[] product, T[] p,
        int[] columns, int nrhs, int stride, WorkerTeam? team)
    {
        for (int i = 0; i < nrhs * stride; i++)
        {
            p[i] = T.CreateTruncating(x[i]);
            x[i] = double.CreateTruncating(p[i]);
        }

        for (int q = 0; q < nrhs; q++)
        {
            columns[q] = q * stride;
        }

        op.Apply(p, product, columns, nrhs, team);
        for (int i = 0; i < nrhs * stride; i++)
        {
            r[i] = b[i] - product[i];
        }
    }
}
