namespace Specialized;

/// <summary>
/// Where the Cholesky factor's element L(i, j), i ≥ j, sits. Lower/row-major and upper/column-major
/// store the same numbers at the same offsets (U = Lᵀ), so two cases cover all four.
/// </summary>
internal static class FactorStorage
{
    /// <summary>True when L(i, j) is at i·n + j (each row of L contiguous); false when at j·n + i.</summary>
    public static bool IsRowWise(Triangle triangle, MatrixLayout layout) =>
        (triangle == Triangle.Lower) == (layout == MatrixLayout.RowMajor);
}
