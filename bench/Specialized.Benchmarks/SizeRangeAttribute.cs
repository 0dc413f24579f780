using System;

namespace Specialized.Benchmarks;

/// <summary>
/// Limits a benchmark method to orders Min ≤ N ≤ Max (a slow peer at large n, a multi-threaded
/// variant only where it is meant to pay), so Program leaves the other cases out of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SizeRangeAttribute : Attribute
{
    public int Min { get; init; }

    public int Max { get; init; } = int.MaxValue;
}
