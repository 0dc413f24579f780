using System;
using System.Globalization;
using System.Threading;

namespace Cluster;

/// <summary>What a run has recorded so far, safe to add to from several threads.</summary>
internal sealed class Tally
{
    private readonly Lock _lock = new();
    private int _recorded, _recordedNow, _duplicates, _notSpd;
    private long _systemsNow;
    private double _worst;

    /// <summary>Batches recorded, by this run or an earlier one.</summary>
    public int Recorded { get { lock (_lock) { return _recorded; } } }

    /// <summary>Systems solved and recorded by this run (what its rate counts).</summary>
    public long SystemsNow { get { lock (_lock) { return _systemsNow; } } }

    public int RecordedNow { get { lock (_lock) { return _recordedNow; } } }

    public void AddRecorded(BatchTotals totals, bool previously)
    {
        lock (_lock)
        {
            _recorded++;
            _notSpd += totals.NotSpd;
            // NaN sticks: a NaN ratio is a failed check, never hidden by a later Max.
            _worst = double.IsNaN(_worst) || double.IsNaN(totals.WorstRatio) ? double.NaN : Math.Max(_worst, totals.WorstRatio);
            if (!previously)
            {
                _recordedNow++;
                _systemsNow += totals.Systems;
            }
        }
    }

    public void AddDuplicate()
    {
        lock (_lock)
        {
            _duplicates++;
        }
    }

    /// <summary>
    /// The closing line, <c>systems=N batches=B recorded=R duplicates=D not_spd=F worst_ratio=W seconds=T</c>,
    /// and whether the run passed: every batch recorded and the worst ratio below 30.
    /// </summary>
    public (string Line, bool Passed) Summary(BatchPlan plan, double seconds)
    {
        lock (_lock)
        {
            bool passed = _recorded == plan.Count && _worst < Samples.Ratios.Threshold;
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"systems={plan.Systems} batches={plan.Count} recorded={_recorded} duplicates={_duplicates} not_spd={_notSpd} worst_ratio={_worst:F2} seconds={seconds:F2}");
            return (line, passed);
        }
    }
}
