using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>target[e] = source[index[e]]: a chunk list's coordinates and values, with AVX2's gathers where the machine has them.</summary>
internal static class ListGather
{
    /// <summary>
    /// Gathers <paramref name="target"/>.Length entries. Every index should lie in [0, source.Length): the grid builds its lists
    /// so, and checks them once; an index outside reads some element of <paramref name="source"/>, or throws on the scalar path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> index, Span<T> target)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = target.Length;
        if (index.Length < length)
        {
            throw new ArgumentException("Fewer indices than entries.", nameof(index));
        }

        ref int at = ref MemoryMarshal.GetReference(index);
        int e = 0;
        if (Avx2.IsSupported && source.Length > 0)
        {
            // Indices clamped to the source (unsigned, so negatives too): a bad list reads a wrong value, never outside.
            Vector256<uint> last = Vector256.Create((uint)source.Length - 1);
            fixed (T* s = source)
            {
                if (typeof(T) == typeof(float))
                {
                    ref float t = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(target));
                    for (; e + 8 <= length; e += 8)
                    {
                        Avx2.GatherVector256((float*)s, Vector256.Min(Vector256.LoadUnsafe(ref at, (nuint)e).AsUInt32(), last).AsInt32(), 4).StoreUnsafe(ref t, (nuint)e);
                    }
                }
                else
                {
                    ref double t = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(target));
                    for (; e + 4 <= length; e += 4)
                    {
                        Avx2.GatherVector256((double*)s, Vector128.Min(Vector128.LoadUnsafe(ref at, (nuint)e).AsUInt32(), last.GetLower()).AsInt32(), 8).StoreUnsafe(ref t, (nuint)e);
                    }
                }
            }
        }

        for (; e < length; e++)
        {
            target[e] = source[index[e]];
        }
    }
}
