using Specialized.Common;

namespace Specialized.Generator.Model;

/// <summary>
/// Everything the emitter needs for one annotated method. Value-equatable and free of symbols,
/// syntax and compilations, so an unrelated edit leaves it equal and the output cached.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Types">Containing types, outermost first.</param>
/// <param name="MethodName">The method's identifier as written.</param>
/// <param name="Modifiers">The method's modifiers as written, e.g. "public static partial".</param>
/// <param name="Signature">The recognized form.</param>
/// <param name="Parameters">Parameters in declaration order.</param>
/// <param name="MaxN">Largest size with unrolled code.</param>
/// <param name="Upper">Triangle.Upper when true.</param>
/// <param name="ColumnMajor">MatrixLayout.ColumnMajor when true.</param>
/// <param name="Refine">[LeastSquares(Refine = true)]: one step of refinement after the solve.</param>
/// <param name="AllowUnsafe">The project compiles unsafe code, which <c>[SkipLocalsInit]</c> needs.</param>
internal sealed record SolverSpec(
    string Namespace,
    EquatableArray<TypeSpec> Types,
    string MethodName,
    string Modifiers,
    SolverSignature Signature,
    EquatableArray<ParameterSpec> Parameters,
    int MaxN,
    bool Upper,
    bool ColumnMajor,
    bool Refine = false,
    bool AllowUnsafe = false)
{
    /// <summary>L(i, j) stored at i·n + j; see the runtime's FactorStorage for why two cases cover four.</summary>
    public bool RowWise => Upper == ColumnMajor;
}
