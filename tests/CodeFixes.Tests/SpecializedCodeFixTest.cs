using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Specialized.Analyzers.Tests;

namespace Specialized.CodeFixes.Tests;

/// <summary>
/// <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix, TVerifier}"/> with every Specialized analyzer and every code
/// fix (both found by reflection), one framework's references plus the Specialized runtime, the global usings,
/// and C# latest with nullable enabled. After applying a fix the harness runs all the analyzers again over the
/// fixed code and compares with the fixed sources' markup.
/// </summary>
internal sealed class SpecializedCodeFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    public SpecializedCodeFixTest(TestTarget target, string id)
    {
        // SPD0101, SPD0202 and SPD0204 are reported from the solver call at another place (the allocation, the
        // argument, the size), so the IDE computes them with the whole document: not local diagnostics.
        CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;

        // Fixes without a fix-all provider (each edit needs its own judgement) are applied one by one.
        if (Providers().Any(provider => provider.FixableDiagnosticIds.Contains(id) && provider.GetFixAllProvider() is null))
        {
            CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        }

        ReferenceAssemblies = target.ReferenceAssemblies;
        TestState.AdditionalReferences.Add(target.Runtime);
        TestState.Sources.Add(("GlobalUsings.cs", TestTargets.GlobalUsings));
        FixedState.AdditionalReferences.Add(target.Runtime);
        FixedState.Sources.Add(("GlobalUsings.cs", TestTargets.GlobalUsings));
    }

    /// <summary>A fresh instance of every code fix Specialized.CodeFixes exports.</summary>
    public static IEnumerable<CodeFixProvider> Providers() =>
        typeof(HoistAllocationCodeFixProvider).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type)
                && type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).Length > 0)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!);

    protected override bool IsCompilerDiagnosticIncluded(Diagnostic diagnostic, CompilerDiagnostics compilerDiagnostics) =>
        !TestTargets.DeclarationErrors.Contains(diagnostic.Id) && base.IsCompilerDiagnosticIncluded(diagnostic, compilerDiagnostics);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestTargets.Analyzers();

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => Providers();

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}
