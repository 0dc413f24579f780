using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>
/// A method the call-site analyzers treat as a specialized solver: one carrying [SpdSolve], [SpdFactor],
/// [SpdInverse] or [LeastSquares], a public entry point of the runtime's <c>Specialized.Cholesky</c>, or
/// <c>Specialized.LeastSquares.Fit</c> / <c>FitWeighted</c>.
/// </summary>
internal sealed class SolverTarget
{
    public SolverTarget(IMethodSymbol method, AttributeData? attribute, SolverKind? kind, ImmutableArray<ParameterRole> roles)
    {
        Method = method;
        Attribute = attribute;
        Kind = kind;
        Roles = roles;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The solver attribute; null for the runtime entry points.</summary>
    public AttributeData? Attribute { get; }

    /// <summary>The attribute's kind; <see cref="SolverKind.LeastSquares"/> for the runtime's fits, null for <c>Cholesky</c>.</summary>
    public SolverKind? Kind { get; }

    /// <summary>One role per parameter, by ordinal; empty when the signature is not a recognized form.</summary>
    public ImmutableArray<ParameterRole> Roles { get; }

    /// <summary>Whether the call returns a result the caller should check (bool or SolveResult).</summary>
    public bool ReturnsResult =>
        Method.ReturnType.SpecialType == SpecialType.System_Boolean || Method.ReturnType.ToDisplayString() == KnownNames.SolveResult;

    /// <summary>"MaxCols" for least squares, else "MaxN".</summary>
    public string LimitName => Kind == SolverKind.LeastSquares ? KnownNames.MaxCols : KnownNames.MaxN;

    /// <summary>The size up to which the generator unrolls, when the attribute sets a valid one.</summary>
    public int? SizeLimit => Attribute is not null && Kind is SolverKind kind
        && DeclarationRules.SizeLimit(Attribute, kind) is int limit && DeclarationRules.IsSizeLimitValid(limit)
            ? limit
            : null;

    /// <summary>The parameter with <paramref name="role"/>, if any.</summary>
    public IParameterSymbol? Parameter(ParameterRole role)
    {
        for (int i = 0; i < Roles.Length; i++)
        {
            if (Roles[i] == role)
            {
                return Method.Parameters[i];
            }
        }

        return null;
    }
}
