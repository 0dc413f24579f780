using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>SPD0301: a solver's bool or SolveResult dropped by an expression statement (<c>_ = …</c> is a deliberate discard and passes).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IgnoredResultAnalyzer : SolverCallAnalyzer
{
    public const string Id = "SPD0301";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "The result of a specialized solver is ignored",
        messageFormat: "The {0} returned by '{1}' is ignored: a matrix that is not positive definite goes unnoticed and the output is left unsolved",
        DiagnosticCategories.Correctness,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Solvers report a matrix that is not positive definite by their result, never by an exception; ignoring it treats an unsolved right-hand side as the solution.",
        helpLinkUri: HelpLinks.For(Id));

    public IgnoredResultAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context)
    {
        if (call.Target.ReturnsResult && call.Invocation.Parent is IExpressionStatementOperation)
        {
            string type = call.Target.Method.ReturnType.SpecialType == SpecialType.System_Boolean ? "bool" : "SolveResult";
            string solver = call.Target.Method.ContainingType.Name + "." + call.Target.Method.Name;
            context.ReportDiagnostic(Diagnostic.Create(Rule, call.Invocation.Syntax.GetLocation(), type, solver));
        }
    }
}
