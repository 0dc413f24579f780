namespace Specialized.Common;

/// <summary>The attribute that asked for a solver.</summary>
internal enum SolverKind
{
    SpdSolve,
    SpdFactor,
    SpdInverse,
    LeastSquares,
}
