using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>SPD0003: MaxN / MaxCols within 1..32, Triangle and Layout holding defined values.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeArgumentAnalyzer : SolverMethodAnalyzer
{
    public const string Id = "SPD0003";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Solver attribute argument is out of range",
        messageFormat: "[{0}] on method '{1}' sets {2} = {3}, which is {4}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MaxN and MaxCols must be between 1 and 32, and Triangle and Layout must hold a defined enum value; the generator emits nothing otherwise.",
        helpLinkUri: HelpLinks.For(Id));

    public AttributeArgumentAnalyzer()
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
            // Null means the argument is not a readable constant: the compiler already reports that error.
            if (DeclarationRules.SizeLimit(attribute.Data, attribute.Kind) is int limit && !DeclarationRules.IsSizeLimitValid(limit))
            {
                string name = attribute.Kind == SolverKind.LeastSquares ? KnownNames.MaxCols : KnownNames.MaxN;
                Report(context, attribute, name, limit, $"outside the valid range {KnownNames.SizeMin}..{KnownNames.SizeMax}");
            }

            foreach (string name in new[] { KnownNames.Triangle, KnownNames.Layout })
            {
                int value = DeclarationRules.EnumArgument(attribute.Data, name);
                if (!DeclarationRules.IsEnumArgumentValid(value))
                {
                    Report(context, attribute, name, value, $"not a defined {EnumTypeName(attribute.Data, name)} value");
                }
            }
        }
    }

    private static void Report(SolverMethodContext context, SolverAttribute attribute, string name, int value, string problem)
    {
        Location location = ArgumentLocation(attribute.Data, name, context.CancellationToken) ?? context.Identifier;
        context.Report(Rule, location, attribute.ShortName, context.Method.Name, name, value, problem);
    }

    /// <summary>The 'Name = value' argument in source, else the whole attribute, else null.</summary>
    private static Location? ArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { } arguments)
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    private static string EnumTypeName(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Type is { } type)
            {
                return type.Name;
            }
        }

        return name;
    }
}
