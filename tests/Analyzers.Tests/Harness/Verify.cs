using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Specialized.Analyzers.Tests;

/// <summary>
/// Runs all of Specialized's analyzers over C# sources with the standard Roslyn test harness
/// (<see cref="SpecializedAnalyzerTest"/>), once per framework in <see cref="TestTargets"/>, and compares what
/// they report with markup. A span marked <c>{|SPD0002:Solve|}</c> expects exactly one SPD0002 on exactly that
/// text; markup nests, so <c>{|SPD0001:{|SPD0002:Solve|}|}</c> expects both. Anything reported but not marked,
/// and any compiler error but the declaration errors, fails the test.
/// </summary>
internal static class Verify
{
    /// <summary>Asserts that the analyzers report exactly the marked diagnostics across all sources, on every framework.</summary>
    public static Task DiagnosticsAsync(params string[] markedSources) => DiagnosticsAsync([], markedSources);

    /// <summary>The same, with more assemblies referenced (MathNet.Numerics, say).</summary>
    public static async Task DiagnosticsAsync(MetadataReference[] references, params string[] markedSources)
    {
        foreach (TestTarget target in TestTargets.All)
        {
            var test = new SpecializedAnalyzerTest(target);
            test.TestState.AdditionalReferences.AddRange(references);
            for (int i = 0; i < markedSources.Length; i++)
            {
                test.TestState.Sources.Add((FileName(i), markedSources[i]));
            }

            await test.RunAsync();
        }
    }

    /// <summary>Asserts that the analyzers report nothing on the sources.</summary>
    public static Task NoDiagnosticsAsync(params string[] sources) => DiagnosticsAsync(sources);

    /// <summary>Runs the analyzers over code that may not compile at all; asserts only that none of them throws.</summary>
    public static async Task NoCrashAsync(string source)
    {
        foreach (TestTarget target in TestTargets.All)
        {
            await RunAsync(target, [(FileName(0), source)], []);
        }
    }

    /// <summary>The analyzer diagnostics on one (unmarked) source, for assertions on messages; the same on every framework.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) => AnalyzeFilesAsync((FileName(0), source));

    /// <summary>The analyzer diagnostics on sources given with their file names (which can mark a file as generated).</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeFilesAsync(params (string File, string Text)[] files) => AnalyzeFilesAsync([], files);

    /// <summary>The same, with more assemblies referenced.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeFilesAsync(MetadataReference[] references, params (string File, string Text)[] files)
    {
        ImmutableArray<Diagnostic> first = default;
        foreach (TestTarget target in TestTargets.All)
        {
            ImmutableArray<Diagnostic> diagnostics = await RunAsync(target, files, references);
            if (first.IsDefault)
            {
                first = diagnostics;
            }
            else
            {
                Assert.Equal(Describe(first), Describe(diagnostics));
            }
        }

        return first;
    }

    /// <summary>
    /// The analyzers over a compilation built from the same references as <see cref="SpecializedAnalyzerTest"/>
    /// (for sources that need not compile, or whose diagnostics a test inspects itself).
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(TestTarget target, (string File, string Text)[] files, MetadataReference[] extra)
    {
        ImmutableArray<MetadataReference> references = await target.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        IEnumerable<SyntaxTree> trees = files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.File))
            .Append(CSharpSyntaxTree.ParseText(TestTargets.GlobalUsings, parseOptions, "GlobalUsings.cs"));
        var compilation = CSharpCompilation.Create(
            "Test",
            trees,
            references.Add(target.Runtime).AddRange(extra),
            SpecializedAnalyzerTest.Options(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(TestTargets.Analyzers(), options).GetAnalyzerDiagnosticsAsync();

        // An analyzer that throws on user code shows up as AD0001 (or through the callback): never acceptable.
        Assert.True(exceptions.Count == 0, $"{target}: " + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string FileName(int index) => $"Test{index}.cs";

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()}: {d.GetMessage()}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
