using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Specialized.Analyzers;

namespace Specialized.CodeFixes.Tests;

/// <summary>
/// Applies Specialized's code fixes in an <see cref="AdhocWorkspace"/>, in place of Microsoft.CodeAnalysis.Testing
/// (not on the registry this project builds from). A source marks the one diagnostic to fix as
/// <c>[|text|]</c>; the fix is applied as the IDE applies it (operations, then simplification and formatting),
/// the changed document must equal the expected text exactly, and the fixed project must compile with no
/// error the original did not have. Every source sees <c>global using System; global using Specialized;</c>.
/// </summary>
internal static class VerifyFix
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new AllocationInSolverLoopAnalyzer(),
        new RowCopyPerCallAnalyzer(),
        new LayoutMismatchAnalyzer(),
        new SpanTooShortAnalyzer(),
        new SizeAboveMaxNAnalyzer(),
        new IgnoredResultAnalyzer());

    private static readonly ImmutableArray<CodeFixProvider> Providers = ImmutableArray.Create<CodeFixProvider>(
        new HoistAllocationCodeFixProvider(),
        new SetLayoutCodeFixProvider(),
        new RaiseMaxNCodeFixProvider(),
        new CheckResultCodeFixProvider());

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
            .Append(typeof(SpdSolveAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    // A partial definition without the generator has no implementation: expected in every test source.
    private const string NoGenerator = "CS8795";

    /// <summary>
    /// Applies the fix titled <paramref name="title"/> to the diagnostic <paramref name="id"/> marked in the first source;
    /// <paramref name="expected"/> holds the expected text of each source, in order (null: unchanged).
    /// </summary>
    public static async Task FixAsync(string id, string title, string[] markedSources, string?[] expected)
    {
        (Document[] documents, TextSpan span) = Create(markedSources);
        Diagnostic diagnostic = await FindAsync(documents[0], id, span);
        List<CodeAction> actions = await ActionsAsync(documents[0], diagnostic);
        CodeAction action = Assert.Single(actions, a => a.Title == title);

        Solution solution = documents[0].Project.Solution;
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;

        for (int i = 0; i < documents.Length; i++)
        {
            string text = (await changed.GetDocument(documents[i].Id)!.GetTextAsync()).ToString();
            Assert.Equal((expected[i] ?? (await documents[i].GetTextAsync()).ToString()).ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
        }

        string[] before = await ErrorsAsync(solution);
        string[] after = await ErrorsAsync(changed);
        string[] added = after.Except(before).ToArray();
        Assert.True(added.Length == 0, "The fixed code has new compiler errors:\n" + string.Join("\n", added));
    }

    /// <summary>The same, for a fix that edits only the first of one or more sources.</summary>
    public static Task FixAsync(string id, string title, string markedSource, string expected, params string[] otherSources) =>
        FixAsync(id, title, [markedSource, .. otherSources], [expected, .. otherSources.Select(_ => (string?)null)]);

    /// <summary>Asserts that no fix is offered for the diagnostic <paramref name="id"/> marked in the first source.</summary>
    public static async Task NoFixAsync(string id, params string[] markedSources)
    {
        (Document[] documents, TextSpan span) = Create(markedSources);
        Diagnostic diagnostic = await FindAsync(documents[0], id, span);
        Assert.Empty(await ActionsAsync(documents[0], diagnostic));
    }

    /// <summary>The titles of the fixes offered for the marked diagnostic.</summary>
    public static async Task<string[]> TitlesAsync(string id, params string[] markedSources)
    {
        (Document[] documents, TextSpan span) = Create(markedSources);
        Diagnostic diagnostic = await FindAsync(documents[0], id, span);
        return (await ActionsAsync(documents[0], diagnostic)).Select(a => a.Title).ToArray();
    }

    private static (Document[] Documents, TextSpan Span) Create(string[] markedSources)
    {
        string first = markedSources[0].ReplaceLineEndings("\n");
        int start = first.IndexOf("[|", StringComparison.Ordinal);
        int end = first.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The first source must mark the diagnostic to fix with [|...|].");
        string source = first.Remove(end, 2).Remove(start, 2);
        var span = TextSpan.FromBounds(start, end - 2);

        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: References.Value));
        var documents = new Document[markedSources.Length];
        for (int i = 0; i < markedSources.Length; i++)
        {
            documents[i] = project.AddDocument($"Test{i}.cs", i == 0 ? source : markedSources[i].ReplaceLineEndings("\n"));
            project = documents[i].Project;
        }

        project = project.AddDocument("GlobalUsings.cs", "global using System;\nglobal using Specialized;\n").Project;
        return (documents.Select(d => project.GetDocument(d.Id)!).ToArray(), span);
    }

    private static async Task<Diagnostic> FindAsync(Document document, string id, TextSpan span)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        Diagnostic[] found = diagnostics.Where(d => d.Id == id && d.Location.SourceTree == tree && d.Location.SourceSpan == span).ToArray();
        Assert.True(found.Length == 1, $"Expected one {id} on the marked text; the analyzers reported:\n" + string.Join("\n", diagnostics));
        return found[0];
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        foreach (CodeFixProvider provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return actions;
    }

    private static async Task<string[]> ErrorsAsync(Solution solution)
    {
        Compilation compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != NoGenerator)
            .Select(d => $"{d.Id}: {d.GetMessage()}")
            .ToArray();
    }
}
