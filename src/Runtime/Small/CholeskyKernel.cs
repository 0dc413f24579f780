using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// Unblocked Cholesky factor and triangular solves for any n, on the stored triangle only.
/// Callers have validated every length; these methods index spans, so a mistake throws rather
/// than corrupting memory.
/// </summary>
internal static class CholeskyKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Factors in place; on failure returns the first bad pivot (not positive or not finite).</summary>
    public static SolveResult Factor(Span<T> a, int n, bool rowWise) => Factor(a, n, n, rowWise);

    /// <summary>
    /// Factors the n x n matrix at the start of <paramref name="a"/> whose rows (row-wise) or columns
    /// (column-wise) are <paramref name="ld"/> apart: the diagonal blocks of the blocked factorization.
    /// </summary>
    public static SolveResult Factor(Span<T> a, int n, int ld, bool rowWise) =>
        rowWise ? FactorRowWise(a, n, ld) : FactorColumnWise(a, n, ld);

    // L(i, j) at i·ld + j. Left-looking (Crout): each entry is one contiguous dot product, taken
    // eight rows at a time against row j (RowBlockOps), so the eight sums run side by side.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SolveResult FactorRowWise(Span<T> a, int n, int ld)
    {
        Span<T> sums = stackalloc T[RowBlockOps.Rows];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<T> rowJ = a.Slice(j * ld, j);
            T d = a[j * ld + j] - VectorOps.Dot(rowJ, rowJ);
            if (!IsValidPivot(d))
            {
                return SolveResult.Failed(j);
            }

            T ljj = T.Sqrt(d);
            a[j * ld + j] = ljj;
            T r = T.One / ljj;
            int i = j + 1;
            for (; i + RowBlockOps.Rows <= n; i += RowBlockOps.Rows)
            {
                RowBlockOps.Dot(a.Slice(i * ld), ld, rowJ, sums);
                for (int k = 0; k < RowBlockOps.Rows; k++)
                {
                    int ij = (i + k) * ld + j;
                    a[ij] = (a[ij] - sums[k]) * r;
                }
            }

            for (; i < n; i++)
            {
                int ij = i * ld + j;
                a[ij] = (a[ij] - VectorOps.Dot(a.Slice(i * ld, j), rowJ)) * r;
            }
        }

        return SolveResult.Succeeded;
    }

    // L(i, j) at j·ld + i, i.e. row j of the buffer holds column j of L. Left-looking: column j is
    // A(j.., j) minus the columns before it, each scaled by its entry in row j, taken eight columns
    // at a time (RowBlockOps.Subtract: one pass over column j per eight), then scaled by its pivot.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SolveResult FactorColumnWise(Span<T> a, int n, int ld)
    {
        Span<T> coefficients = stackalloc T[RowBlockOps.Rows];
        for (int j = 0; j < n; j++)
        {
            Span<T> column = a.Slice(j * ld + j, n - j);
            int k = 0;
            for (; k + RowBlockOps.Rows <= j; k += RowBlockOps.Rows)
            {
                for (int r = 0; r < RowBlockOps.Rows; r++)
                {
                    coefficients[r] = a[(k + r) * ld + j];
                }

                RowBlockOps.Subtract(a.Slice(k * ld + j), ld, coefficients, column);
            }

            for (; k < j; k++)
            {
                VectorOps.Axpy(-a[k * ld + j], a.Slice(k * ld + j, n - j), column);
            }

            T d = column[0];
            if (!IsValidPivot(d))
            {
                return SolveResult.Failed(j);
            }

            T ljj = T.Sqrt(d);
            column[0] = ljj;
            VectorOps.Scale(T.One / ljj, column.Slice(1));
        }

        return SolveResult.Succeeded;
    }

    /// <summary>
    /// Solves L·Lᵀ·X = B in place, B n x nrhs row-major, a row of B at a time: the many-rhs solve
    /// for orders below the blocked crossover.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<T> l, Span<T> b, int n, int nrhs, bool rowWise)
    {
        int rowStride = rowWise ? n : 1;
        int colStride = rowWise ? 1 : n;

        // L·Y = B, one row of Y at a time.
        for (int i = 0; i < n; i++)
        {
            Span<T> yi = b.Slice(i * nrhs, nrhs);
            for (int k = 0; k < i; k++)
            {
                VectorOps.Axpy(-l[i * rowStride + k * colStride], b.Slice(k * nrhs, nrhs), yi);
            }

            VectorOps.Scale(T.One / l[i * rowStride + i * colStride], yi);
        }

        // Lᵀ·X = Y, from the last row up.
        for (int i = n - 1; i >= 0; i--)
        {
            Span<T> xi = b.Slice(i * nrhs, nrhs);
            for (int k = i + 1; k < n; k++)
            {
                VectorOps.Axpy(-l[k * rowStride + i * colStride], b.Slice(k * nrhs, nrhs), xi);
            }

            VectorOps.Scale(T.One / l[i * rowStride + i * colStride], xi);
        }
    }

    /// <summary>
    /// A few right-hand sides: each column of B is gathered into <paramref name="column"/> (n long),
    /// solved as one vector, and scattered back, so every step still runs along the factor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SolveByColumns(ReadOnlySpan<T> l, Span<T> b, int n, int nrhs, bool rowWise, Span<T> column)
    {
        for (int j = 0; j < nrhs; j++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = b[i * nrhs + j];
            }

            VectorSubstitution<T>.Solve(l, column, n, rowWise);
            for (int i = 0; i < n; i++)
            {
                b[i * nrhs + j] = column[i];
            }
        }
    }

    /// <summary>Copies only the stored triangle (the one the factor will use) from a to scratch.</summary>
    public static void CopyTriangle(ReadOnlySpan<T> a, Span<T> scratch, int n, bool rowWise) => CopyTriangle(a, scratch, n, n, rowWise);

    /// <summary>As <see cref="CopyTriangle(ReadOnlySpan{T}, Span{T}, int, bool)"/>, buffer row i of scratch at i·<paramref name="ld"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CopyTriangle(ReadOnlySpan<T> a, Span<T> scratch, int n, int ld, bool rowWise)
    {
        for (int i = 0; i < n; i++)
        {
            // Row-wise: row i of L is (i, 0..i). Column-wise: buffer row i holds L(i..n-1, i).
            int first = rowWise ? 0 : i;
            int length = rowWise ? i + 1 : n - i;
            a.Slice(i * n + first, length).CopyTo(scratch.Slice(i * ld + first, length));
        }
    }

    /// <summary>
    /// Copies the stored triangle into column-wise storage (L(i, j), i ≥ j, at j·n + i: buffer row j
    /// holds column j of L from the diagonal down), whatever the source's storage.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CopyTriangleColumnWise(ReadOnlySpan<T> a, Span<T> scratch, int n, bool rowWise)
    {
        if (!rowWise)
        {
            CopyTriangle(a, scratch, n, rowWise: false);
            return;
        }

        // Row i of the source holds L(i, 0..i); each element goes to buffer row j.
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> row = a.Slice(i * n, i + 1);
            for (int j = 0; j <= i; j++)
            {
                scratch[j * n + i] = row[j];
            }
        }
    }

    /// <summary>
    /// Given the factor L in column-wise storage (see <see cref="CopyTriangleColumnWise"/>), overwrites
    /// it with W = L⁻¹ and writes A⁻¹ = Wᵀ·W to both triangles of <paramref name="inverse"/> (n x n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InvertFactored(Span<T> l, Span<T> inverse, int n)
    {
        // W = L⁻¹ in place, from the last column back (LAPACK dtrti2, lower, non-unit): with the
        // trailing block already inverted, W(j+1.., j) = −W(j, j)·W(j+1.., j+1..)·L(j+1.., j).
        for (int j = n - 1; j >= 0; j--)
        {
            T d = T.One / l[j * n + j];
            l[j * n + j] = d;
            Span<T> x = l.Slice(j * n + j + 1, n - j - 1);

            // x := W(j+1.., j+1..)·x, one column of the lower-triangular W at a time, from the last:
            // x(k) is still the input when its column is applied, and only entries below k change.
            for (int k = n - 1; k > j; k--)
            {
                T xk = x[k - j - 1];
                VectorOps.Axpy(xk, (ReadOnlySpan<T>)l.Slice(k * n + k + 1, n - k - 1), x.Slice(k - j));
                x[k - j - 1] = xk * l[k * n + k];
            }

            VectorOps.Scale(-d, x);
        }

        // A⁻¹(i, j) = Σ_{k≥i} W(k, i)·W(k, j) for i ≥ j: a contiguous dot product of buffer rows i and j.
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> wi = l.Slice(i * n + i, n - i);
            for (int j = 0; j <= i; j++)
            {
                T value = VectorOps.Dot(wi, l.Slice(j * n + i, n - i));
                inverse[i * n + j] = value;
                inverse[j * n + i] = value;
            }
        }
    }

    // A pivot must be positive and finite; NaN fails every comparison.
    private static bool IsValidPivot(T d) => d > T.Zero && T.IsFinite(d);
}
