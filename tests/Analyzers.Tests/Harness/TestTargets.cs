using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Specialized.Analyzers.Tests;

/// <summary>
/// A framework test sources compile against: its reference assemblies and the build of the Specialized runtime
/// for it (a net8.0 project sees the net8.0 build, as NuGet would pick it).
/// </summary>
internal sealed record TestTarget(string Name, ReferenceAssemblies ReferenceAssemblies, MetadataReference Runtime)
{
    public override string ToString() => Name;
}

/// <summary>
/// What every analyzer and code-fix test shares: the frameworks (net8.0 and net10.0, the runtime's targets),
/// the analyzers (every concrete <see cref="DiagnosticAnalyzer"/> in the analyzer assembly, found by reflection
/// so a new rule is tested without editing a list), the usings every source sees, and the compiler errors a
/// well-formed test source may have.
/// </summary>
internal static class TestTargets
{
    /// <summary>Every source sees these, like a project with implicit usings.</summary>
    public const string GlobalUsings = "global using System;\nglobal using Specialized;\n";

    /// <summary>
    /// Compiler errors a well-formed test may produce: a definition with no generator to complete it (CS8795),
    /// and the declaration mistakes SPD0001 reports, which the compiler flags too. Any other compiler error
    /// means the test source itself is broken (a typo'd type leaves nothing real to analyze), so it fails.
    /// </summary>
    public static readonly ImmutableArray<string> DeclarationErrors = ImmutableArray.Create(
        "CS8795", // partial method must have an implementation part
        "CS0501", // must declare a body because it is not abstract, extern, or partial
        "CS0751", // a partial method must be declared within a partial type
        "CS0759"); // no defining declaration found for implementing declaration of partial method

    /// <summary>net8.0 then net10.0.</summary>
    public static ImmutableArray<TestTarget> All => Targets.Value;

    /// <summary>A fresh instance of every analyzer Specialized.Analyzers exports.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(SolverCallAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<TestTarget>> Targets = new(() => ImmutableArray.Create(
        new TestTarget(
            "net8.0",
            ReferenceAssemblies.Net.Net80,
            MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "net8.0", "Specialized.dll"))),
        new TestTarget(
            "net10.0",
            Net100FromInstalledSdk(),
            MetadataReference.CreateFromFile(typeof(SpdSolveAttribute).Assembly.Location))));

    /// <summary>
    /// net10.0's reference pack at the version the installed SDK ships. The testing library's own
    /// <c>ReferenceAssemblies.Net.Net100</c> names 10.0.1, which the package feed here does not serve; the SDK's
    /// version is, and matches what a build on this machine compiles against.
    /// </summary>
    private static ReferenceAssemblies Net100FromInstalledSdk()
    {
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        Version version = (Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(path => Version.TryParse(Path.GetFileName(path), out Version? v) ? v : null)
                .Where(v => v is { Major: 10 } && File.Exists(Path.Combine(packs, v.ToString(), "ref", "net10.0", "System.Runtime.dll")))
                .Max()
            : null) ?? throw new InvalidOperationException($"No net10.0 reference pack under {packs}: the tests need the .NET 10 SDK.");

        return new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", version.ToString()),
            Path.Combine("ref", "net10.0"));
    }
}
