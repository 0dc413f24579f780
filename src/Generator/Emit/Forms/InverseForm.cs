using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>[SpdInverse] (ReadOnlySpan a, Span inverse, int n): the full symmetric inverse.</summary>
internal sealed class InverseForm : CholeskyFormDescriptor
{
    private static readonly string[] s_roles = { ParameterRoles.Matrix, ParameterRoles.Inverse, ParameterRoles.Order };

    /// <inheritdoc />
    public override SolveForm Form => SolveForm.Inverse;

    /// <summary>
    /// Past 12 the straight-line code was slower than the runtime's vectorized kernel (measured against
    /// <c>Cholesky</c>, double: 1.16x faster at 12, 0.76x at 16), and from n ≈ 19 the JIT compiles
    /// such methods without optimization.
    /// </summary>
    public override int StraightLineLimit => 12;

    /// <inheritdoc />
    public override string[] Roles(SolverSignature signature) => s_roles;

    /// <inheritdoc />
    public override bool IsReadOnly(string role) => role == ParameterRoles.Matrix;

    /// <inheritdoc />
    public override string KernelMethodName(int n) => InverseKernelEmitter.MethodName(n);

    /// <inheritdoc />
    public override string FallbackCall(SolverSpec spec) =>
        $"Cholesky.Invert({ParameterRoles.Matrix}, {ParameterRoles.Inverse}, n, {Storage(spec)})";

    /// <inheritdoc />
    protected override void EmitKernel(SourceWriter w, SolverSpec spec, int n) => InverseKernelEmitter.Emit(w, spec, n);

    /// <inheritdoc />
    protected override string Summary(CholeskyDocumentation doc) =>
        $"Writes the inverse of a symmetric positive definite A ({doc.Triangle} triangle read, {doc.Layout}) to both triangles of inverse, leaving a unchanged.";

    /// <inheritdoc />
    protected override string[] Remarks(CholeskyDocumentation doc) => new[]
    {
        doc.Unrolled + ";",
        $"n ≥ {doc.AfterKernels} call {doc.CholeskyCref("Invert", $"{doc.ReadOnlySpan}, {doc.Span}, int")}{doc.Faster}. {CholeskyDocumentation.Throws}",
        "a matrix that is not positive definite returns a failure and leaves the inverse unchanged.",
    };
}
