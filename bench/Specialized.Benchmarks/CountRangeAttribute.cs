using System;

namespace Specialized.Benchmarks;

/// <summary>
/// Limits a benchmark method to batch counts Min ≤ Count ≤ Max (the in-cache count for the kernel
/// alone, all cores only where the batch streams from memory, slow peers once), so Program leaves
/// the other cases out of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountRangeAttribute : Attribute
{
    public int Min { get; init; }

    public int Max { get; init; } = int.MaxValue;
}
