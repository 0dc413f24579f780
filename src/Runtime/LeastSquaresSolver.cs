using System;

namespace Specialized;

/// <summary>
/// One least-squares fit as <c>[LeastSquares]</c> generates it, or <see cref="LeastSquares.Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, double, MatrixLayout, bool)"/>
/// in a lambda: x (cols elements) minimizes ‖A·x − b‖₂ for the rows x cols matrix A.
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
/// <param name="a">The rows x cols matrix.</param>
/// <param name="b">The rows observations.</param>
/// <param name="x">Receives the cols coefficients.</param>
/// <param name="rows">The number of rows of A.</param>
/// <param name="cols">The number of columns of A.</param>
/// <returns>Success, or the pivot at which AᵀA (plus any ridge) stopped being positive definite.</returns>
public delegate SolveResult LeastSquaresSolver<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int rows, int cols);

/// <summary>
/// One weighted least-squares fit as <c>[LeastSquares]</c> generates it with a <c>w</c> parameter, or
/// <see cref="LeastSquares.FitWeighted(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, double, MatrixLayout, bool)"/>
/// in a lambda: x minimizes Σ wᵢ·(Aᵢ·x − bᵢ)².
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
/// <param name="a">The rows x cols matrix.</param>
/// <param name="b">The rows observations.</param>
/// <param name="w">The rows weights.</param>
/// <param name="x">Receives the cols coefficients.</param>
/// <param name="rows">The number of rows of A.</param>
/// <param name="cols">The number of columns of A.</param>
/// <returns>Success, or the pivot at which AᵀWA (plus any ridge) stopped being positive definite.</returns>
public delegate SolveResult WeightedLeastSquaresSolver<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> w, Span<T> x, int rows, int cols);
