using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>SPD0001: a solver method must be a body-less <c>static partial</c> declaration in partial types.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationShapeAnalyzer : SolverMethodAnalyzer
{
    public const string Id = "SPD0001";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Solver method must be a static partial declaration in partial types",
        messageFormat: "Method '{0}' must be declared 'static partial' without a body, in types that are all 'partial', for Specialized to generate it: {1}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator supplies the body of the partial method and re-declares every containing type as partial; it generates nothing for any other declaration.",
        helpLinkUri: HelpLinks.For(Id));

    public DeclarationShapeAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverMethodContext context)
    {
        // The shared rule decides, so the analyzer reports exactly what the generator skips. A hand-written
        // implementing half fails it (it has a body), which is right: the generator then emits nothing.
        if (!DeclarationRules.IsStaticPartialDeclaration(context.Method, context.CancellationToken))
        {
            context.Report(Rule, context.Identifier, context.Method.Name, Reasons(context.Method, context.CancellationToken));
        }
    }

    /// <summary>Says which part of the rule the declaration breaks, for the message only.</summary>
    private static string Reasons(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        if (!method.IsStatic)
        {
            reasons.Add("it is not static");
        }

        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case MethodDeclarationSyntax syntax:
                    if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        reasons.Add("it is not partial");
                    }

                    if (syntax.Body is not null || syntax.ExpressionBody is not null)
                    {
                        reasons.Add("it has a body");
                    }

                    foreach (TypeDeclarationSyntax type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
                    {
                        if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                        {
                            reasons.Add($"its containing type '{type.Identifier.ValueText}' is not partial");
                        }
                    }

                    break;
                case LocalFunctionStatementSyntax:
                    reasons.Add("it is a local function");
                    break;
                default:
                    reasons.Add("it is not an ordinary method declaration");
                    break;
            }
        }

        // Left: a body-less partial that is still not a definition, such as 'extern partial'.
        return reasons.Count > 0 ? string.Join(", ", reasons) : "it is not a partial method definition";
    }
}
