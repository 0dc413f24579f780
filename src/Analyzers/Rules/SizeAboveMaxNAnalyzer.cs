using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>SPD0204: a constant n (or cols, for least squares) above the attribute's MaxN (MaxCols).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SizeAboveMaxNAnalyzer : SolverCallAnalyzer
{
    public const string Id = "SPD0204";

    /// <summary>Diagnostic property: the attribute argument to raise ("MaxN" or "MaxCols").</summary>
    public const string LimitNameProperty = "LimitName";

    /// <summary>Diagnostic property: the constant size the call passes.</summary>
    public const string SizeProperty = "Size";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Constant size above the solver's MaxN",
        messageFormat: "{0} = {1} is above {2} = {3} of '{4}': this call always takes the runtime fallback, not the unrolled code",
        DiagnosticCategories.Performance,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Sizes up to MaxN get unrolled, register-resident code; a call whose size is a constant above it never does.",
        helpLinkUri: HelpLinks.For(Id));

    public SizeAboveMaxNAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context)
    {
        if (call.Target.SizeLimit is not int limit)
        {
            return;
        }

        ParameterRole role = call.Target.Kind == SolverKind.LeastSquares ? ParameterRole.Columns : ParameterRole.Order;
        if (call.Argument(role) is not { } argument || call.Constant(role) is not int size || size <= limit)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(LimitNameProperty, call.Target.LimitName)
            .Add(SizeProperty, size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string name = role == ParameterRole.Columns ? "cols" : "n";
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            argument.Value.Syntax.GetLocation(),
            AttributeLocations.Of(call.Target),
            properties,
            name,
            size,
            call.Target.LimitName,
            limit,
            call.Target.Method.ContainingType.Name + "." + call.Target.Method.Name));
    }
}
