namespace Specialized;

/// <summary>How a dense matrix is stored in a flat buffer.</summary>
public enum MatrixLayout
{
    /// <summary>Element (i, j) of an m x n matrix sits at i·n + j.</summary>
    RowMajor = 0,

    /// <summary>Element (i, j) of an m x n matrix sits at j·m + i (LAPACK's and MathNet's storage).</summary>
    ColumnMajor = 1,
}
