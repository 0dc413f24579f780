using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cluster;

/// <summary>The `local` role: the plan's batches on T threads of this process, recorded like `drive` records them.</summary>
internal static class LocalRunner
{
    public static void Run(BatchPlan plan, int seed, ResultStore store, Tally tally, int threads, ProgressLine progress, CancellationToken cancellationToken)
    {
        int next = -1;
        var workers = new Task[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = Task.Factory.StartNew(
                () =>
                {
                    var worker = new BatchWorker();
                    for (int i = Interlocked.Increment(ref next); i < plan.Count && !cancellationToken.IsCancellationRequested; i = Interlocked.Increment(ref next))
                    {
                        Batch batch = plan.Batches[i];
                        if (store.IsRecorded(i))
                        {
                            continue;
                        }

                        byte[] answer = worker.Solve(seed, batch, cancellationToken);
                        if (store.TryRecord(batch, answer))
                        {
                            tally.AddRecorded(BatchResults.Read(answer, batch)!.Value, previously: false);
                        }
                        else
                        {
                            tally.AddDuplicate();
                        }
                    }
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        while (!Task.WaitAll(workers, TimeSpan.FromSeconds(1)))
        {
            progress.Report();
        }
    }
}
