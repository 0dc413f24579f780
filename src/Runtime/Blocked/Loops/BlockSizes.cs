using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// Cache blocking of the blocked kernels (BLIS's MC/KC/NC), sized for a 32 KiB L1 and a 512 KiB L2
/// per core: a KC x NR micro-panel of B (16 KiB for the 256-bit kernel in double) stays in L1 while
/// the MC x KC block of A (288 KiB in double) stays in L2. Both are counted in bytes, so float gets
/// twice the depth. The 512-bit kernel's panel is 32 KiB in double and 64 KiB in float; a shallower
/// KC for it measured no faster on a 48 KiB L1.
/// </summary>
internal static class BlockSizes<T>
{
    /// <summary>Depth of one packed rank-KC update.</summary>
    public static int KC => 2048 / Unsafe.SizeOf<T>();

    /// <summary>Rows of A packed at a time (a multiple of every kernel's MR).</summary>
    public const int MC = 144;

    /// <summary>
    /// Order at or below which the recursion factors a diagonal block unblocked (48 rather than 64
    /// moves more of the work onto the micro-kernel; measured faster from n = 100 to 1000).
    /// </summary>
    public const int FactorBase = 48;

    /// <summary>Width at or below which the recursive triangular solve substitutes directly.</summary>
    public const int SolveBase = 16;

    /// <summary>Rows of a panel the direct substitution transposes at a time (SolveBase x SolveChunk stays in L1).</summary>
    public const int SolveChunk = 128;

    /// <summary>
    /// The row stride of the runtime's own copy of an order-n matrix (the keep-inputs forms): n, but
    /// 64 bytes more when a row is a multiple of 2 KiB, so that the rows of a block do not all map to
    /// the same L1 sets. With the stride n, n = 512 in double factored and solved at 0.85x the GFLOP/s of
    /// its neighbours 496 and 528; matrices the caller factors in place keep their own stride.
    /// </summary>
    public static int Stride(int n) => n * Unsafe.SizeOf<T>() % 2048 == 0 ? n + 64 / Unsafe.SizeOf<T>() : n;

    /// <summary>
    /// Splits an order n > 16 in two near-halves, the first a multiple of 16 so each recursion
    /// level's blocks start on a tile boundary of every micro-kernel.
    /// </summary>
    public static int Split(int n) => ((n / 2) + 15) & ~15;
}
