using System;
using System.Collections.Generic;

namespace MixedSizes;

/// <summary>The systems of a workload grouped by ranges of n, so each range is timed on its own.</summary>
internal sealed class SizeBands
{
    private readonly (int From, int To)[] _ranges;
    private readonly int[][] _systems;

    public SizeBands(Workload work, params (int From, int To)[] ranges)
    {
        _ranges = ranges;
        _systems = new int[ranges.Length][];
        for (int band = 0; band < ranges.Length; band++)
        {
            var members = new List<int>();
            for (int k = 0; k < work.Count; k++)
            {
                if (work.Sizes[k] >= ranges[band].From && work.Sizes[k] <= ranges[band].To)
                {
                    members.Add(k);
                }
            }

            _systems[band] = members.ToArray();
        }
    }

    public int Count => _ranges.Length;

    public string Name(int band) => $"{_ranges[band].From}..{_ranges[band].To}";

    /// <summary>Indices of the workload's systems whose n falls in the band.</summary>
    public ReadOnlySpan<int> Systems(int band) => _systems[band];
}
