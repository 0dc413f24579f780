using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// Hints the generated kernels give the processor, in the runtime so that the user's project needs no
/// unsafe code. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelHints
{
    /// <summary>
    /// Asks for the cache line holding <paramref name="location"/> ahead of its use (<c>prefetcht0</c>; nothing
    /// where SSE is missing). A prefetch never faults; the generated code still only names elements of its spans.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="location">An element the caller will read soon.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(in T location)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.AsRef(in location)));
        }
    }

    /// <summary>
    /// The first element of <paramref name="buffer"/> that starts on a 64-byte cache line, so that a
    /// vector kept there never straddles two lines. The buffer must not move (the stack, or pinned
    /// memory) and must hold 64 bytes more than the caller uses.
    /// </summary>
    /// <typeparam name="T">The element type; its size divides 64.</typeparam>
    /// <param name="buffer">Stack memory, 64 bytes longer than what the caller reads or writes through the result.</param>
    /// <returns>A reference into <paramref name="buffer"/> within its first 64 bytes.</returns>
    /// <exception cref="ArgumentException">The buffer is shorter than 64 bytes, or the size of <typeparamref name="T"/> does not divide 64.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ref T CacheLineAligned<T>(Span<T> buffer)
        where T : unmanaged
    {
        // The skip is at most 63 bytes and whole elements: the result stays inside the buffer.
        if ((long)buffer.Length * sizeof(T) < 64 || 64 % sizeof(T) != 0)
        {
            throw new ArgumentException("The buffer must hold at least 64 bytes of elements whose size divides 64.", nameof(buffer));
        }

        ref T first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(buffer);
        nint skip = -(nint)Unsafe.AsPointer(ref first) & 63;
        return ref Unsafe.AddByteOffset(ref first, skip);
    }
}
