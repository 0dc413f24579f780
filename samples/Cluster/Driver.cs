using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace Cluster;

/// <summary>How `drive` paces and guards its calls.</summary>
internal sealed record DriveOptions
{
    /// <summary>
    /// A call not answered within ten times the mean answer time, clamped to [<see cref="MinDeadline"/>, <see cref="MaxDeadline"/>],
    /// is cancelled and its batch sent again. Orleans alone would wait its 30 s response timeout for a
    /// silo that died without closing its connections.
    /// </summary>
    public TimeSpan MinDeadline { get; init; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc cref="MinDeadline"/>
    public TimeSpan MaxDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The run stops, failed, when no call has been answered for this long.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Batches in flight per silo core: one running and one queued behind it, so a core never waits on the network.</summary>
    public int CallsPerCore { get; init; } = 2;

    /// <summary>How often the list of live silos is read.</summary>
    public TimeSpan MembershipRefresh { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The `drive` role: sends the plan's unrecorded batches to the cluster, about
/// <see cref="DriveOptions.CallsPerCore"/> per silo core in flight, records each answer first-write-wins,
/// and sends again a batch whose call failed or passed its deadline. Execution is at least once,
/// recording exactly once. When nothing is left to send, idle capacity re-sends the oldest slow
/// call once more, so a silo that died unnoticed delays the end by less than a deadline.
/// </summary>
internal sealed class Driver(
    IGrainFactory grains, BatchPlan plan, int seed, ResultStore store, Tally tally, DriveOptions options, TextWriter log, GatewayWatch? gateways = null)
{
    private readonly Queue<Batch> _resend = new();
    private readonly HashSet<Call> _calls = [];
    private readonly Dictionary<int, int> _inFlight = [];
    private readonly Channel<Call> _done = Channel.CreateUnbounded<Call>();
    private readonly Dictionary<SiloAddress, int> _cores = [];
    private readonly Dictionary<SiloAddress, int> _answers = [];
    private readonly Stack<long> _freeKeys = new();
    private long _nextKey;
    private int _nextFresh;
    private int _liveSilos = 1;
    private int _gatewayLosses;
    private double _meanLatency;

    /// <summary>Runs until every batch is recorded, the cluster stays silent for <see cref="DriveOptions.GiveUpAfter"/>, or cancellation.</summary>
    /// <returns>Whether every batch is recorded.</returns>
    public async Task<bool> RunAsync(ProgressLine progress, CancellationToken cancellationToken)
    {
        long lastAnswer = Stopwatch.GetTimestamp(), lastRefresh = 0;
        try
        {
            while (tally.Recorded < plan.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Stopwatch.GetElapsedTime(lastRefresh) >= options.MembershipRefresh)
                {
                    await RefreshSilosAsync(cancellationToken);
                    lastRefresh = Stopwatch.GetTimestamp();
                }

                Fill();
                using (var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    wake.CancelAfter(options.MembershipRefresh);
                    try
                    {
                        await _done.Reader.WaitToReadAsync(wake.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                    }
                }

                while (_done.Reader.TryRead(out Call? call))
                {
                    _calls.Remove(call);
                    if (--_inFlight[call.Batch.Index] == 0)
                    {
                        _inFlight.Remove(call.Batch.Index);
                    }

                    _freeKeys.Push(call.Key);
                    call.Deadline.Dispose();
                    if (Complete(call))
                    {
                        lastAnswer = Stopwatch.GetTimestamp();
                    }
                }

                if (gateways is not null && gateways.Losses != _gatewayLosses)
                {
                    _gatewayLosses = gateways.Losses;
                    BackUpAll("a gateway connection closed");
                }

                progress.Report();
                if (Stopwatch.GetElapsedTime(lastAnswer) > options.GiveUpAfter)
                {
                    log.WriteLine($"no silo answered for {options.GiveUpAfter.TotalSeconds:F0} s; stopping with {plan.Count - tally.Recorded} batches unrecorded");
                    return false;
                }
            }

            return true;
        }
        finally
        {
            foreach (Call call in _calls)
            {
                call.Deadline.Cancel();
            }
        }
    }

    /// <summary>Answers received per silo, recorded or not.</summary>
    public IReadOnlyDictionary<SiloAddress, int> AnswersBySilo => _answers;

    private TimeSpan Deadline =>
        _meanLatency == 0 ? options.MaxDeadline : TimeSpan.FromSeconds(Math.Clamp(10 * _meanLatency, options.MinDeadline.TotalSeconds, options.MaxDeadline.TotalSeconds));

    private int Target => options.CallsPerCore * Math.Max(1, _cores.Count == 0 ? _liveSilos : _cores.Values.Sum() + Math.Max(0, _liveSilos - _cores.Count));

    private void Fill()
    {
        while (_calls.Count < Target && NextBatch() is Batch batch)
        {
            Send(batch);
        }
    }

    /// <summary>Every call still alone in flight gets a twin: the ones on a lost connection would otherwise wait for their deadline.</summary>
    private void BackUpAll(string reason)
    {
        foreach (Call call in _calls.Where(c => InFlight(c.Batch) == 1 && !store.IsRecorded(c.Batch.Index)).ToList())
        {
            Log($"backing up batch {call.Batch.Index} ({reason})");
            Send(call.Batch);
        }
    }

    private void Send(Batch batch)
    {
        long key = _freeKeys.Count > 0 ? _freeKeys.Pop() : _nextKey++;
        var deadline = new CancellationTokenSource(Deadline);
        Task<BatchAnswer> task = grains.GetGrain<ISolveGrain>(key).Solve(seed, batch, deadline.Token);
        var call = new Call(batch, key, task, deadline, Stopwatch.GetTimestamp());
        _calls.Add(call);
        _inFlight[batch.Index] = InFlight(batch) + 1;
        _ = task.ContinueWith((_, state) => _done.Writer.TryWrite((Call)state!), call, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private Batch? NextBatch()
    {
        while (_resend.TryDequeue(out Batch again))
        {
            if (!store.IsRecorded(again.Index) && InFlight(again) == 0)
            {
                return again;
            }
        }

        while (_nextFresh < plan.Count)
        {
            Batch fresh = plan.Batches[_nextFresh++];
            if (!store.IsRecorded(fresh.Index))
            {
                return fresh;
            }
        }

        // Nothing new: back up the slowest call still alone in flight, if it is well past the usual time.
        double slow = Math.Max(0.5, 3 * _meanLatency);
        Call? straggler = _calls
            .Where(c => Stopwatch.GetElapsedTime(c.Started).TotalSeconds > slow && InFlight(c.Batch) == 1 && !store.IsRecorded(c.Batch.Index))
            .OrderBy(c => c.Started)
            .FirstOrDefault();
        if (straggler is not null)
        {
            Log($"backing up batch {straggler.Batch.Index} ({Stopwatch.GetElapsedTime(straggler.Started).TotalSeconds:F2} s without an answer)");
        }

        return straggler?.Batch;
    }

    /// <returns>Whether the call was answered.</returns>
    private bool Complete(Call call)
    {
        double seconds = Stopwatch.GetElapsedTime(call.Started).TotalSeconds;
        if (call.Task.IsCompletedSuccessfully)
        {
            BatchAnswer answer = call.Task.Result;
            _cores[answer.Silo] = answer.Cores;
            _answers[answer.Silo] = _answers.GetValueOrDefault(answer.Silo) + 1;
            _meanLatency = _meanLatency == 0 ? seconds : 0.9 * _meanLatency + 0.1 * seconds;
            if (BatchResults.Read(answer.Results, call.Batch) is not BatchTotals totals)
            {
                Resend(call, seconds, $"an answer that is not batch {call.Batch.Index}'s");
            }
            else if (store.TryRecord(call.Batch, answer.Results))
            {
                tally.AddRecorded(totals, previously: false);

                // A backup or an earlier copy of this batch still out only holds a slot now.
                if (InFlight(call.Batch) > 0)
                {
                    foreach (Call twin in _calls.Where(c => c.Batch.Index == call.Batch.Index))
                    {
                        twin.Deadline.Cancel();
                    }
                }
            }
            else
            {
                tally.AddDuplicate();
            }

            return true;
        }

        string reason = call.Task.IsCanceled ? "no answer by the call's deadline" : call.Task.Exception!.GetBaseException().Message;
        Resend(call, seconds, reason);
        return false;
    }

    private void Resend(Call call, double seconds, string reason)
    {
        if (store.IsRecorded(call.Batch.Index))
        {
            return;
        }

        _resend.Enqueue(call.Batch);
        Log($"re-sending batch {call.Batch.Index} ({seconds:F2} s after sending it): {FirstLine(reason)}");
    }

    private void Log(string message) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {message}"));

    private async Task RefreshSilosAsync(CancellationToken cancellationToken)
    {
        try
        {
            Dictionary<SiloAddress, SiloStatus> hosts = await grains.GetGrain<IManagementGrain>(0)
                .GetHosts(onlyActive: true)
                .WaitAsync(options.MembershipRefresh, cancellationToken);
            _liveSilos = Math.Max(1, hosts.Count);
            foreach (SiloAddress gone in _cores.Keys.Where(s => !hosts.ContainsKey(s)).ToList())
            {
                _cores.Remove(gone);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The membership view is a pacing hint; the calls themselves find out which silos are alive.
        }
    }

    private int InFlight(Batch batch) => _inFlight.GetValueOrDefault(batch.Index);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private sealed record Call(Batch Batch, long Key, Task<BatchAnswer> Task, CancellationTokenSource Deadline, long Started);
}
