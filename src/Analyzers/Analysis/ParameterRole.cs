namespace Specialized.Analyzers;

/// <summary>What a solver parameter holds, by which the call-site analyzers read its arguments.</summary>
internal enum ParameterRole
{
    /// <summary>Nothing the analyzers look at (Triangle, ridge, batch results).</summary>
    Other,

    /// <summary>A matrix stored in the solver's layout: n x n (A, a factor, an inverse) or rows x cols (least squares).</summary>
    Matrix,

    /// <summary>Right-hand sides: n x nrhs, or rows for least squares.</summary>
    RightHandSide,

    /// <summary>The solution: n x nrhs, or cols for least squares.</summary>
    Solution,

    /// <summary>Least-squares row weights: rows.</summary>
    Weights,

    /// <summary>The order n of the matrix.</summary>
    Order,

    /// <summary>The number of right-hand sides (1 when absent).</summary>
    RightHandSideCount,

    /// <summary>Least-squares row count.</summary>
    Rows,

    /// <summary>Least-squares column count.</summary>
    Columns,

    /// <summary>The runtime entry points' MatrixLayout argument.</summary>
    Layout,
}
