using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Specialized;

/// <summary>
/// Helper threads kept for the parallel regions of one factorization at a time. Between regions of
/// the same factorization the helpers spin, so a region starts within a microsecond instead of the
/// hundreds of microseconds <c>Parallel.For</c> took to wake a pool thread (measured about 270 µs a
/// region at n = 2000); between factorizations they block. A factorization that finds the team in
/// use by another one shares its regions through <c>Parallel.For</c> instead.
/// </summary>
internal sealed class WorkerTeam
{
    private static WorkerTeam? s_team;
    private static int s_inUse;

    private readonly int _helpers;
    private readonly ManualResetEventSlim _joined = new(false);
    private IParallelJob? _job;
    private int _parts;
    private int _generation;
    private int _pending;
    private Exception? _error;

    private WorkerTeam(int helpers)
    {
        _helpers = helpers;
        for (int i = 1; i <= helpers; i++)
        {
            int part = i;
            new Thread(() => Serve(part)) { IsBackground = true, Name = "Specialized worker " + part }.Start();
        }
    }

    /// <summary>
    /// The team for a factorization with <paramref name="workers"/> &gt; 1 (at most the processor
    /// count), its helpers spinning until <see cref="Leave"/>; null when another factorization has it.
    /// </summary>
    public static WorkerTeam? TryJoin(int workers)
    {
        if (Interlocked.CompareExchange(ref s_inUse, 1, 0) != 0)
        {
            return null;
        }

        // Created on first use, by the one caller that holds the team, with a helper for every
        // processor but the caller's.
        WorkerTeam team = s_team ??= new WorkerTeam(Environment.ProcessorCount - 1);
        if (team._helpers < workers - 1)
        {
            Volatile.Write(ref s_inUse, 0);
            return null;
        }

        team._joined.Set();
        return team;
    }

    /// <summary>Sends the helpers back to blocking and frees the team for the next factorization.</summary>
    public void Leave()
    {
        _joined.Reset();
        Volatile.Write(ref s_inUse, 0);
    }

    /// <summary>
    /// Runs the parts of <paramref name="job"/> on <paramref name="team"/>, or through <c>Parallel.For</c>
    /// when the factorization did not get the team.
    /// </summary>
    public static void Share(WorkerTeam? team, IParallelJob job, int parts)
    {
        if (team is not null)
        {
            team.Run(job, parts);
        }
        else
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, job.Run);
        }
    }

    /// <summary>
    /// Runs parts 0 .. <paramref name="parts"/> − 1 of <paramref name="job"/>, part 0 on the calling
    /// thread, and returns when all are done; an exception from any part is rethrown here.
    /// </summary>
    public void Run(IParallelJob job, int parts)
    {
        _job = job;
        _parts = parts;
        _error = null;
        _pending = _helpers;

        // Publishes the fields above to the helpers, which read them after seeing the new generation.
        Interlocked.Increment(ref _generation);
        try
        {
            job.Run(0);
        }
        finally
        {
            while (Volatile.Read(ref _pending) != 0)
            {
                Thread.SpinWait(16);
            }

            _job = null;
        }

        if (_error is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    // A helper: blocks while no factorization holds the team, spins for the next region while one
    // does, runs its part of each region (if the region has that many) and reports it done.
    private void Serve(int part)
    {
        int seen = 0;
        while (true)
        {
            _joined.Wait();
            int generation = Volatile.Read(ref _generation);
            if (generation == seen)
            {
                Thread.SpinWait(16);
                continue;
            }

            seen = generation;
            if (part < _parts)
            {
                try
                {
                    _job!.Run(part);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _error, e, null);
                }
            }

            Interlocked.Decrement(ref _pending);
        }
    }
}
