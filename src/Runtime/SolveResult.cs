using System;
using System.Globalization;

namespace Specialized;

/// <summary>
/// The outcome of a factorization or solve: success, or the first leading minor that is not
/// positive definite. Numerical failure is reported here, never thrown.
/// </summary>
/// <remarks>
/// <c>default(SolveResult)</c> is a success, as LAPACK's INFO = 0 is.
/// </remarks>
public readonly struct SolveResult : IEquatable<SolveResult>
{
    // LAPACK's INFO: 0 on success, k > 0 when the leading minor of order k failed.
    private readonly int _info;

    private SolveResult(int info) => _info = info;

    /// <summary>A successful result.</summary>
    public static SolveResult Succeeded => default;

    /// <summary>A failure at the given 0-based pivot.</summary>
    /// <param name="pivot">The 0-based index of the first leading minor that is not positive or not finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pivot"/> is negative or <see cref="int.MaxValue"/>.</exception>
    public static SolveResult Failed(int pivot)
    {
        if ((uint)pivot >= int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(pivot), pivot, "A failed pivot is a 0-based index.");
        }

        return new SolveResult(pivot + 1);
    }

    /// <summary>Whether the matrix was positive definite and the output was written.</summary>
    public bool Success => _info == 0;

    /// <summary>
    /// The 0-based index of the first leading minor that is not positive or not finite, or -1 on
    /// success; LAPACK's INFO − 1.
    /// </summary>
    public int FailedPivot => _info - 1;

    /// <summary>Lets a result stand where a <see cref="bool"/> is expected: <see langword="true"/> on success.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator bool(SolveResult result) => result.Success;

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether both succeeded or both failed at the same pivot.</returns>
    public static bool operator ==(SolveResult left, SolveResult right) => left._info == right._info;

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SolveResult left, SolveResult right) => left._info != right._info;

    /// <inheritdoc />
    public bool Equals(SolveResult other) => _info == other._info;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SolveResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _info;

    /// <inheritdoc />
    public override string ToString() =>
        Success ? "Success" : "Not positive definite at pivot " + FailedPivot.ToString(CultureInfo.InvariantCulture);
}
