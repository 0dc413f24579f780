using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized;

/// <summary>
/// 0, 1, 2, … as T, one per lane of the widest vector: the lane positions a masked last vector
/// compares against (net8.0 has no <c>Vector512&lt;T&gt;.Indices</c>).
/// </summary>
internal static class LaneIndices<T>
    where T : unmanaged, INumberBase<T>
{
    private static readonly T[] Values = Create();

    public static Vector512<T> Vector512Lanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(Values));
    }

    public static Vector<T> VectorLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(Values));
    }

    private static T[] Create()
    {
        // Vector<T> is never wider than Vector512<T>, so one table serves both.
        var values = new T[Vector512<T>.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(i);
        }

        return values;
    }
}
