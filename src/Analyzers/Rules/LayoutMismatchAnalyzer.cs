using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>SPD0202: a matrix argument whose declared or known layout differs from the layout the solver reads.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayoutMismatchAnalyzer : SolverCallAnalyzer
{
    public const string Id = "SPD0202";

    /// <summary>Diagnostic property: the argument's layout ("RowMajor" or "ColumnMajor"), which the fix gives the solver.</summary>
    public const string LayoutProperty = "Layout";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Matrix layout differs from the solver's Layout",
        messageFormat: "'{0}' is {1} ({2}), but '{3}' reads {4}: set the solver's Layout to {1}",
        DiagnosticCategories.Correctness,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A solver reading the other layout sees the transposed matrix: its stored triangle is the other one, so the answer is wrong unless both triangles hold the full symmetric matrix; transposing a copy to fix it costs a pass over the matrix on every call.",
        helpLinkUri: HelpLinks.For(Id));

    public LayoutMismatchAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context)
    {
        int? solverLayout = call.Target.Attribute is AttributeData attribute
            ? DeclarationRules.EnumArgument(attribute, KnownNames.Layout)
            : call.Constant(ParameterRole.Layout);
        if (solverLayout is not (DeclaredLayouts.RowMajor or DeclaredLayouts.ColumnMajor)
            || call.Argument(ParameterRole.Matrix) is not { } argument
            || DeclaredLayouts.Of(argument.Value, catalog) is not DeclaredLayout declared
            || declared.Layout == solverLayout)
        {
            return;
        }

        string layout = DeclaredLayouts.Name(declared.Layout);
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            argument.Value.Syntax.GetLocation(),
            AttributeLocations.Of(call.Target),
            ImmutableDictionary<string, string?>.Empty.Add(LayoutProperty, layout),
            argument.Value.Syntax.ToString(),
            layout,
            declared.Source,
            call.Target.Method.ContainingType.Name + "." + call.Target.Method.Name,
            DeclaredLayouts.Name(solverLayout.Value)));
    }
}
