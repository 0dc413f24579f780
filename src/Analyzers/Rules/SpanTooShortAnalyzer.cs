using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>SPD0203: a buffer whose length is known at compile time, too short for the constant sizes of the call.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpanTooShortAnalyzer : SolverCallAnalyzer
{
    public const string Id = "SPD0203";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Buffer too short for the solver's constant size",
        messageFormat: "'{0}' has {1} elements, but '{2}' needs {3} ({4}): the call throws ArgumentException",
        DiagnosticCategories.Correctness,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A matrix needs n·n elements (rows·cols for least squares), right-hand sides and solutions n·nrhs (rows and cols); a shorter buffer is rejected at run time.",
        helpLinkUri: HelpLinks.For(Id));

    public SpanTooShortAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context)
    {
        for (int ordinal = 0; ordinal < call.Target.Roles.Length; ordinal++)
        {
            if (call.ArgumentAt(ordinal) is not { } argument || Needed(call, call.Target.Roles[ordinal]) is not (int needed, string why))
            {
                continue;
            }

            if (KnownLengths.Of(argument.Value, catalog) is int length && length < needed)
            {
                string solver = call.Target.Method.ContainingType.Name + "." + call.Target.Method.Name;
                context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), argument.Value.Syntax.ToString(), length, solver, needed, why));
            }
        }
    }

    /// <summary>The length a buffer with <paramref name="role"/> needs, when the sizes it depends on are constants.</summary>
    private static (int Needed, string Why)? Needed(SolverCall call, ParameterRole role)
    {
        if (call.Target.Kind == SolverKind.LeastSquares)
        {
            int? rows = call.Constant(ParameterRole.Rows), cols = call.Constant(ParameterRole.Columns);
            return role switch
            {
                ParameterRole.Matrix when rows is int r && cols is int c => Size((long)r * c, $"rows x cols = {r} x {c}"),
                ParameterRole.RightHandSide or ParameterRole.Weights when rows is int r => Size(r, $"rows = {r}"),
                ParameterRole.Solution when cols is int c => Size(c, $"cols = {c}"),
                _ => null,
            };
        }

        if (call.Constant(ParameterRole.Order) is not int n)
        {
            return null;
        }

        // Without an nrhs parameter there is one right-hand side.
        int? nrhs = call.Target.Parameter(ParameterRole.RightHandSideCount) is null ? 1 : call.Constant(ParameterRole.RightHandSideCount);
        return role switch
        {
            ParameterRole.Matrix => Size((long)n * n, $"n x n with n = {n}"),
            ParameterRole.RightHandSide or ParameterRole.Solution when nrhs is int k =>
                Size((long)n * k, k == 1 ? $"n = {n}" : $"n x nrhs with n = {n}, nrhs = {k}"),
            _ => null,
        };
    }

    // Negative sizes are the runtime's ArgumentOutOfRangeException, and sizes past int.MaxValue no buffer has: neither is this rule's.
    private static (int, string)? Size(long needed, string why) =>
        needed is > 0 and <= int.MaxValue ? ((int)needed, why) : null;
}
