namespace Specialized;

/// <summary>
/// A register-blocked GEMM micro-kernel (BLIS's split: one small type per instruction set, the
/// blocking loops in <see cref="Gemm{T, TKernel}"/> generic over it, so the JIT compiles one
/// specialized copy of the loops per kernel).
/// </summary>
internal interface IMicroKernel<T>
{
    /// <summary>Rows of the C tile, and of each packed A micro-panel.</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C tile, and of each packed B micro-panel.</summary>
    static abstract int NR { get; }

    /// <summary>
    /// C = F − A·Bᵀ on one full MR x NR tile: <paramref name="a"/> holds kc columns of MR values
    /// (A(r, p) at p·MR + r), <paramref name="b"/> kc columns of NR values (B(c, p) at p·NR + c),
    /// C(r, c) sits at c + r·<paramref name="ldc"/> and F(r, c) at c + r·<paramref name="ldFrom"/>.
    /// F is C itself (the update in place) or the caller's matrix the tile is first copied from.
    /// </summary>
    static abstract void MultiplySubtract(nint kc, ref T a, ref T b, ref T from, nint ldFrom, ref T c, nint ldc);
}
