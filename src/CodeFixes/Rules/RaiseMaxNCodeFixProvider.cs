using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Specialized.Analyzers;

namespace Specialized.CodeFixes;

/// <summary>SPD0204: raises MaxN (MaxCols) to the constant size of the call, when that is within the limit of 32.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RaiseMaxNCodeFixProvider)), Shared]
public sealed class RaiseMaxNCodeFixProvider : CodeFixProvider
{
    // The largest MaxN the generator accepts (SPD0003).
    private const int LargestLimit = 32;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SizeAboveMaxNAnalyzer.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 1
                && diagnostic.Properties.TryGetValue(SizeAboveMaxNAnalyzer.LimitNameProperty, out string? name) && name is not null
                && diagnostic.Properties.TryGetValue(SizeAboveMaxNAnalyzer.SizeProperty, out string? text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size <= LargestLimit)
            {
                string title = $"Raise {name} to {size}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => RaiseAsync(context.Document.Project.Solution, diagnostic.AdditionalLocations[0], name, size, c), title),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> RaiseAsync(Solution solution, Location attributeLocation, string name, int size, CancellationToken cancellationToken)
    {
        if (await AttributeArguments.FindAsync(solution, attributeLocation, cancellationToken).ConfigureAwait(false) is not var (document, attribute))
        {
            return solution;
        }

        var value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(size));
        SyntaxNode root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) ?? attribute.SyntaxTree.GetRoot(cancellationToken);
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(attribute, AttributeArguments.WithNamedArgument(attribute, name, value)));
    }
}
