using System;

namespace Specialized;

/// <summary>
/// A batch solver as <c>[SpdSolve]</c> generates it, or <see cref="Cholesky.SolveBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{SolveResult}, int, Triangle, MatrixLayout)"/>:
/// count = <c>results.Length</c> systems of order n, matrix k at <c>a[k·n·n ..]</c>, b_k and x_k at <c>[k·n ..]</c>.
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
/// <param name="a">The matrices, one after another.</param>
/// <param name="b">The right-hand sides.</param>
/// <param name="x">Receives the solutions.</param>
/// <param name="results">One result per system.</param>
/// <param name="n">The order of every system.</param>
public delegate void BatchSolver<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<SolveResult> results, int n);
