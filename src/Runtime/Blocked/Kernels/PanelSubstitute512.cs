using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>
/// The direct substitution of the panel solve, B := B·L⁻ᵀ, for the common strip of 16 columns with
/// AVX-512: each group of rows (8 doubles or 16 floats, one vector) is held as sixteen vectors, one
/// per column (transposed in registers when B's rows are the contiguous direction), solved there and
/// stored back. The scalar-vector substitution it replaces streamed every column through memory once
/// per earlier column.
/// </summary>
/// <remarks>
/// Per element the operations are those of <see cref="PanelSolve{T, TKernel}"/>'s column substitution,
/// x(j) · (1 / L(j, j)) and then x(c) − L(c, j)·x(j) in one rounding for each later c, so a row gives
/// the same bits whichever of the two solves it, and so whatever the rows each thread is given.
/// </remarks>
internal static class PanelSubstitute512<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int Width = 16;

    /// <summary>Rows per group: one Vector512.</summary>
    public static int Group => Vector512<T>.Count;

    public static bool IsSupported => Avx512F.IsSupported && (typeof(T) == typeof(double) || typeof(T) == typeof(float));

    /// <summary>
    /// Solves rows [0, groups·<see cref="Group"/>) of the 16-column block at <paramref name="b"/> (rows
    /// <paramref name="ldb"/> apart, columns contiguous) against the lower triangle of the 16 x 16 L at
    /// <paramref name="l"/> (L(i, j) at i·<paramref name="lRow"/> + j·<paramref name="lColumn"/>); the caller
    /// has checked every extent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ref T l, nint lRow, nint lColumn, ref T b, nint ldb, int groups)
    {
        Span<T> packed = stackalloc T[136];
        Pack(ref l, lRow, lColumn, packed);
        ref T t = ref MemoryMarshal.GetReference(packed);
        for (int g = 0; g < groups; g++)
        {
            ref T rows = ref Unsafe.Add(ref b, g * Group * ldb);
            if (typeof(T) == typeof(double))
            {
                // Eight rows of two vectors each: two 8 x 8 transposes.
                Vector512<T> x0 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 0 * ldb + 0));
                Vector512<T> x1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 1 * ldb + 0));
                Vector512<T> x2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 2 * ldb + 0));
                Vector512<T> x3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 3 * ldb + 0));
                Vector512<T> x4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 4 * ldb + 0));
                Vector512<T> x5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 5 * ldb + 0));
                Vector512<T> x6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 6 * ldb + 0));
                Vector512<T> x7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 7 * ldb + 0));
                Vector512<T> x8 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 0 * ldb + 8));
                Vector512<T> x9 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 1 * ldb + 8));
                Vector512<T> x10 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 2 * ldb + 8));
                Vector512<T> x11 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 3 * ldb + 8));
                Vector512<T> x12 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 4 * ldb + 8));
                Vector512<T> x13 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 5 * ldb + 8));
                Vector512<T> x14 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 6 * ldb + 8));
                Vector512<T> x15 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 7 * ldb + 8));
                Transpose8(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7);
                Transpose8(ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
                Solve(ref t, ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7, ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
                Transpose8(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7);
                Transpose8(ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
                x0.StoreUnsafe(ref Unsafe.Add(ref rows, 0 * ldb + 0));
                x1.StoreUnsafe(ref Unsafe.Add(ref rows, 1 * ldb + 0));
                x2.StoreUnsafe(ref Unsafe.Add(ref rows, 2 * ldb + 0));
                x3.StoreUnsafe(ref Unsafe.Add(ref rows, 3 * ldb + 0));
                x4.StoreUnsafe(ref Unsafe.Add(ref rows, 4 * ldb + 0));
                x5.StoreUnsafe(ref Unsafe.Add(ref rows, 5 * ldb + 0));
                x6.StoreUnsafe(ref Unsafe.Add(ref rows, 6 * ldb + 0));
                x7.StoreUnsafe(ref Unsafe.Add(ref rows, 7 * ldb + 0));
                x8.StoreUnsafe(ref Unsafe.Add(ref rows, 0 * ldb + 8));
                x9.StoreUnsafe(ref Unsafe.Add(ref rows, 1 * ldb + 8));
                x10.StoreUnsafe(ref Unsafe.Add(ref rows, 2 * ldb + 8));
                x11.StoreUnsafe(ref Unsafe.Add(ref rows, 3 * ldb + 8));
                x12.StoreUnsafe(ref Unsafe.Add(ref rows, 4 * ldb + 8));
                x13.StoreUnsafe(ref Unsafe.Add(ref rows, 5 * ldb + 8));
                x14.StoreUnsafe(ref Unsafe.Add(ref rows, 6 * ldb + 8));
                x15.StoreUnsafe(ref Unsafe.Add(ref rows, 7 * ldb + 8));
            }
            else
            {
                // Sixteen rows of one vector each: one 16 x 16 transpose.
                Vector512<T> x0 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 0 * ldb));
                Vector512<T> x1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 1 * ldb));
                Vector512<T> x2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 2 * ldb));
                Vector512<T> x3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 3 * ldb));
                Vector512<T> x4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 4 * ldb));
                Vector512<T> x5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 5 * ldb));
                Vector512<T> x6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 6 * ldb));
                Vector512<T> x7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 7 * ldb));
                Vector512<T> x8 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 8 * ldb));
                Vector512<T> x9 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 9 * ldb));
                Vector512<T> x10 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 10 * ldb));
                Vector512<T> x11 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 11 * ldb));
                Vector512<T> x12 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 12 * ldb));
                Vector512<T> x13 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 13 * ldb));
                Vector512<T> x14 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 14 * ldb));
                Vector512<T> x15 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 15 * ldb));
                Transpose16(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7, ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
                Solve(ref t, ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7, ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
                Transpose16(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7, ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
                x0.StoreUnsafe(ref Unsafe.Add(ref rows, 0 * ldb));
                x1.StoreUnsafe(ref Unsafe.Add(ref rows, 1 * ldb));
                x2.StoreUnsafe(ref Unsafe.Add(ref rows, 2 * ldb));
                x3.StoreUnsafe(ref Unsafe.Add(ref rows, 3 * ldb));
                x4.StoreUnsafe(ref Unsafe.Add(ref rows, 4 * ldb));
                x5.StoreUnsafe(ref Unsafe.Add(ref rows, 5 * ldb));
                x6.StoreUnsafe(ref Unsafe.Add(ref rows, 6 * ldb));
                x7.StoreUnsafe(ref Unsafe.Add(ref rows, 7 * ldb));
                x8.StoreUnsafe(ref Unsafe.Add(ref rows, 8 * ldb));
                x9.StoreUnsafe(ref Unsafe.Add(ref rows, 9 * ldb));
                x10.StoreUnsafe(ref Unsafe.Add(ref rows, 10 * ldb));
                x11.StoreUnsafe(ref Unsafe.Add(ref rows, 11 * ldb));
                x12.StoreUnsafe(ref Unsafe.Add(ref rows, 12 * ldb));
                x13.StoreUnsafe(ref Unsafe.Add(ref rows, 13 * ldb));
                x14.StoreUnsafe(ref Unsafe.Add(ref rows, 14 * ldb));
                x15.StoreUnsafe(ref Unsafe.Add(ref rows, 15 * ldb));
            }
        }
    }

    /// <summary>
    /// As <see cref="Run"/> for a block whose columns are contiguous (column j at j·<paramref name="ldb"/>):
    /// each group of rows is already one vector of every column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunColumns(ref T l, nint lRow, nint lColumn, ref T b, nint ldb, int groups)
    {
        Span<T> packed = stackalloc T[136];
        Pack(ref l, lRow, lColumn, packed);
        ref T t = ref MemoryMarshal.GetReference(packed);
        for (int g = 0; g < groups; g++)
        {
            ref T rows = ref Unsafe.Add(ref b, g * Group);
            Vector512<T> x0 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 0 * ldb));
            Vector512<T> x1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 1 * ldb));
            Vector512<T> x2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 2 * ldb));
            Vector512<T> x3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 3 * ldb));
            Vector512<T> x4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 4 * ldb));
            Vector512<T> x5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 5 * ldb));
            Vector512<T> x6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 6 * ldb));
            Vector512<T> x7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 7 * ldb));
            Vector512<T> x8 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 8 * ldb));
            Vector512<T> x9 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 9 * ldb));
            Vector512<T> x10 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 10 * ldb));
            Vector512<T> x11 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 11 * ldb));
            Vector512<T> x12 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 12 * ldb));
            Vector512<T> x13 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 13 * ldb));
            Vector512<T> x14 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 14 * ldb));
            Vector512<T> x15 = Vector512.LoadUnsafe(ref Unsafe.Add(ref rows, 15 * ldb));
            Solve(ref t, ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7, ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
            x0.StoreUnsafe(ref Unsafe.Add(ref rows, 0 * ldb));
            x1.StoreUnsafe(ref Unsafe.Add(ref rows, 1 * ldb));
            x2.StoreUnsafe(ref Unsafe.Add(ref rows, 2 * ldb));
            x3.StoreUnsafe(ref Unsafe.Add(ref rows, 3 * ldb));
            x4.StoreUnsafe(ref Unsafe.Add(ref rows, 4 * ldb));
            x5.StoreUnsafe(ref Unsafe.Add(ref rows, 5 * ldb));
            x6.StoreUnsafe(ref Unsafe.Add(ref rows, 6 * ldb));
            x7.StoreUnsafe(ref Unsafe.Add(ref rows, 7 * ldb));
            x8.StoreUnsafe(ref Unsafe.Add(ref rows, 8 * ldb));
            x9.StoreUnsafe(ref Unsafe.Add(ref rows, 9 * ldb));
            x10.StoreUnsafe(ref Unsafe.Add(ref rows, 10 * ldb));
            x11.StoreUnsafe(ref Unsafe.Add(ref rows, 11 * ldb));
            x12.StoreUnsafe(ref Unsafe.Add(ref rows, 12 * ldb));
            x13.StoreUnsafe(ref Unsafe.Add(ref rows, 13 * ldb));
            x14.StoreUnsafe(ref Unsafe.Add(ref rows, 14 * ldb));
            x15.StoreUnsafe(ref Unsafe.Add(ref rows, 15 * ldb));
        }
    }

    /// <summary>
    /// The last 0 &lt; <paramref name="rows"/> &lt; <see cref="Group"/> rows of a block whose rows
    /// (<paramref name="bColumn"/> = 1) or columns (<paramref name="bRow"/> = 1) are contiguous, through a
    /// group-sized copy in the same layout whose other rows are zero. Each row sees the operations a full
    /// group gives it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunPartial(ref T l, nint lRow, nint lColumn, ref T b, nint bRow, nint bColumn, int rows)
    {
        int count = Vector512<T>.Count;
        Span<T> group = stackalloc T[Width * count];
        group.Clear();

        // Runs of the copy: a row of Width elements, or a column of `rows`; its own layout's stride.
        bool byRows = bColumn == 1;
        int runs = byRows ? rows : Width, length = byRows ? Width : rows, stride = byRows ? Width : count;
        nint source = byRows ? bRow : bColumn;
        for (int k = 0; k < runs; k++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, k * source), length).CopyTo(group.Slice(k * stride, length));
        }

        if (byRows)
        {
            Run(ref l, lRow, lColumn, ref MemoryMarshal.GetReference(group), Width, 1);
        }
        else
        {
            RunColumns(ref l, lRow, lColumn, ref MemoryMarshal.GetReference(group), count, 1);
        }

        for (int k = 0; k < runs; k++)
        {
            group.Slice(k * stride, length).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref b, k * source), length));
        }
    }

    // Forward substitution on the sixteen columns of one group, right-looking: column j is scaled by
    // 1 / L(j, j), then taken from every later column c with weight L(c, j) (stored negated).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Solve(ref T t, ref Vector512<T> x0, ref Vector512<T> x1, ref Vector512<T> x2, ref Vector512<T> x3, ref Vector512<T> x4, ref Vector512<T> x5, ref Vector512<T> x6, ref Vector512<T> x7, ref Vector512<T> x8, ref Vector512<T> x9, ref Vector512<T> x10, ref Vector512<T> x11, ref Vector512<T> x12, ref Vector512<T> x13, ref Vector512<T> x14, ref Vector512<T> x15)
    {
        x0 *= Vector512.Create(Unsafe.Add(ref t, 0));
        x1 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 1)), x0, x1);
        x2 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 3)), x0, x2);
        x3 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 6)), x0, x3);
        x4 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 10)), x0, x4);
        x5 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 15)), x0, x5);
        x6 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 21)), x0, x6);
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 28)), x0, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 36)), x0, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 45)), x0, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 55)), x0, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 66)), x0, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 78)), x0, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 91)), x0, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 105)), x0, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 120)), x0, x15);
        x1 *= Vector512.Create(Unsafe.Add(ref t, 2));
        x2 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 4)), x1, x2);
        x3 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 7)), x1, x3);
        x4 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 11)), x1, x4);
        x5 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 16)), x1, x5);
        x6 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 22)), x1, x6);
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 29)), x1, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 37)), x1, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 46)), x1, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 56)), x1, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 67)), x1, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 79)), x1, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 92)), x1, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 106)), x1, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 121)), x1, x15);
        x2 *= Vector512.Create(Unsafe.Add(ref t, 5));
        x3 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 8)), x2, x3);
        x4 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 12)), x2, x4);
        x5 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 17)), x2, x5);
        x6 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 23)), x2, x6);
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 30)), x2, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 38)), x2, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 47)), x2, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 57)), x2, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 68)), x2, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 80)), x2, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 93)), x2, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 107)), x2, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 122)), x2, x15);
        x3 *= Vector512.Create(Unsafe.Add(ref t, 9));
        x4 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 13)), x3, x4);
        x5 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 18)), x3, x5);
        x6 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 24)), x3, x6);
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 31)), x3, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 39)), x3, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 48)), x3, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 58)), x3, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 69)), x3, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 81)), x3, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 94)), x3, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 108)), x3, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 123)), x3, x15);
        x4 *= Vector512.Create(Unsafe.Add(ref t, 14));
        x5 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 19)), x4, x5);
        x6 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 25)), x4, x6);
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 32)), x4, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 40)), x4, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 49)), x4, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 59)), x4, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 70)), x4, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 82)), x4, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 95)), x4, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 109)), x4, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 124)), x4, x15);
        x5 *= Vector512.Create(Unsafe.Add(ref t, 20));
        x6 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 26)), x5, x6);
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 33)), x5, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 41)), x5, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 50)), x5, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 60)), x5, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 71)), x5, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 83)), x5, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 96)), x5, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 110)), x5, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 125)), x5, x15);
        x6 *= Vector512.Create(Unsafe.Add(ref t, 27));
        x7 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 34)), x6, x7);
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 42)), x6, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 51)), x6, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 61)), x6, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 72)), x6, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 84)), x6, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 97)), x6, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 111)), x6, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 126)), x6, x15);
        x7 *= Vector512.Create(Unsafe.Add(ref t, 35));
        x8 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 43)), x7, x8);
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 52)), x7, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 62)), x7, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 73)), x7, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 85)), x7, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 98)), x7, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 112)), x7, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 127)), x7, x15);
        x8 *= Vector512.Create(Unsafe.Add(ref t, 44));
        x9 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 53)), x8, x9);
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 63)), x8, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 74)), x8, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 86)), x8, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 99)), x8, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 113)), x8, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 128)), x8, x15);
        x9 *= Vector512.Create(Unsafe.Add(ref t, 54));
        x10 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 64)), x9, x10);
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 75)), x9, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 87)), x9, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 100)), x9, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 114)), x9, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 129)), x9, x15);
        x10 *= Vector512.Create(Unsafe.Add(ref t, 65));
        x11 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 76)), x10, x11);
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 88)), x10, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 101)), x10, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 115)), x10, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 130)), x10, x15);
        x11 *= Vector512.Create(Unsafe.Add(ref t, 77));
        x12 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 89)), x11, x12);
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 102)), x11, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 116)), x11, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 131)), x11, x15);
        x12 *= Vector512.Create(Unsafe.Add(ref t, 90));
        x13 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 103)), x12, x13);
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 117)), x12, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 132)), x12, x15);
        x13 *= Vector512.Create(Unsafe.Add(ref t, 104));
        x14 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 118)), x13, x14);
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 133)), x13, x15);
        x14 *= Vector512.Create(Unsafe.Add(ref t, 119));
        x15 = FusedMultiplyAdd.Apply(Vector512.Create(Unsafe.Add(ref t, 134)), x14, x15);
        x15 *= Vector512.Create(Unsafe.Add(ref t, 135));
    }

    // The triangle packed row by row, negated, with its diagonal replaced by the reciprocals, so every
    // broadcast in the solve reads a constant offset.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pack(ref T l, nint lRow, nint lColumn, Span<T> packed)
    {
        int k = 0;
        for (int i = 0; i < Width; i++)
        {
            for (int j = 0; j < i; j++)
            {
                packed[k++] = -Unsafe.Add(ref l, i * lRow + j * lColumn);
            }

            packed[k++] = T.One / Unsafe.Add(ref l, i * (lRow + lColumn));
        }
    }

    // 8 x 8 doubles: element c of vector r becomes element r of vector c. Unpacks within 128-bit pairs,
    // then two rounds of 128-bit block shuffles.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(ref Vector512<T> r0, ref Vector512<T> r1, ref Vector512<T> r2, ref Vector512<T> r3, ref Vector512<T> r4, ref Vector512<T> r5, ref Vector512<T> r6, ref Vector512<T> r7)
    {
        Vector512<double> t0 = Avx512F.UnpackLow(r0.AsDouble(), r1.AsDouble()), t1 = Avx512F.UnpackHigh(r0.AsDouble(), r1.AsDouble());
        Vector512<double> t2 = Avx512F.UnpackLow(r2.AsDouble(), r3.AsDouble()), t3 = Avx512F.UnpackHigh(r2.AsDouble(), r3.AsDouble());
        Vector512<double> t4 = Avx512F.UnpackLow(r4.AsDouble(), r5.AsDouble()), t5 = Avx512F.UnpackHigh(r4.AsDouble(), r5.AsDouble());
        Vector512<double> t6 = Avx512F.UnpackLow(r6.AsDouble(), r7.AsDouble()), t7 = Avx512F.UnpackHigh(r6.AsDouble(), r7.AsDouble());
        Vector512<double> u0 = Avx512F.Shuffle4x128(t0, t2, 0x88), u1 = Avx512F.Shuffle4x128(t0, t2, 0xDD);
        Vector512<double> u2 = Avx512F.Shuffle4x128(t1, t3, 0x88), u3 = Avx512F.Shuffle4x128(t1, t3, 0xDD);
        Vector512<double> u4 = Avx512F.Shuffle4x128(t4, t6, 0x88), u5 = Avx512F.Shuffle4x128(t4, t6, 0xDD);
        Vector512<double> u6 = Avx512F.Shuffle4x128(t5, t7, 0x88), u7 = Avx512F.Shuffle4x128(t5, t7, 0xDD);
        r0 = Avx512F.Shuffle4x128(u0, u4, 0x88).As<double, T>();
        r4 = Avx512F.Shuffle4x128(u0, u4, 0xDD).As<double, T>();
        r2 = Avx512F.Shuffle4x128(u1, u5, 0x88).As<double, T>();
        r6 = Avx512F.Shuffle4x128(u1, u5, 0xDD).As<double, T>();
        r1 = Avx512F.Shuffle4x128(u2, u6, 0x88).As<double, T>();
        r5 = Avx512F.Shuffle4x128(u2, u6, 0xDD).As<double, T>();
        r3 = Avx512F.Shuffle4x128(u3, u7, 0x88).As<double, T>();
        r7 = Avx512F.Shuffle4x128(u3, u7, 0xDD).As<double, T>();
    }

    // 16 x 16 floats: within each four rows, unpacks of single and then of paired elements; then a 4 x 4
    // transpose of 128-bit blocks across the four groups. Built from steps of four vectors because the
    // JIT does not inline a method with more than 32 locals: with all 48 temporaries in one method it
    // stayed a call, and all sixteen vectors of the group lived on the stack.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose16(ref Vector512<T> r0, ref Vector512<T> r1, ref Vector512<T> r2, ref Vector512<T> r3, ref Vector512<T> r4, ref Vector512<T> r5, ref Vector512<T> r6, ref Vector512<T> r7, ref Vector512<T> r8, ref Vector512<T> r9, ref Vector512<T> r10, ref Vector512<T> r11, ref Vector512<T> r12, ref Vector512<T> r13, ref Vector512<T> r14, ref Vector512<T> r15)
    {
        Interleave4(ref r0, ref r1, ref r2, ref r3);
        Interleave4(ref r4, ref r5, ref r6, ref r7);
        Interleave4(ref r8, ref r9, ref r10, ref r11);
        Interleave4(ref r12, ref r13, ref r14, ref r15);
        GatherBlocks(ref r0, ref r4, ref r8, ref r12);
        GatherBlocks(ref r1, ref r5, ref r9, ref r13);
        GatherBlocks(ref r2, ref r6, ref r10, ref r14);
        GatherBlocks(ref r3, ref r7, ref r11, ref r15);
    }

    // Four rows of floats to four vectors: block q of vector k holds column 4q + k of the four rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave4(ref Vector512<T> r0, ref Vector512<T> r1, ref Vector512<T> r2, ref Vector512<T> r3)
    {
        Vector512<double> t0 = Avx512F.UnpackLow(r0.AsSingle(), r1.AsSingle()).AsDouble(), t1 = Avx512F.UnpackHigh(r0.AsSingle(), r1.AsSingle()).AsDouble();
        Vector512<double> t2 = Avx512F.UnpackLow(r2.AsSingle(), r3.AsSingle()).AsDouble(), t3 = Avx512F.UnpackHigh(r2.AsSingle(), r3.AsSingle()).AsDouble();
        r0 = Avx512F.UnpackLow(t0, t2).As<double, T>();
        r1 = Avx512F.UnpackHigh(t0, t2).As<double, T>();
        r2 = Avx512F.UnpackLow(t1, t3).As<double, T>();
        r3 = Avx512F.UnpackHigh(t1, t3).As<double, T>();
    }

    // A 4 x 4 transpose of 128-bit blocks, one input per group of four rows: result q holds block q of
    // each input in turn, so inputs holding element k of their blocks give columns k, 4 + k, 8 + k, 12 + k.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GatherBlocks(ref Vector512<T> g0, ref Vector512<T> g1, ref Vector512<T> g2, ref Vector512<T> g3)
    {
        Vector512<float> a = Avx512F.Shuffle4x128(g0.AsSingle(), g1.AsSingle(), 0x88), b = Avx512F.Shuffle4x128(g0.AsSingle(), g1.AsSingle(), 0xDD);
        Vector512<float> c = Avx512F.Shuffle4x128(g2.AsSingle(), g3.AsSingle(), 0x88), d = Avx512F.Shuffle4x128(g2.AsSingle(), g3.AsSingle(), 0xDD);
        g0 = Avx512F.Shuffle4x128(a, c, 0x88).As<float, T>();
        g2 = Avx512F.Shuffle4x128(a, c, 0xDD).As<float, T>();
        g1 = Avx512F.Shuffle4x128(b, d, 0x88).As<float, T>();
        g3 = Avx512F.Shuffle4x128(b, d, 0xDD).As<float, T>();
    }
}
