using System;
using System.Collections.Generic;
using System.Threading;
using Samples;

namespace Cluster;

/// <summary>
/// Solves one batch: regenerates its systems from (seed, k), solves each with the generated
/// solver, and packs bᵀA⁻¹b, log det A and the residual ratio per system. One instance per thread:
/// it keeps the largest system's buffers, so a batch allocates only its answer.
/// </summary>
internal sealed class BatchWorker
{
    private const int Max = Workload.MaxOrder;

    private readonly SystemSource _source = new();
    private readonly List<long> _members = [];
    private readonly double[] _a = new double[Max * Max];
    private readonly double[] _factor = new double[Max * Max];
    private readonly double[] _b = new double[Max];
    private readonly double[] _x = new double[Max];

    public byte[] Solve(int seed, Batch batch, CancellationToken cancellationToken = default)
    {
        SizeBand band = SizeBand.All[batch.Band];
        _members.Clear();
        for (long k = batch.Start; k < batch.End; k++)
        {
            if (band.Contains(_source.Order(seed, k)))
            {
                _members.Add(k);
            }
        }

        byte[] bytes = BatchResults.Create(batch, _members.Count);
        int notSpd = 0;
        double worst = 0;
        for (int i = 0; i < _members.Count; i++)
        {
            // A cancelled call (deadline passed, driver gone) stops within one system.
            cancellationToken.ThrowIfCancellationRequested();
            int n = _source.Make(seed, _members[i], _a, _b);
            Span<double> a = _a.AsSpan(0, n * n), factor = _factor.AsSpan(0, n * n);
            Span<double> b = _b.AsSpan(0, n), x = _x.AsSpan(0, n);
            a.CopyTo(factor);
            b.CopyTo(x);
            if (!Solvers.Solve(factor, x, n))
            {
                notSpd++;
                BatchResults.WriteSystem(bytes, i, double.NaN, double.NaN, double.NaN);
                continue;
            }

            double quadratic = 0, logDet = 0;
            for (int j = 0; j < n; j++)
            {
                quadratic += b[j] * x[j];
                logDet += Math.Log(factor[j * n + j]);
            }

            double ratio = Ratios.Residual(a, b, x, n, 1);
            worst = Math.Max(worst, ratio);
            BatchResults.WriteSystem(bytes, i, quadratic, 2 * logDet, ratio);
        }

        BatchResults.WriteTotals(bytes, notSpd, worst);
        return bytes;
    }
}
