using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Fuzz;

/// <summary>A span as a slice of a larger array, so the elements around it can be checked after a call.</summary>
internal readonly record struct Segment<T>(T[] Array, int Offset, int Length)
{
    public Span<T> Span => Array.AsSpan(Offset, Length);

    public Memory<T> Memory => Array.AsMemory(Offset, Length);
}

/// <summary>
/// The spans of one call, each a slice of an array that holds recognisable values in a guard region
/// before and after it. A span may share its array with an earlier one, overlapping it or leaving a
/// gap; the call may then write only the elements of its written spans that the shape needs, and
/// everything else (guards, gaps, read-only inputs, the unused tail of a long span) must keep its bits.
/// </summary>
internal sealed class GuardedSpans<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int Guard = 16;

    private readonly T[][] _arrays;
    private readonly T[][] _before;
    private readonly bool[][] _writable;

    /// <param name="lengths">Each span's length.</param>
    /// <param name="writable">How many elements from each span's start the call may write (0 for a read-only span).</param>
    /// <param name="fill">Writes a span's payload.</param>
    public GuardedSpans(Random random, int[] lengths, long[] writable, Action<int, Span<T>> fill)
    {
        int count = lengths.Length;
        var group = new int[count];
        var offsets = new int[count];
        var ends = new List<int>();
        for (int i = 0; i < count; i++)
        {
            // One span in six shares an earlier span's array, at an offset that overlaps it, abuts it or leaves a gap.
            if (i > 0 && random.Next(6) == 0)
            {
                group[i] = group[random.Next(i)];
                offsets[i] = random.Next(0, ends[group[i]] + 4);
                ends[group[i]] = Math.Max(ends[group[i]], offsets[i] + lengths[i]);
                Overlapping = true;
            }
            else
            {
                group[i] = ends.Count;
                ends.Add(lengths[i]);
            }
        }

        _arrays = ends.Select(end => Sentinels(Guard + end + Guard)).ToArray();
        _writable = ends.Select(end => new bool[Guard + end + Guard]).ToArray();
        Segments = new Segment<T>[count];
        for (int i = 0; i < count; i++)
        {
            Segments[i] = new Segment<T>(_arrays[group[i]], Guard + offsets[i], lengths[i]);
            fill(i, Segments[i].Span);
            _writable[group[i]].AsSpan(Guard + offsets[i], (int)Math.Min(lengths[i], writable[i])).Fill(true);
        }

        _before = _arrays.Select(a => (T[])a.Clone()).ToArray();
    }

    public Segment<T>[] Segments { get; }

    /// <summary>Whether some spans share an array.</summary>
    public bool Overlapping { get; }

    /// <summary>The first element written that the call had no right to write (any element, if it threw), or null.</summary>
    public string? FirstForbiddenWrite(bool threw)
    {
        for (int g = 0; g < _arrays.Length; g++)
        {
            for (int k = 0; k < _arrays[g].Length; k++)
            {
                if ((threw || !_writable[g][k]) && !MatrixStorage.BitIdentical<T>(_arrays[g].AsSpan(k, 1), _before[g].AsSpan(k, 1)))
                {
                    string where = k < Guard || k >= _arrays[g].Length - Guard ? "a guard region" : threw ? "a span, before throwing" : "no written span's needed part";
                    return $"array {g} element {k - Guard} (in {where}) changed from {_before[g][k]} to {_arrays[g][k]}";
                }
            }
        }

        return null;
    }

    // −1.5, −2, −2.5, …: values no solver produces by accident, distinct so a shifted write shows.
    private static T[] Sentinels(int length)
    {
        var values = new T[length];
        for (int k = 0; k < length; k++)
        {
            values[k] = T.CreateTruncating(-1.5 - 0.5 * k);
        }

        return values;
    }
}
