using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Specialized.Analyzers.Tests;

/// <summary>
/// <see cref="CSharpAnalyzerTest{TAnalyzer, TVerifier}"/> with every Specialized analyzer, one framework's
/// references plus the Specialized runtime, the global usings, C# latest with nullable and unsafe code enabled,
/// and the compiler's declaration errors (<see cref="TestTargets.DeclarationErrors"/>) left out of the comparison.
/// </summary>
internal sealed class SpecializedAnalyzerTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
{
    public SpecializedAnalyzerTest(TestTarget target)
    {
        ReferenceAssemblies = target.ReferenceAssemblies;
        TestState.AdditionalReferences.Add(target.Runtime);
        TestState.Sources.Add(("GlobalUsings.cs", TestTargets.GlobalUsings));
    }

    /// <summary>The compilation options every test compiles with.</summary>
    public static CSharpCompilationOptions Options(CSharpCompilationOptions options) =>
        options.WithNullableContextOptions(NullableContextOptions.Enable).WithAllowUnsafe(true);

    protected override bool IsCompilerDiagnosticIncluded(Diagnostic diagnostic, CompilerDiagnostics compilerDiagnostics) =>
        !TestTargets.DeclarationErrors.Contains(diagnostic.Id) && base.IsCompilerDiagnosticIncluded(diagnostic, compilerDiagnostics);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestTargets.Analyzers();

    protected override CompilationOptions CreateCompilationOptions() => Options((CSharpCompilationOptions)base.CreateCompilationOptions());

    protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}
