using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Specialized.CodeFixes;

/// <summary>Edits of a solver attribute's named arguments (<c>MaxN = 12</c>, <c>Layout = MatrixLayout.ColumnMajor</c>).</summary>
internal static class AttributeArguments
{
    /// <summary>The attribute with <c>name = value</c>: the existing argument's value replaced, or the argument appended.</summary>
    public static AttributeSyntax WithNamedArgument(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        value = value.WithAdditionalAnnotations(Simplifier.Annotation);
        AttributeArgumentListSyntax arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        AttributeArgumentSyntax? existing = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
        }

        AttributeArgumentSyntax added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, value);
        return attribute.WithArgumentList(arguments.AddArguments(added)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary><c>Specialized.MatrixLayout.{member}</c>, which the simplifier shortens where the namespace is imported.</summary>
    public static ExpressionSyntax LayoutMember(string member) =>
        SyntaxFactory.ParseExpression("global::Specialized.MatrixLayout." + member).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The attribute at <paramref name="location"/>, with the document it sits in.</summary>
    public static async Task<(Document Document, AttributeSyntax Attribute)?> FindAsync(Solution solution, Location location, CancellationToken cancellationToken)
    {
        if (location.SourceTree is not SyntaxTree tree || solution.GetDocument(tree) is not Document document)
        {
            return null;
        }

        SyntaxNode root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return root.FindNode(location.SourceSpan) is AttributeSyntax attribute ? (document, attribute) : null;
    }
}
