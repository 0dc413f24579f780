using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>SPD0002: the parameter list and return type must match a form the generator emits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignatureAnalyzer : SolverMethodAnalyzer
{
    public const string Id = "SPD0002";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Solver method signature is not a recognized form",
        messageFormat: "Method '{0}' has a parameter list or return type that [{1}] does not recognize; recognized forms: {2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator emits a solver only for the parameter lists and return types it knows; it generates nothing for any other signature.",
        helpLinkUri: HelpLinks.For(Id));

    public SignatureAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverMethodContext context)
    {
        // The defining half carries the same attributes and is reported there; once is enough.
        if (context.IsHandWrittenImplementation)
        {
            return;
        }

        foreach (SolverAttribute attribute in context.Attributes)
        {
            if (SignatureRecognizer.Recognize(context.Method, attribute.Kind) is null)
            {
                context.Report(Rule, context.Identifier, context.Method.Name, attribute.ShortName, SignatureRecognizer.DescribeForms(attribute.Kind));
            }
        }
    }
}
