using System.Collections.Generic;
using System.Linq;

namespace Specialized.Generator;

/// <summary>
/// Software prefetch for a batch kernel: while one pass computes, the cache lines of the next pass's
/// matrices, right-hand sides and solutions are asked for, spread over the pass's rows in proportion
/// to their arithmetic so that the requests trickle out under the work instead of queueing at once.
/// </summary>
/// <remarks>
/// Each lane reads its system as a run of only n·n·size bytes before the next pass jumps W systems
/// on, too short for the hardware stream prefetcher to learn, so without these hints a pass out of
/// cache computes first and then waits for memory (measured: the time per system out of cache was
/// the sum of the time in cache and the time to stream the data). The hints go out in the order the
/// next pass reads: its right-hand sides, which it transposes first, then the matrices' lines by their
/// place within a system, so that row 0 of every system is asked for before row 1 of any. In system
/// order, the last systems' first rows were asked for only at the end of the pass (1,000,000 systems,
/// n = 16, double: 144-146 ns per system against 122-138 in this order; n = 12: 74-82 against 59-73).
/// The last pass asks for its own lines again, so no hint names an element outside the batch.
/// </remarks>
internal sealed class PassPrefetch
{
    private readonly Queue<string> _hints = new();
    private readonly double[] _quota;
    private int _given;

    /// <param name="n">The order of the systems.</param>
    /// <param name="elementSize">Bytes per element.</param>
    /// <param name="systems">Systems per pass: the lanes times the groups of lanes.</param>
    public PassPrefetch(int n, int elementSize, int systems)
    {
        AddLines("bn", systems * n, elementSize);
        AddLines("an", systems * n * n, elementSize, offset => (offset % (n * n) * systems) + (offset / (n * n)));
        AddLines("xn", systems * n, elementSize);

        // Row i does about i·(i + 1)/2 multiply-adds for W and the pivot, and i for y.
        var work = Enumerable.Range(0, n).Select(i => (double)(i * (i + 1) / 2 + i + 1)).ToArray();
        double total = work.Sum(), sum = 0;
        _quota = new double[n];
        for (int i = 0; i < n; i++)
        {
            sum += work[i];
            _quota[i] = sum / total;
        }
    }

    /// <summary>Declares the next pass's references; emitted once per pass after a0 and b0.</summary>
    public static void EmitReferences(SourceWriter w, int n, BatchWidth width, int systems)
    {
        string t = width.Keyword;
        string lanes = SourceWriter.Int(systems);
        w.Line($"// The next pass's systems, asked for while this pass computes; the last pass asks for its own.");
        w.Line($"int next = count - first >= {SourceWriter.Int(2 * systems)} ? {lanes} : 0;");
        w.Line($"ref {t} an = ref Unsafe.Add(ref a0, next * {SourceWriter.Int(n * n)});");
        w.Line($"ref {t} bn = ref Unsafe.Add(ref b0, next * {SourceWriter.Int(n)});");
        w.Line($"ref {t} xn = ref Unsafe.Add(ref x, (first + next) * {SourceWriter.Int(n)});");
    }

    /// <summary>Emits row i's share of the hints: after it, the fraction of all lines the rows up to i have done of the work.</summary>
    public void EmitRow(SourceWriter w, int i)
    {
        int total = _given + _hints.Count;
        int until = i == _quota.Length - 1 ? total : (int)System.Math.Round(_quota[i] * total);
        for (; _given < until; _given++)
        {
            w.Line(_hints.Dequeue());
        }
    }

    // One hint per 64-byte line of a block of elements, plus its last element (the block need not start
    // on a line), in the order of the key if one is given, else from the start.
    private void AddLines(string reference, int elements, int elementSize, System.Func<int, int>? order = null)
    {
        int perLine = 64 / elementSize;
        var offsets = Enumerable.Range(0, (elements + perLine - 1) / perLine).Select(k => k * perLine).ToList();
        if (offsets[offsets.Count - 1] != elements - 1)
        {
            offsets.Add(elements - 1);
        }

        foreach (int offset in offsets.OrderBy(order ?? (offset => offset)))
        {
            _hints.Enqueue($"KernelHints.Prefetch(in {KernelSyntax.Element(reference, offset)});");
        }
    }
}
