using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>[SpdFactor] (Span a, int n): the Cholesky factor overwrites a's stored triangle.</summary>
internal sealed class FactorForm : CholeskyFormDescriptor
{
    private static readonly string[] s_roles = { ParameterRoles.Matrix, ParameterRoles.Order };

    /// <inheritdoc />
    public override SolveForm Form => SolveForm.Factor;

    /// <summary>
    /// Past 8 the straight-line code was slower than the runtime's vectorized kernel (measured against
    /// <c>Cholesky</c>, double: 1.77x faster at 4, even at 8, 0.57x at 16), and from n ≈ 27 the JIT
    /// compiles such methods without optimization. Sizes up to MaxN then factor a stack copy.
    /// </summary>
    public override int StraightLineLimit => 8;

    /// <inheritdoc />
    public override string[] Roles(SolverSignature signature) => s_roles;

    /// <inheritdoc />
    public override bool IsReadOnly(string role) => false;

    /// <inheritdoc />
    public override string KernelMethodName(int n) => FactorKernelEmitter.MethodName(n);

    /// <inheritdoc />
    public override string FallbackCall(SolverSpec spec) => $"Cholesky.Factor({ParameterRoles.Matrix}, n, {Storage(spec)})";

    /// <inheritdoc />
    protected override string? SharedKernel(string kernelArguments) => $"{FactorKernelEmitter.FactorOnCopyMethod}({ParameterRoles.Matrix}, n)";

    /// <inheritdoc />
    protected override void EmitKernel(SourceWriter w, SolverSpec spec, int n) => FactorKernelEmitter.Emit(w, spec, n);

    /// <inheritdoc />
    protected override void EmitHelpers(SourceWriter w, SolverSpec spec)
    {
        if (spec.MaxN > KernelLimit(spec))
        {
            w.Line();
            FactorKernelEmitter.EmitFactorOnCopy(w, spec, KernelLimit(spec) + 1);
        }
    }

    /// <inheritdoc />
    protected override string Summary(CholeskyDocumentation doc) =>
        $"Factors a symmetric positive definite A ({doc.Triangle} triangle, {doc.Layout}) in place: {doc.Factor}; the other triangle is never read or written.";

    /// <inheritdoc />
    protected override string[] Remarks(CholeskyDocumentation doc) => new[]
    {
        doc.HasRuntimeRange
            ? doc.Unrolled + $", n = {doc.AfterKernels}..{doc.MaxN} the runtime's vectorized kernel on a stack copy of a, written back only on success;"
            : doc.Unrolled + ";",
        $"n ≥ {doc.AfterMaxN} call {doc.CholeskyCref("Factor", $"{doc.Span}, int")}. {CholeskyDocumentation.Throws}",
        $"a matrix that is not positive definite returns a failure at LAPACK dpotrf's pivot; n = 1..{doc.MaxN} then leave a unchanged, while the fallback, like dpotrf, may leave part of the stored triangle overwritten.",
    };
}
