namespace Specialized;

/// <summary>Which triangle of a symmetric matrix is read and, for in-place forms, overwritten by its factor.</summary>
public enum Triangle
{
    /// <summary>The lower triangle: A = L·Lᵀ and L overwrites the lower triangle (LAPACK's 'L').</summary>
    Lower = 0,

    /// <summary>The upper triangle: A = Uᵀ·U and U overwrites the upper triangle (LAPACK's 'U').</summary>
    Upper = 1,
}
