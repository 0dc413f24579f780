using System.Collections.Generic;
using System.Linq;

namespace Specialized.Analyzers.Tests;

/// <summary>A labelled piece of user code: its markup marks every diagnostic it should raise, and nothing else.</summary>
internal sealed record Snippet(string Name, string Source)
{
    public override string ToString() => Name;
}

/// <summary>
/// Realistic code from the workloads the analyzers serve, each snippet labelled by hand with the diagnostics it
/// should raise (<see cref="Snippet"/>); every snippet compiles with <see cref="CorpusSolvers"/> and
/// MathNet.Numerics. The corpus measures the analyzers' precision and recall (docs/analyzer-accuracy.md).
/// </summary>
internal static partial class AccuracyCorpus
{
    // Computed on each use: the parts are static fields of other files, whose initialization order C# leaves open.
    public static IReadOnlyList<Snippet> All => [.. Kalman, .. Fits, .. Buffers, .. Data];

    public static Snippet Named(string name) => All.Single(snippet => snippet.Name == name);
}
