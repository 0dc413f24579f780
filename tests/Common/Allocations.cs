using System;

namespace Specialized.Testing;

/// <summary>Bytes a warmed-up piece of code allocates on the calling thread.</summary>
public static class Allocations
{
    /// <summary>
    /// Runs <paramref name="measured"/> up to three times and returns what the last run allocated,
    /// or 0 as soon as one run allocates nothing. A gen-2 collection may trim a pool and the next
    /// rent then allocates once: only a genuine per-call allocation survives three attempts.
    /// The caller warms up first (JIT, pool fill).
    /// </summary>
    public static long Measure(Action measured)
    {
        long allocated = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            measured();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0)
            {
                break;
            }
        }

        return allocated;
    }
}
