using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Specialized.Analyzers.Tests;

/// <summary>
/// Runs all of Specialized's analyzers over C# sources and compares what they report with markup.
/// A span marked <c>{|SPD0002:Solve|}</c> expects exactly one SPD0002 on exactly that text; markup nests,
/// so <c>{|SPD0001:{|SPD0002:Solve|}|}</c> expects both. Anything reported but not marked fails the test.
/// Every source sees <c>global using System; global using Specialized;</c>, like a project with implicit usings.
/// </summary>
internal static class Verify
{
    /// <summary>
    /// Compiler errors a well-formed test may produce: a definition with no generator to complete it (CS8795),
    /// and the declaration mistakes SPD0001 reports, which the compiler flags too. Any other compiler error
    /// means the test source itself is broken (a typo'd type leaves nothing real to analyze), so it fails.
    /// </summary>
    private static readonly ImmutableHashSet<string> DeclarationErrors = ImmutableHashSet.Create(
        "CS8795", // partial method must have an implementation part
        "CS0501", // must declare a body because it is not abstract, extern, or partial
        "CS0751", // a partial method must be declared within a partial type
        "CS0759"); // no defining declaration found for implementing declaration of partial method

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new DeclarationShapeAnalyzer(),
        new SignatureAnalyzer(),
        new AttributeArgumentAnalyzer(),
        new AllocationInSolverLoopAnalyzer(),
        new RowCopyPerCallAnalyzer(),
        new LayoutMismatchAnalyzer(),
        new SpanTooShortAnalyzer(),
        new SizeAboveMaxNAnalyzer(),
        new IgnoredResultAnalyzer());

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The running runtime's own assemblies (not the test's dependencies), plus the Specialized runtime.
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
            .Append(typeof(SpdSolveAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    private const string GlobalUsings = "global using System;\nglobal using Specialized;\n";

    /// <summary>Asserts that the analyzers report exactly the marked diagnostics across all sources.</summary>
    public static async Task DiagnosticsAsync(params string[] markedSources)
    {
        var expected = new List<Located>();
        var sources = new string[markedSources.Length];
        for (int i = 0; i < markedSources.Length; i++)
        {
            sources[i] = Markup.Parse(markedSources[i], FileName(i), expected);
        }

        Result result = await RunAsync(sources);
        string[] unexpectedErrors = result.CompilerErrors
            .Where(d => !DeclarationErrors.Contains(d.Id))
            .Select(Describe)
            .ToArray();
        Assert.True(unexpectedErrors.Length == 0, "The test source does not compile:\n" + string.Join("\n", unexpectedErrors));

        var texts = sources.Select((text, i) => (File: FileName(i), Text: SourceText.From(text))).ToDictionary(s => s.File, s => s.Text);
        string[] actual = result.AnalyzerDiagnostics
            .Select(d => new Located(d.Id, d.Location.SourceTree?.FilePath ?? "", d.Location.SourceSpan).Describe(texts))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        string[] wanted = expected
            .Select(e => e.Describe(texts))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(wanted, actual);
    }

    /// <summary>Asserts that the analyzers report nothing on the sources.</summary>
    public static Task NoDiagnosticsAsync(params string[] sources) => DiagnosticsAsync(sources);

    /// <summary>Runs the analyzers over code that may not compile at all; asserts only that none of them throws.</summary>
    public static Task NoCrashAsync(string source) => RunAsync([source]);

    /// <summary>The analyzer diagnostics on one (unmarked) source, for assertions on messages.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) => (await RunAsync([source])).AnalyzerDiagnostics;

    /// <summary>The analyzer diagnostics on sources given with their file names (which can mark a file as generated).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeFilesAsync(params (string File, string Text)[] files) =>
        (await RunAsync(files.Select(f => f.Text).ToArray(), files.Select(f => f.File).ToArray())).AnalyzerDiagnostics;

    private static async Task<Result> RunAsync(string[] sources, string[]? fileNames = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        IEnumerable<SyntaxTree> trees = sources
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, fileNames?[i] ?? FileName(i)))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, parseOptions, "GlobalUsings.cs"));
        var compilation = CSharpCompilation.Create(
            "Test",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();

        // An analyzer that throws on user code shows up as AD0001 (or through the callback): never acceptable.
        Assert.True(exceptions.Count == 0, string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        ImmutableArray<Diagnostic> compilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new Result(diagnostics, compilerErrors);
    }

    private static string FileName(int index) => $"Test{index}.cs";

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}";

    private sealed record Result(ImmutableArray<Diagnostic> AnalyzerDiagnostics, ImmutableArray<Diagnostic> CompilerErrors);

    /// <summary>A diagnostic by ID and exact place; described as "ID file(line,col): text" so a failure shows where.</summary>
    private sealed record Located(string Id, string File, TextSpan Span)
    {
        public string Describe(IReadOnlyDictionary<string, SourceText> texts)
        {
            if (!texts.TryGetValue(File, out SourceText? text))
            {
                return $"{Id} outside the test sources ({File} {Span})";
            }

            LinePosition start = text.Lines.GetLinePosition(Span.Start);
            return $"{Id} {File}({start.Line + 1},{start.Character + 1}): '{text.ToString(Span)}'";
        }
    }

    /// <summary>Strips <c>{|ID:text|}</c> markup, recording one expected diagnostic per marked span.</summary>
    private static class Markup
    {
        public static string Parse(string marked, string file, List<Located> expected)
        {
            var output = new StringBuilder(marked.Length);
            var open = new Stack<(string Id, int Start)>();
            int i = 0;
            while (i < marked.Length)
            {
                if (string.CompareOrdinal(marked, i, "{|", 0, 2) == 0)
                {
                    int colon = marked.IndexOf(':', i + 2);
                    Assert.True(colon > 0, $"Markup '{{|' without ':' at {i} in {file}");
                    open.Push((marked.Substring(i + 2, colon - i - 2), output.Length));
                    i = colon + 1;
                }
                else if (string.CompareOrdinal(marked, i, "|}", 0, 2) == 0)
                {
                    Assert.True(open.Count > 0, $"Markup '|}}' without an opening at {i} in {file}");
                    (string id, int start) = open.Pop();
                    expected.Add(new Located(id, file, TextSpan.FromBounds(start, output.Length)));
                    i += 2;
                }
                else
                {
                    output.Append(marked[i]);
                    i++;
                }
            }

            Assert.True(open.Count == 0, $"Unclosed markup in {file}");
            return output.ToString();
        }
    }
}
