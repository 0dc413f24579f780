using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>[SpdSolve] (Span a, Span b, int n[, int nrhs]): a's stored triangle becomes the factor, b becomes x.</summary>
internal sealed class InPlaceForm : DenseSolveForm
{
    private static readonly string[] s_roles = { ParameterRoles.Matrix, ParameterRoles.Rhs, ParameterRoles.Order };
    private static readonly string[] s_rolesNrhs = { ParameterRoles.Matrix, ParameterRoles.Rhs, ParameterRoles.Order, ParameterRoles.RhsCount };

    /// <inheritdoc />
    public override SolveForm Form => SolveForm.InPlace;

    /// <inheritdoc />
    protected override bool SolvesInPlace => true;

    /// <inheritdoc />
    public override string[] Roles(SolverSignature signature) => signature.HasNrhs ? s_rolesNrhs : s_roles;

    /// <inheritdoc />
    public override bool IsReadOnly(string role) => false;

    /// <inheritdoc />
    public override string FallbackCall(SolverSpec spec) =>
        $"Cholesky.Solve({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, n, {RhsCountArgument(spec.Signature)}, {Storage(spec)})";

    /// <inheritdoc />
    protected override string Summary(CholeskyDocumentation doc) =>
        $"Solves A·X = B for a symmetric positive definite A ({doc.Triangle} triangle, {doc.Layout}), in place: the stored triangle of a becomes the Cholesky factor and b becomes x.";
}
