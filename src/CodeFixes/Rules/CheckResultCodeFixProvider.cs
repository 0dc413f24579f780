using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Specialized.Analyzers;

namespace Specialized.CodeFixes;

/// <summary>
/// SPD0301: turns <c>Solve(…);</c> into <c>if (!Solve(…)) { throw new InvalidOperationException(…); }</c>. A failed
/// solve leaves its output unsolved, so going on would compute with garbage; throwing is the one handling
/// that is right everywhere, and the place to write a better one (retry, skip) where there is one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckResultCodeFixProvider)), Shared]
public sealed class CheckResultCodeFixProvider : CodeFixProvider
{
    private const string Title = "Throw when the solve fails";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(IgnoredResultAnalyzer.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // A lambda's expression body has no statement to put the check in.
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } invocation)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, c => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, Check(statement, invocation)))), Title),
                    diagnostic);
            }
        }
    }

    private static StatementSyntax Check(ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation)
    {
        string solver = invocation.Expression.WithoutTrivia().ToString();
        ExpressionSyntax exception = SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal($"{solver} failed: the matrix is not positive definite."))))),
            initializer: null);
        StatementSyntax check = SyntaxFactory.IfStatement(
            SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, invocation.WithoutTrivia()),
            SyntaxFactory.Block(SyntaxFactory.ThrowStatement(exception)));

        // An embedded statement (the body of an if without braces) becomes a block, so no else can bind to the new if.
        if (statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
        {
            check = SyntaxFactory.Block(check);
        }

        return check.WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
