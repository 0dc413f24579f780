using System;
using System.Buffers;
using System.Collections.Generic;

namespace Specialized;

/// <summary>
/// Arrays rented from the shared pools and returned together. A grid's arrays come from here so that building one
/// system after another reuses the same memory: fresh memory costs a page fault per 4 KB on first touch, which at
/// 10⁵ points took longer than the rest of the build.
/// </summary>
internal sealed class PooledArrays
{
    private readonly List<Action> _returns = [];

    /// <summary>An array of at least <paramref name="length"/> elements, not cleared: callers write what they read.</summary>
    public TE[] Rent<TE>(long length)
    {
        TE[] array = ArrayPool<TE>.Shared.Rent(checked((int)Math.Max(length, 1)));
        _returns.Add(() => ArrayPool<TE>.Shared.Return(array));
        return array;
    }

    /// <summary>Like <see cref="Rent{TE}"/>, with the first <paramref name="length"/> elements zero.</summary>
    public TE[] RentCleared<TE>(long length)
    {
        TE[] array = Rent<TE>(length);
        Array.Clear(array, 0, (int)length);
        return array;
    }

    /// <summary>Gives every array back; none may be used afterwards.</summary>
    public void ReturnAll()
    {
        foreach (Action giveBack in _returns)
        {
            giveBack();
        }

        _returns.Clear();
    }
}
