using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// A strided view of a matrix: element (i, j) at <c>Origin + i·RowStride + j·ColumnStride</c>. The
/// blocked kernels describe every operand this way, so one set of loops serves row-wise and
/// column-wise factor storage and transposed operands alike. Callers have checked the bounds of
/// the span the view was made from; nothing here checks them again.
/// </summary>
internal readonly ref struct MatrixRef<T>
{
    public readonly ref T Origin;
    public readonly nint RowStride;
    public readonly nint ColumnStride;

    public MatrixRef(ref T origin, nint rowStride, nint columnStride)
    {
        Origin = ref origin;
        RowStride = rowStride;
        ColumnStride = columnStride;
    }

    /// <summary>
    /// The factor's view of a buffer whose rows are <paramref name="ld"/> apart: L(i, j) at i·ld + j
    /// where the storage is row-wise, at j·ld + i where it is column-wise.
    /// </summary>
    public static MatrixRef<T> Factor(ref T origin, int ld, bool rowWise) => new(ref origin, rowWise ? ld : 1, rowWise ? 1 : ld);

    public ref T this[nint i, nint j] => ref Unsafe.Add(ref Origin, i * RowStride + j * ColumnStride);

    /// <summary>The view whose (0, 0) is this view's (i, j).</summary>
    public MatrixRef<T> Block(nint i, nint j) => new(ref this[i, j], RowStride, ColumnStride);

    /// <summary>The same memory read as the transpose.</summary>
    public MatrixRef<T> Transposed => new(ref Origin, ColumnStride, RowStride);
}
