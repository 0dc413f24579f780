using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Specialized.Generator.Tests.Mutation;

/// <summary>
/// Breaks a C# source the way an editor does between keystrokes, and beyond: deletes, inserts or
/// duplicates tokens, truncates, rewrites a solver attribute's arguments with out-of-range or
/// ill-typed values, cuts a solver's signature short, swaps or replaces its parameter and return
/// types. One to three edits per mutant, every choice drawn from the given <see cref="Random"/>, so a
/// seed reproduces its mutant.
/// </summary>
internal static partial class SourceMutator
{
    private static readonly string[] AttributeArguments =
    [
        "MaxN = -1", "MaxN = 0", "MaxN = 1", "MaxN = 4", "MaxN = 32", "MaxN = 33", "MaxN = int.MaxValue", "MaxN = int.MinValue",
        "MaxN = \"x\"", "MaxN = null", "MaxN = 1.5", "MaxN = n", "MaxN = (Triangle)7", "MaxN = default", "MaxN = 1 << 40",
        "MaxN = Missing.Value", "MaxN = nameof(MaxN)", "MaxN = ", "MaxN: 4",
        "MaxCols = -1", "MaxCols = 0", "MaxCols = 3", "MaxCols = 33", "MaxCols = int.MaxValue", "MaxCols = \"x\"",
        "Triangle = Triangle.Upper", "Triangle = (Triangle)7", "Triangle = (Triangle)(-1)", "Triangle = MatrixLayout.ColumnMajor",
        "Triangle = 1", "Triangle = null", "Triangle = Triangle.",
        "Layout = MatrixLayout.ColumnMajor", "Layout = (MatrixLayout)7", "Layout = (MatrixLayout)(-1)", "Layout = Triangle.Upper", "Layout = \"RowMajor\"",
        "3", "\"x\"", "typeof(int)", "Bogus = 1", "", "params", "=",
    ];

    private static readonly string[] Types =
    [
        "Span<double>", "Span<float>", "ReadOnlySpan<double>", "ReadOnlySpan<float>", "Span<SolveResult>", "ReadOnlySpan<SolveResult>",
        "Span<int>", "Span<decimal>", "Span<Half>", "Memory<double>", "double[]", "float*", "int", "long", "nint", "uint",
        "double", "float", "bool", "SolveResult", "void", "Span<Missing>", "Missing", "Span<double>?", "Span<>", "Span<double, float>",
        "(int, int)", "dynamic", "object", "T", "Span<T>", "ref Span<double>", "in ReadOnlySpan<double>", "scoped Span<float>",
        "Span<Span<double>>", "System.Span<double>", "global::System.ReadOnlySpan<float>", "System.Numerics.Vector<double>",
    ];

    private static readonly string[] Tokens =
    [
        "(", ")", "[", "]", "<", ">", "{", "}", ",", ";", "=", ":", ".", "?", "*", "&", "-", "=>",
        "static", "partial", "public", "private", "abstract", "extern", "async", "unsafe", "virtual", "new", "ref", "in", "out",
        "scoped", "params", "this", "readonly", "void", "int", "double", "Span<double>", "SolveResult", "class", "struct",
        "namespace", "\n#if X\n", "\n#endif\n", "\n#region\n", "/*", "//", "\"", "'", "$\"", "@", "__arglist", "where T : struct",
        "MaxN", "nrhs", "int nrhs,", "<T>", "=> default", "{ return default; }", "[return: MatrixLayout(MatrixLayout.ColumnMajor)]",
    ];

    private delegate string Edit(string text, Random random);

    private static readonly Edit[] Edits =
    [
        DeleteTokens, InsertToken, DuplicateTokens, Truncate, RewriteAttributeArguments, RewriteAttributeArguments,
        CutSignature, ChangeParameterTypes, ChangeParameterTypes,
    ];

    public static string Mutate(string source, Random random)
    {
        // Mostly one edit, which keeps most of the source meaningful enough to reach the generator's emitter.
        string text = source;
        for (int edits = random.Next(8) switch { < 5 => 1, < 7 => 2, _ => 3 }; edits > 0; edits--)
        {
            text = Edits[random.Next(Edits.Length)](text, random);
        }

        return text;
    }

    private static string DeleteTokens(string text, Random random)
    {
        SyntaxToken[] tokens = Lex(text);
        if (tokens.Length == 0)
        {
            return text;
        }

        int first = random.Next(tokens.Length);
        int last = Math.Min(tokens.Length - 1, first + random.Next(3));
        return Replace(text, TextSpan.FromBounds(tokens[first].SpanStart, tokens[last].Span.End), "");
    }

