using Specialized.Common;

namespace Specialized.Generator.Model;

/// <summary>
/// Everything the kernels class of a generated file depends on, and nothing else: methods with equal
/// keys get the same dispatch and kernels, so they share one file and one copy of them. Names,
/// places and the return type (bool or <c>SolveResult</c>) are the partial methods' business only.
/// </summary>
/// <param name="Form">The recognized form.</param>
/// <param name="Element">The element type.</param>
/// <param name="MaxN">
/// The largest n (cols for a fit) the class serves with code of its own: MaxN, or the form's
/// straight-line limit where the form sends every larger n straight to the runtime.
/// </param>
/// <param name="Upper">Triangle.Upper when true.</param>
/// <param name="ColumnMajor">MatrixLayout.ColumnMajor when true.</param>
/// <param name="HasNrhs">b and x are n x nrhs.</param>
/// <param name="HasWeights">A fit with weights.</param>
/// <param name="HasRidge">A fit with a ridge.</param>
/// <param name="Refine">A fit with one step of refinement.</param>
/// <param name="AllowUnsafe">The project compiles unsafe code (the looped kernel then skips zeroing its stack buffer).</param>
internal sealed record KernelKey(
    SolveForm Form,
    ElementType Element,
    int MaxN,
    bool Upper,
    bool ColumnMajor,
    bool HasNrhs,
    bool HasWeights,
    bool HasRidge,
    bool Refine,
    bool AllowUnsafe);
