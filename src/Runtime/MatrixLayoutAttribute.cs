using System;

namespace Specialized;

/// <summary>
/// Declares how a buffer holds a matrix, so that the analyzers can compare it with the
/// <c>Layout</c> of the solver it is passed to (SPD0202).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class MatrixLayoutAttribute : Attribute
{
    /// <summary>Declares the layout of the annotated buffer.</summary>
    /// <param name="layout">The storage order of the matrix in the buffer.</param>
    public MatrixLayoutAttribute(MatrixLayout layout) => Layout = layout;

    /// <summary>The storage order of the matrix in the annotated buffer.</summary>
    public MatrixLayout Layout { get; }
}
