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
}
