using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// Copies a block of the caller's matrix into the runtime's copy of it, where the factorization
/// first needs it. Both views store the same direction contiguously (they describe one storage
/// order at two strides), and each run is copied along it. A factorization in place passes its
/// own storage as both.
/// </summary>
internal static class BlockCopy<T>
{
    /// <summary>The rows x cols block at <paramref name="from"/> to <paramref name="to"/>; nothing when they are one block.</summary>
    public static void Rectangle(MatrixRef<T> to, MatrixRef<T> from, int rows, int cols)
    {
        if (Unsafe.AreSame(ref to.Origin, ref from.Origin))
        {
            return;
        }

        if (to.ColumnStride == 1)
        {
            for (int i = 0; i < rows; i++)
            {
                MemoryMarshal.CreateReadOnlySpan(ref from[i, 0], cols).CopyTo(MemoryMarshal.CreateSpan(ref to[i, 0], cols));
            }

            return;
        }

        for (int j = 0; j < cols; j++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref from[0, j], rows).CopyTo(MemoryMarshal.CreateSpan(ref to[0, j], rows));
        }
    }

    /// <summary>The lower triangle (i ≥ j) of the order-<paramref name="size"/> block at <paramref name="from"/> to <paramref name="to"/>; nothing when they are one block.</summary>
    public static void Lower(MatrixRef<T> to, MatrixRef<T> from, int size)
    {
        if (Unsafe.AreSame(ref to.Origin, ref from.Origin))
        {
            return;
        }

        if (to.ColumnStride == 1)
        {
            for (int i = 0; i < size; i++)
            {
                MemoryMarshal.CreateReadOnlySpan(ref from[i, 0], i + 1).CopyTo(MemoryMarshal.CreateSpan(ref to[i, 0], i + 1));
            }

            return;
        }

        for (int j = 0; j < size; j++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref from[j, j], size - j).CopyTo(MemoryMarshal.CreateSpan(ref to[j, j], size - j));
        }
    }
}
