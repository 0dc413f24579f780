using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>[SpdSolve] void (ReadOnlySpan factor, Span b, int n[, int nrhs]): solves with a factor made by [SpdFactor], b becomes x.</summary>
internal sealed class FactoredForm : CholeskyFormDescriptor
{
    private static readonly string[] s_roles = { ParameterRoles.Factor, ParameterRoles.Rhs, ParameterRoles.Order };
    private static readonly string[] s_rolesNrhs = { ParameterRoles.Factor, ParameterRoles.Rhs, ParameterRoles.Order, ParameterRoles.RhsCount };

    /// <inheritdoc />
    public override SolveForm Form => SolveForm.Factored;

    /// <summary>
    /// Past 12 the straight-line code was slower than the runtime's vectorized kernel (measured against
    /// <c>Cholesky</c>, double: 2.2x faster at 12, even at 16, 0.37x at 24).
    /// </summary>
    public override int StraightLineLimit => 12;

    /// <inheritdoc />
    public override string[] Roles(SolverSignature signature) => signature.HasNrhs ? s_rolesNrhs : s_roles;

    /// <inheritdoc />
    public override bool IsReadOnly(string role) => role == ParameterRoles.Factor;

    /// <inheritdoc />
    public override string KernelMethodName(int n) => FactoredSolveKernelEmitter.MethodName(n);

    /// <inheritdoc />
    public override string FallbackCall(SolverSpec spec) =>
        $"Cholesky.SolveFactored({ParameterRoles.Factor}, {ParameterRoles.Rhs}, n, {RhsCountArgument(spec.Signature)}, {Storage(spec)})";

    /// <inheritdoc />
    protected override void EmitKernel(SourceWriter w, SolverSpec spec, int n) => FactoredSolveKernelEmitter.Emit(w, spec, n);

    /// <inheritdoc />
    protected override string Summary(CholeskyDocumentation doc) =>
        $"Solves A·X = B in place of b, given the Cholesky factor of a symmetric positive definite A made by <see cref=\"global::Specialized.SpdFactorAttribute\"/> or {doc.CholeskyCref("Factor", $"{doc.Span}, int")} ({doc.Factor}, {doc.Layout}).";

    /// <inheritdoc />
    protected override string[] Remarks(CholeskyDocumentation doc) => new[]
    {
        doc.Unrolled + ";",
        $"n ≥ {doc.AfterKernels} call {doc.CholeskyCref("SolveFactored", $"{doc.ReadOnlySpan}, {doc.Span}, int, int")}{doc.Faster}. {CholeskyDocumentation.Throws}",
        "only the factor's stored triangle is read, and it is not checked: a zero or non-finite diagonal gives non-finite results.",
    };
}
