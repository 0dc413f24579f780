using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Cluster;

/// <summary>Batches done of total, systems per second and time left, on stderr at most once a second.</summary>
internal sealed class ProgressLine(TextWriter output, BatchPlan plan, Tally tally)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly int _recordedAtStart = tally.Recorded;
    private long _last;

    public double Seconds => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    public void Report(bool force = false)
    {
        long now = Stopwatch.GetTimestamp();
        if (!force && Stopwatch.GetElapsedTime(_last, now).TotalSeconds < 1)
        {
            return;
        }

        _last = now;
        double seconds = Seconds;
        int recorded = tally.Recorded, doneNow = recorded - _recordedAtStart, left = plan.Count - recorded;
        string eta = doneNow == 0 ? "?" : TimeSpan.FromSeconds(seconds / doneNow * left).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"batches {recorded}/{plan.Count}, {tally.SystemsNow / Math.Max(seconds, 1e-9):N0} systems/s, ETA {eta}"));
    }
}
