using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Specialized.Generator;

namespace Specialized.Generator.Tests;

/// <summary>Compiles test sources against the BCL and the Specialized runtime and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(SolveResult).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The strictest settings: nullable on, every warning wave, warnings as errors.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Tests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new ISourceGenerator[] { new SpdSolveGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (Compilation Output, GeneratorDriverRunResult Result) Run(Compilation input)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        return (output, driver.GetRunResult());
    }

    /// <summary>Generated sources by hint name, line ends normalized.</summary>
    public static IReadOnlyDictionary<string, string> Sources(GeneratorDriverRunResult result) =>
        result.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString().Replace("\r\n", "\n"), StringComparer.Ordinal);

    /// <summary>Every error or warning, compiler's and generator's, as readable lines.</summary>
    public static string[] Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToArray();
}
