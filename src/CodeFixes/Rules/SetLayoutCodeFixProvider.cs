using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Specialized.Analyzers;

namespace Specialized.CodeFixes;

/// <summary>
/// SPD0202: makes the solver read the argument's layout: sets <c>Layout</c> on the solver's attribute, or,
/// for a <c>Cholesky</c> call, passes <c>layout:</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetLayoutCodeFixProvider)), Shared]
public sealed class SetLayoutCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(LayoutMismatchAnalyzer.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(LayoutMismatchAnalyzer.LayoutProperty, out string? layout) || layout is not ("RowMajor" or "ColumnMajor"))
            {
                continue;
            }

            string title = $"Set the solver's Layout to MatrixLayout.{layout}";
            CodeAction action = diagnostic.AdditionalLocations.Count == 1
                ? CodeAction.Create(title, c => SetAttributeAsync(context.Document.Project.Solution, diagnostic.AdditionalLocations[0], layout, c), title)
                : CodeAction.Create(title, c => PassLayoutAsync(context.Document, diagnostic.Location, layout, c), title);
            context.RegisterCodeFix(action, diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> SetAttributeAsync(Solution solution, Location attributeLocation, string layout, CancellationToken cancellationToken)
    {
        if (await AttributeArguments.FindAsync(solution, attributeLocation, cancellationToken).ConfigureAwait(false) is not var (document, attribute)
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not SyntaxNode root)
        {
            return solution;
        }

        AttributeSyntax changed = AttributeArguments.WithNamedArgument(attribute, "Layout", AttributeArguments.LayoutMember(layout));
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(attribute, changed));
    }

    /// <summary>The runtime entry points take the layout as an argument: replace the one given, or add <c>layout:</c>.</summary>
    private static async Task<Document> PassLayoutAsync(Document document, Location location, string layout, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not InvocationExpressionSyntax invocation
            || model?.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return document;
        }

        ExpressionSyntax value = AttributeArguments.LayoutMember(layout);
        foreach (IArgumentOperation argument in operation.Arguments)
        {
            if (argument.Parameter?.Name == "layout" && argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Syntax is ArgumentSyntax given)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(given.Expression, value.WithTriviaFrom(given.Expression)));
            }
        }

        ArgumentSyntax added = SyntaxFactory.Argument(SyntaxFactory.NameColon("layout"), default, value);
        return document.WithSyntaxRoot(root.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.AddArguments(added)));
    }
}