    // Half the time a token from the pool, half the time one copied from elsewhere in the source.
    private static string InsertToken(string text, Random random)
    {
        SyntaxToken[] tokens = Lex(text);
        int at = tokens.Length == 0 ? 0 : tokens[random.Next(tokens.Length)].SpanStart;
        string inserted = tokens.Length == 0 || random.Next(2) == 0 ? Tokens[random.Next(Tokens.Length)] : tokens[random.Next(tokens.Length)].Text;
        return text.Insert(at, " " + inserted + " ");
    }

    private static string DuplicateTokens(string text, Random random)
    {
        SyntaxToken[] tokens = Lex(text);
        if (tokens.Length == 0)
        {
            return text;
        }

        int first = random.Next(tokens.Length);
        int last = Math.Min(tokens.Length - 1, first + random.Next(4));
        var span = TextSpan.FromBounds(tokens[first].SpanStart, tokens[last].Span.End);
        return text.Insert(span.End, " " + text.Substring(span.Start, span.Length));
    }

    private static string Truncate(string text, Random random) => text[..random.Next(text.Length + 1)];

    // Zero to three arguments, each possibly out of range, ill-typed or half-typed; sometimes no closing parenthesis.
    private static string RewriteAttributeArguments(string text, Random random)
    {
        AttributeSyntax[] attributes = SolverAttributes(text);
        if (attributes.Length == 0)
        {
            return text;
        }

        AttributeSyntax attribute = attributes[random.Next(attributes.Length)];
        string[] arguments = Enumerable.Range(0, random.Next(4)).Select(_ => AttributeArguments[random.Next(AttributeArguments.Length)]).ToArray();
        string list = random.Next(6) switch
        {
            0 => "",
            1 => "(" + string.Join(", ", arguments),
            _ => "(" + string.Join(", ", arguments) + ")",
        };
        return Replace(text, attribute.Span, attribute.Name + list);
    }

    // Everything from a point inside a solver's declaration to its end is gone, as while it is being typed.
    private static string CutSignature(string text, Random random)
    {
        MethodDeclarationSyntax[] methods = SolverMethods(text);
        if (methods.Length == 0)
        {
            return text;
        }

        MethodDeclarationSyntax method = methods[random.Next(methods.Length)];
        int cut = random.Next(method.ReturnType.SpanStart, method.Span.End);
        return Replace(text, TextSpan.FromBounds(cut, method.Span.End), "");
    }

    // Swaps two parameters' types, or puts a type from the pool in a parameter's or the return type's place.
    private static string ChangeParameterTypes(string text, Random random)
    {
        MethodDeclarationSyntax[] methods = SolverMethods(text);
        if (methods.Length == 0)
        {
            return text;
        }

        MethodDeclarationSyntax method = methods[random.Next(methods.Length)];
        TypeSyntax[] types = method.ParameterList.Parameters.Select(p => p.Type).OfType<TypeSyntax>().ToArray();
        switch (random.Next(3))
        {
            case 0 when types.Length >= 2:
                int i = random.Next(types.Length), j = random.Next(types.Length);
                (TypeSyntax earlier, TypeSyntax later) = i < j ? (types[i], types[j]) : (types[j], types[i]);
                string swapped = Replace(text, later.Span, earlier.ToString());
                return Replace(swapped, earlier.Span, later.ToString());
            case 1 when types.Length >= 1:
                return Replace(text, types[random.Next(types.Length)].Span, Types[random.Next(Types.Length)]);
            default:
                return Replace(text, method.ReturnType.Span, Types[random.Next(Types.Length)]);
        }
    }

    private static SyntaxToken[] Lex(string text) =>
        SyntaxFactory.ParseTokens(text).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();

    /// <summary>Whether the attribute is one of the four that make a solver, by its name as written.</summary>
    public static bool IsSolverAttribute(AttributeSyntax attribute) => SolverAttributeName().IsMatch(attribute.Name.ToString());

    private static AttributeSyntax[] SolverAttributes(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<AttributeSyntax>().Where(IsSolverAttribute).ToArray();

    private static MethodDeclarationSyntax[] SolverMethods(string text) =>
        SolverAttributes(text).Select(a => a.Parent?.Parent).OfType<MethodDeclarationSyntax>().Distinct().ToArray();

    private static string Replace(string text, TextSpan span, string replacement) =>
        string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));

    [GeneratedRegex(@"(^|\.)(SpdSolve|SpdFactor|SpdInverse|LeastSquares)(Attribute)?$")]
    private static partial Regex SolverAttributeName();
}
