using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>[SpdSolve] (ReadOnlySpan a, ReadOnlySpan b, Span x, int n[, int nrhs]): x written, a and b left as they were.</summary>
internal sealed class KeepInputsForm : DenseSolveForm
{
    private static readonly string[] s_roles = { ParameterRoles.Matrix, ParameterRoles.Rhs, ParameterRoles.Solution, ParameterRoles.Order };
    private static readonly string[] s_rolesNrhs = { ParameterRoles.Matrix, ParameterRoles.Rhs, ParameterRoles.Solution, ParameterRoles.Order, ParameterRoles.RhsCount };

    /// <inheritdoc />
    public override SolveForm Form => SolveForm.KeepInputs;

    /// <inheritdoc />
    protected override bool SolvesInPlace => false;

    /// <inheritdoc />
    public override string[] Roles(SolverSignature signature) => signature.HasNrhs ? s_rolesNrhs : s_roles;

    /// <inheritdoc />
    public override bool IsReadOnly(string role) => role is ParameterRoles.Matrix or ParameterRoles.Rhs;

    /// <inheritdoc />
    public override string FallbackCall(SolverSpec spec) =>
        $"Cholesky.Solve({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, {ParameterRoles.Solution}, n, {RhsCountArgument(spec.Signature)}, {Storage(spec)})";

    /// <inheritdoc />
    protected override string Summary(CholeskyDocumentation doc) =>
        $"Solves A·X = B for a symmetric positive definite A ({doc.Triangle} triangle, {doc.Layout}), into x, leaving a and b unchanged.";
}
