using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Specialized.Testing;

namespace Specialized.Runtime.Tests;

/// <summary>
/// The helper threads of multi-threaded factorizations: every part of a region runs once, part 0 on
/// the caller; a part's exception reaches the caller; one factorization holds the team at a time,
/// and factorizations that find it held still give one thread's bits. Other test classes factor
/// with several threads at the same time, so these wait for the team to be free.
/// </summary>
public class WorkerTeamTests
{
    private static bool HasHelpers => Environment.ProcessorCount > 1;

    private static WorkerTeam JoinWhenFree(int workers)
    {
        var wait = Stopwatch.StartNew();
        while (true)
        {
            if (WorkerTeam.TryJoin(workers) is { } team)
            {
                return team;
            }

            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(30), "the team stayed held for 30 s");
            Thread.Sleep(1);
        }
    }

    [Fact]
    public void Every_part_runs_once_and_part_zero_on_the_caller()
    {
        if (!HasHelpers)
        {
            Assert.Null(WorkerTeam.TryJoin(2));
            return;
        }

        WorkerTeam team = JoinWhenFree(Environment.ProcessorCount);
        try
        {
            for (int parts = 1; parts <= Environment.ProcessorCount; parts++)
            {
                for (int round = 0; round < 50; round++)
                {
                    var job = new CountingJob(parts);
                    team.Run(job, parts);
                    Assert.All(job.Runs, runs => Assert.Equal(1, runs));
                    Assert.Equal(Environment.CurrentManagedThreadId, job.ThreadOfPart[0]);
                    Assert.Equal(parts, job.ThreadOfPart.Take(parts).Distinct().Count());
                }
            }
        }
        finally
        {
            team.Leave();
        }
    }

    [Fact]
    public void A_helper_part_exception_reaches_the_caller_and_the_team_keeps_working()
    {
        if (!HasHelpers)
        {
            return;
        }

        WorkerTeam team = JoinWhenFree(2);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => team.Run(new ThrowingJob(1), 2));
            Assert.Equal("part 1", error.Message);
            var job = new CountingJob(2);
            team.Run(job, 2);
            Assert.Equal([1, 1], job.Runs);
        }
        finally
        {
            team.Leave();
        }
    }

    [Fact]
    public void One_factorization_holds_the_team_at_a_time()
    {
        if (!HasHelpers)
        {
            return;
        }

        WorkerTeam first = JoinWhenFree(2);
        Assert.Null(WorkerTeam.TryJoin(2));
        first.Leave();
        WorkerTeam again = JoinWhenFree(2);
        Assert.Same(first, again);
        again.Leave();
    }

    [Fact]
    public void Concurrent_multi_threaded_factorizations_give_one_threads_bits()
    {
        const int n = 400;
        TestMatrix matrix = TestMatrix.Create(2, n, Precision.Double, TestData.Seed(n, 7));
        double[] original = MatrixStorage.Store<double>(matrix.Dense, n, Triangle.Lower, MatrixLayout.RowMajor);
        double[] expected = (double[])original.Clone();
        Assert.True(Cholesky.Factor(expected, n, Triangle.Lower, MatrixLayout.RowMajor, 1));

        var failures = new ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            for (int round = 0; round < 3; round++)
            {
                double[] a = (double[])original.Clone();
                if (!Cholesky.Factor(a, n, Triangle.Lower, MatrixLayout.RowMajor, 2) || MatrixStorage.FirstBitDifference<double>(expected, a) >= 0)
                {
                    failures.Add($"caller {caller}, round {round}");
                }
            }
        });
        Assert.Empty(failures);
    }

    private sealed class CountingJob(int parts) : IParallelJob
    {
        public int[] Runs { get; } = new int[parts];

        public int[] ThreadOfPart { get; } = new int[parts];

        public void Run(int part)
        {
            Interlocked.Increment(ref Runs[part]);
            ThreadOfPart[part] = Environment.CurrentManagedThreadId;
        }
    }

    private sealed class ThrowingJob(int throwingPart) : IParallelJob
    {
        public void Run(int part)
        {
            if (part == throwingPart)
            {
                throw new InvalidOperationException("part " + part);
            }
        }
    }
}
