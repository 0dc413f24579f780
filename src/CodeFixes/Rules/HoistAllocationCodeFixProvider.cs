using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Specialized.Analyzers;

namespace Specialized.CodeFixes;

/// <summary>
/// SPD0101: moves <c>var a = new T[size];</c> from a loop body to just before the loop, and clears the array where
/// the declaration stood, so every iteration still starts from zeros without allocating. Offered when the
/// declaration is a statement of the loop's body, its size does not change in the loop, and the array never
/// leaves the iteration (it is only indexed, measured, viewed as a span or passed to Array / MemoryExtensions
/// helpers, never stored, returned, reassigned or captured). For a constant size of at most 1 KiB of a primitive
/// element type, and uses a span supports, a second fix puts the buffer on the stack before the loop instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HoistAllocationCodeFixProvider)), Shared]
public sealed class HoistAllocationCodeFixProvider : CodeFixProvider
{
    private const string HoistTitle = "Allocate once before the loop";
    private const string StackTitle = "Allocate once on the stack before the loop";

    // Stack space is shared with the solvers' own scratch: keep what the fix puts there small.
    private const int LargestStackBytes = 1024;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AllocationInSolverLoopAnalyzer.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Candidate.Find(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, context.CancellationToken) is not Candidate candidate)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(HoistTitle, c => HoistAsync(context.Document, candidate, onStack: false, c), HoistTitle), diagnostic);
            if (candidate.FitsOnStack)
            {
                context.RegisterCodeFix(CodeAction.Create(StackTitle, c => HoistAsync(context.Document, candidate, onStack: true, c), StackTitle), diagnostic);
            }
        }
    }

    private static async Task<Document> HoistAsync(Document document, Candidate candidate, bool onStack, CancellationToken cancellationToken)
    {
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        string name = candidate.Declarator.Identifier.ValueText;
        StatementSyntax hoisted = onStack
            ? SyntaxFactory.ParseStatement($"global::System.Span<{candidate.Creation.Type.ElementType}> {name} = stackalloc {candidate.Creation.Type.ElementType}[{candidate.Size}];")
            : candidate.Statement.WithoutTrivia();
        ExpressionSyntax clearMethod = onStack
            ? SyntaxFactory.IdentifierName(name)
            : SyntaxFactory.ParseName("global::System.Array").WithAdditionalAnnotations(Simplifier.Annotation);
        ArgumentListSyntax clearArguments = onStack
            ? SyntaxFactory.ArgumentList()
            : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name))));
        StatementSyntax clear = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, clearMethod, SyntaxFactory.IdentifierName("Clear")),
            clearArguments));

        // The formatter indents the moved line; it ends with the line ending of the statement it came from (an
        // elastic newline would become the workspace's default, CRLF, in a document written with LF).
        SyntaxTrivia lineEnd = candidate.Statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        hoisted = hoisted
            .WithTrailingTrivia(lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd : SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        editor.InsertBefore(candidate.Loop, hoisted);
        editor.ReplaceNode(candidate.Statement, clear.WithTriviaFrom(candidate.Statement).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation));
        return editor.GetChangedDocument();
    }

    /// <summary>A declaration the fix can move, with what it needs to move it.</summary>
    private sealed class Candidate
    {
        private Candidate(LocalDeclarationStatementSyntax statement, VariableDeclaratorSyntax declarator, ArrayCreationExpressionSyntax creation, StatementSyntax loop, bool fitsOnStack)
        {
            Statement = statement;
            Declarator = declarator;
            Creation = creation;
            Loop = loop;
            FitsOnStack = fitsOnStack;
        }

        public LocalDeclarationStatementSyntax Statement { get; }

        public VariableDeclaratorSyntax Declarator { get; }

        public ArrayCreationExpressionSyntax Creation { get; }

        public ExpressionSyntax Size => Creation.Type.RankSpecifiers[0].Sizes[0];

        public StatementSyntax Loop { get; }

        public bool FitsOnStack { get; }

        public static Candidate? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node is not ArrayCreationExpressionSyntax { Initializer: null, Type.RankSpecifiers.Count: 1 } creation
                || creation.Type.RankSpecifiers[0].Sizes.Count != 1
                || creation.Type.RankSpecifiers[0].Sizes[0] is not ExpressionSyntax size
                || size is OmittedArraySizeExpressionSyntax
                || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 }
                || declarator.Parent.Parent is not LocalDeclarationStatementSyntax { Modifiers.Count: 0, UsingKeyword.RawKind: 0 } statement
                || statement.Parent is not BlockSyntax { Parent: StatementSyntax loop } body
                || LoopBody(loop) != body
                || loop.Parent is not BlockSyntax outer
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
                || model.GetOperation(size, cancellationToken) is not IOperation sizeOperation)
            {
                return null;
            }

            DataFlowAnalysis? flow = model.AnalyzeDataFlow(loop);
            if (flow is null || !flow.Succeeded || !LoopInvariance.IsInvariant(sizeOperation, flow) || NameIsTaken(outer, declarator))
            {
                return null;
            }

            if (Uses(local, outer, model, cancellationToken) is not UseKind uses)
            {
                return null;
            }

            bool fitsOnStack = uses == UseKind.SpanCompatible
                && sizeOperation.ConstantValue is { HasValue: true, Value: int count } && count > 0
                && model.GetTypeInfo(creation.Type.ElementType, cancellationToken).Type is ITypeSymbol element
                && ElementSize(element) is int elementSize && count * elementSize <= LargestStackBytes
                && CanUseStackalloc(loop, model, cancellationToken);
            return new Candidate(statement, declarator, creation, loop, fitsOnStack);
        }

        private static StatementSyntax? LoopBody(StatementSyntax loop) => loop switch
        {
            ForStatementSyntax forLoop => forLoop.Statement,
            CommonForEachStatementSyntax forEach => forEach.Statement,
            WhileStatementSyntax whileLoop => whileLoop.Statement,
            DoStatementSyntax doLoop => doLoop.Statement,
            _ => null,
        };

        /// <summary>Another variable of the same name anywhere in the block the declaration moves to would clash with it there.</summary>
        private static bool NameIsTaken(BlockSyntax outer, VariableDeclaratorSyntax declarator)
        {
            string name = declarator.Identifier.ValueText;
            foreach (SyntaxToken token in outer.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token != declarator.Identifier
                    && token.Parent is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax or ParameterSyntax or CatchDeclarationSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private enum UseKind
        {
            SpanCompatible,
            ArrayOnly,
        }

        /// <summary>How the array is used, or null when one use lets it outlive the iteration.</summary>
        private static UseKind? Uses(ILocalSymbol local, BlockSyntax scope, SemanticModel model, CancellationToken cancellationToken)
        {
            UseKind kind = UseKind.SpanCompatible;
            foreach (IdentifierNameSyntax identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local.Name
                    || model.GetOperation(identifier, cancellationToken) is not ILocalReferenceOperation reference
                    || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                if (IsCaptured(reference))
                {
                    return null;
                }

                switch (reference.Parent)
                {
                    case IArrayElementReferenceOperation element when element.ArrayReference == reference:
                    case IPropertyReferenceOperation { Property.Name: "Length" }:
                    case IConversionOperation conversion when IsSpan(conversion.Type):
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IInvocationOperation call }
                        when call.TargetMethod.ContainingType is { Name: "MemoryExtensions" } or { SpecialType: SpecialType.System_Array }:
                        kind = UseKind.ArrayOnly;
                        break;
                    default:
                        return null;
                }
            }

            return kind;
        }

        private static bool IsCaptured(IOperation reference)
        {
            for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSpan(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true, Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" };

        private static int? ElementSize(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean => 1,
            SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
            SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
            SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double => 8,
            _ => null,
        };

        /// <summary>A Span local cannot live in an async method or an iterator, and stackalloc not in catch or finally.</summary>
        private static bool CanUseStackalloc(StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (SyntaxNode ancestor in loop.Ancestors())
            {
                switch (ancestor)
                {
                    case CatchClauseSyntax or FinallyClauseSyntax:
                        return false;
                    case AnonymousFunctionExpressionSyntax lambda:
                        return !lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        return model.GetDeclaredSymbol(ancestor, cancellationToken) is IMethodSymbol { IsAsync: false } method
                            && !ancestor.DescendantNodes().Any(n => n is YieldStatementSyntax && IsIn(n, method, model, cancellationToken));
                }
            }

            return true;
        }

        private static bool IsIn(SyntaxNode node, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
            SymbolEqualityComparer.Default.Equals(model.GetEnclosingSymbol(node.SpanStart, cancellationToken), method);
    }
}
