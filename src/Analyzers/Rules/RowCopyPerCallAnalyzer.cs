using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// SPD0201: a solver argument copied out of a jagged array or list of rows (see <see cref="RowFlattening"/>) as
/// often as the solver runs: the copy sits in every loop (and parallel body) that runs the call, so no loop
/// reuses one copy for several solves.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RowCopyPerCallAnalyzer : SolverCallAnalyzer
{
    public const string Id = "SPD0201";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Rows copied into a contiguous buffer for every solve",
        messageFormat: "'{0}' is copied out of a jagged array or list of rows for every call to '{1}'; keep the matrix in one contiguous row-major array and pass a span over it",
        DiagnosticCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Rows stored as separate arrays are not contiguous, so each solve first copies them: an allocation and a pass over the matrix that can cost more than the solve.",
        helpLinkUri: HelpLinks.For(Id));

    public RowCopyPerCallAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context)
    {
        // A batch's buffers hold whole systems one after another: copying each system in is how a batch is
        // filled, not a matrix kept as rows.
        if (IsBatch(call.Target.Method))
        {
            return;
        }

        foreach (IArgumentOperation argument in call.Invocation.Arguments)
        {
            if (!ValueTracing.IsSpan(argument.Parameter?.Type) || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (RowFlattening.Find(argument.Value, catalog) is IOperation copy && CopiedAsOftenAsSolved(call.Invocation, copy))
            {
                string solver = call.Target.Method.ContainingType.Name + "." + call.Target.Method.Name;
                context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), argument.Value.Syntax.ToString(), solver));
            }
        }
    }

    private static bool IsBatch(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (ValueTracing.IsSpan(parameter.Type)
                && ((INamedTypeSymbol)parameter.Type).TypeArguments[0].ToDisplayString() == Common.KnownNames.SolveResult)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CopiedAsOftenAsSolved(IOperation solve, IOperation copy)
    {
        for (IOperation? loop = LoopRegions.Innermost(solve); loop is not null; loop = LoopRegions.Innermost(loop))
        {
            if (!ValueTracing.Contains(loop, copy))
            {
                return false;
            }
        }

        return true;
    }
}
