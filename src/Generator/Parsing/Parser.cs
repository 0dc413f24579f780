using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Turns an attributed method into a <see cref="SolverSpec"/>, or null when anything is off: the
/// analyzers report those cases (SPD0001-SPD0003), so the generator stays silent and never throws.
/// </summary>
internal static class Parser
{
    public static SolverSpec? Parse(GeneratorAttributeSyntaxContext context, SolverKind kind, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.TargetNode is not MethodDeclarationSyntax syntax
            || syntax.ContainsDiagnostics
            || context.Attributes.Length != 1
            || method.PartialImplementationPart is not null
            || !DeclarationRules.IsStaticPartialDeclaration(method, cancellationToken))
        {
            return null;
        }

        AttributeData attribute = context.Attributes[0];
        int? maxN = DeclarationRules.SizeLimit(attribute, kind);
        int triangle = DeclarationRules.EnumArgument(attribute, KnownNames.Triangle);
        int layout = DeclarationRules.EnumArgument(attribute, KnownNames.Layout);
        if (!DeclarationRules.IsSizeLimitValid(maxN)
            || !DeclarationRules.IsEnumArgumentValid(triangle)
            || !DeclarationRules.IsEnumArgumentValid(layout))
        {
            return null;
        }

        SolverSignature? signature = SignatureRecognizer.Recognize(method, kind);
        ImmutableArray<TypeSpec>? types = ContainingTypes(syntax);
        if (signature is null || types is null)
        {
            return null;
        }

        ImmutableArray<ParameterSpec> parameters = method.Parameters
            .Select(p => new ParameterSpec(EscapeIdentifier(p.Name), p.ScopedKind == ScopedKind.ScopedValue))
            .ToImmutableArray();

        string ns = method.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;
        string modifiers = string.Join(" ", syntax.Modifiers.Select(m => m.Text));
        return new SolverSpec(
            ns,
            new EquatableArray<TypeSpec>(types.Value),
            syntax.Identifier.ValueText,
            modifiers,
            signature,
            new EquatableArray<ParameterSpec>(parameters),
            maxN!.Value,
            Upper: triangle == 1,
            ColumnMajor: layout == 1,
            Refine: kind == SolverKind.LeastSquares && DeclarationRules.BoolArgument(attribute, KnownNames.Refine),
            AllowUnsafe: context.SemanticModel.Compilation.Options is CSharpCompilationOptions { AllowUnsafe: true });
    }

    /// <summary>The chain of containing type declarations, outermost first; null for a kind we cannot re-declare.</summary>
    private static ImmutableArray<TypeSpec>? ContainingTypes(MethodDeclarationSyntax syntax)
    {
        var builder = ImmutableArray.CreateBuilder<TypeSpec>();
        foreach (TypeDeclarationSyntax type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            string? keyword = type switch
            {
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                ClassDeclarationSyntax => "class",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => null,
            };
            if (keyword is null)
            {
                return null;
            }

            string name = EscapeIdentifier(type.Identifier.ValueText);
            if (type.TypeParameterList is { Parameters.Count: > 0 } typeParameters)
            {
                name += "<" + string.Join(", ", typeParameters.Parameters.Select(TypeParameterText)) + ">";
            }

            builder.Insert(0, new TypeSpec(keyword, name));
        }

        return builder.ToImmutable();
    }

    // Variance must be repeated on every part of a partial interface; attributes need not be.
    private static string TypeParameterText(TypeParameterSyntax parameter) =>
        (parameter.VarianceKeyword.IsKind(SyntaxKind.None) ? string.Empty : parameter.VarianceKeyword.Text + " ")
        + EscapeIdentifier(parameter.Identifier.ValueText);

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
