using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Specialized.Generator.Tests.Mutation;

/// <summary>One user source to mutate, named by where it came from so a failure can be traced.</summary>
internal sealed record SeedSource(string Origin, string Text);

/// <summary>
/// Every user source in the repository that declares a solver: the .cs files under samples/ and
/// tests/Runtime.Tests that put one of the four attributes on something, and the string literals
/// of the generator, analyzer and code-fix tests that name one.
/// Read from the clone at test time, so a new declaration or test case becomes a seed by itself.
/// </summary>
internal static partial class SeedSources
{
    private static readonly string[] SourceDirectories = ["samples", "tests/Runtime.Tests"];

    private static readonly string[] TestDirectories = ["tests/Generator.Tests", "tests/Analyzers.Tests", "tests/CodeFixes.Tests"];

    public static IReadOnlyList<SeedSource> Load()
    {
        string root = RepositoryRoot();
        var seeds = new List<SeedSource>();
        foreach (string file in CSharpFiles(root, SourceDirectories))
        {
            string text = File.ReadAllText(file);
            if (CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<AttributeSyntax>().Any(SourceMutator.IsSolverAttribute))
            {
                seeds.Add(new SeedSource(Path.GetRelativePath(root, file), text));
            }
        }

        foreach (string file in CSharpFiles(root, TestDirectories))
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            int index = 0;
            foreach (SyntaxToken token in tree.GetRoot().DescendantTokens())
            {
                if (token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                    && NamesSolverAttribute().IsMatch(token.ValueText))
                {
                    seeds.Add(new SeedSource($"{Path.GetRelativePath(root, file)} literal {index++}", AsCompilationUnit(StripMarkup(token.ValueText))));
                }
            }
        }

        Assert.True(seeds.Count > 100, $"Only {seeds.Count} seed sources found under {root}; the search is broken.");
        return seeds;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Specialized.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Specialized.sln above {AppContext.BaseDirectory}.");
    }

    // Ordinal order, so the mutant numbered k is the same on every machine. Build output, snapshots
    // (generator output, not user code) and this folder (its pools name the attributes) are skipped.
    private static IEnumerable<string> CSharpFiles(string root, string[] directories) =>
        directories
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Snapshots" or "Mutation"))
            .Order(StringComparer.Ordinal);

    // The analyzer tests mark expected diagnostics as {|SPD0001:text|}; the mutants see plain C#.
    private static string StripMarkup(string text) => Markup().Replace(text, "");

    // Test cases that hold only members (InlineData declarations) go inside a partial class, as their tests put them.
    private static string AsCompilationUnit(string text) =>
        TypeLevel().IsMatch(text) ? text : "static partial class Fits\n{\n" + text + "\n}\n";

    [GeneratedRegex(@"\b(SpdSolve|SpdFactor|SpdInverse|LeastSquares)\b")]
    private static partial Regex NamesSolverAttribute();

    [GeneratedRegex(@"\{\|[A-Za-z0-9]+:|\|\}")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(class|struct|record|interface|namespace)\b|\[assembly:")]
    private static partial Regex TypeLevel();
}
