using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Specialized.Package.Tests;

/// <summary>
/// Consumes the packed Specialized package as a user does: checks what is inside the .nupkg, then
/// builds a fresh console app that references only the package (generator and analyzers included)
/// and runs it.
/// </summary>
public sealed class PackageTests(PackageFixture fixture, ITestOutputHelper output) : IClassFixture<PackageFixture>
{
    /// <summary>The floor of Roslyn the generator and analyzers may reference (the .NET 8 SDK's compiler).</summary>
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    [Fact]
    public void Package_HoldsRuntimeForEachTarget_AndRoslynComponents_WithoutRoslynDependency()
    {
        PackOutcome pack = fixture.Pack();
        Log(pack.Process);
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(pack.Package!);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            string listing = string.Join(Environment.NewLine, entries.Order(StringComparer.Ordinal));

            string[] expected =
            [
                "README.md",
                "lib/net8.0/Specialized.dll",
                "lib/net8.0/Specialized.xml",
                "lib/net10.0/Specialized.dll",
                "lib/net10.0/Specialized.xml",
                "analyzers/dotnet/cs/Specialized.Generator.dll",
                "analyzers/dotnet/cs/Specialized.Analyzers.dll",
                "analyzers/dotnet/cs/Specialized.CodeFixes.dll",
            ];
            string[] missing = expected.Where(e => !entries.Contains(e)).ToArray();
            Assert.True(missing.Length == 0, $"Missing from the package: {string.Join(", ", missing)}{Environment.NewLine}Package holds:{Environment.NewLine}{listing}");

            string[] libFolders = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct().Order().ToArray();
            Assert.True(libFolders.SequenceEqual(["net10.0", "net8.0"]), $"lib/ should hold exactly net8.0 and net10.0, holds: {string.Join(", ", libFolders)}");

            string[] roslynCopies = entries.Where(e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)).ToArray();
            Assert.True(roslynCopies.Length == 0, $"The package must not ship Roslyn itself: {string.Join(", ", roslynCopies)}");

            string nuspecName = entries.Single(e => e.EndsWith(".nuspec", StringComparison.Ordinal) && !e.Contains('/', StringComparison.Ordinal));
            XDocument nuspec;
            using (Stream stream = zip.GetEntry(nuspecName)!.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            string[] dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id") ?? "").ToArray();
            string[] roslynDependencies = dependencies.Where(d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)).ToArray();
            Assert.True(roslynDependencies.Length == 0, $"The nuspec must not depend on Roslyn: {string.Join(", ", roslynDependencies)}{Environment.NewLine}{nuspec}");
            Assert.Equal("README.md", nuspec.Descendants().Single(e => e.Name.LocalName == "readme").Value);

            foreach (string component in new[] { "analyzers/dotnet/cs/Specialized.Generator.dll", "analyzers/dotnet/cs/Specialized.Analyzers.dll" })
            {
                IReadOnlyList<(string Name, Version Version)> references = AssemblyReferences(zip, component);
                Assert.True(references.Any(r => r.Name == "netstandard"), $"{component} must target netstandard2.0 (to load in every compiler host); it references {Format(references)}");
                foreach (var reference in references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
                {
                    Assert.True(reference.Version <= RoslynFloor, $"{component} references {reference.Name} {reference.Version}, above the {RoslynFloor} floor (the .NET 8 SDK's compiler could not load it)");
                }
            }

            Assert.True(pack.Warnings.Count == 0, $"dotnet pack printed warnings:{Environment.NewLine}{string.Join(Environment.NewLine, pack.Warnings)}{Environment.NewLine}{pack.Message}");
        }
        catch
        {
            fixture.KeepWorkDirectory = true;
            throw;
        }
    }

    /// <summary>
    /// The symbols package sits beside the package and holds, for each target, the portable PDB that
    /// the target's Specialized.dll names in its debug directory (same id), so a debugger finds it.
    /// </summary>
    [Fact]
    public void SymbolsPackage_HoldsThePdbOfEachTargetsDll()
    {
        PackOutcome pack = fixture.Pack();
        try
        {
            string symbols = Path.ChangeExtension(pack.Package!, ".snupkg");
            Assert.True(File.Exists(symbols), $"No symbols package {symbols} beside the package.{Environment.NewLine}{pack.Message}");
            using ZipArchive package = ZipFile.OpenRead(pack.Package!);
            using ZipArchive symbolPackage = ZipFile.OpenRead(symbols);
            foreach (string target in new[] { "net8.0", "net10.0" })
            {
                using var pe = new PEReader(Entry(package, $"lib/{target}/Specialized.dll"));
                DebugDirectoryEntry codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
                var named = new BlobContentId(pe.ReadCodeViewDebugDirectoryData(codeView).Guid, codeView.Stamp);

                Assert.NotNull(symbolPackage.GetEntry($"lib/{target}/Specialized.pdb"));
                using MetadataReaderProvider pdb = MetadataReaderProvider.FromPortablePdbStream(Entry(symbolPackage, $"lib/{target}/Specialized.pdb"));
                var held = new BlobContentId(pdb.GetMetadataReader().DebugMetadataHeader!.Id);
                Assert.Equal(named, held);
            }
        }
        catch
        {
            fixture.KeepWorkDirectory = true;
            throw;
        }
    }

    [Fact]
    public void ConsoleApp_ReferencingOnlyThePackage_BuildsWithoutWarnings_AndSolves()
    {
        PackOutcome pack = fixture.Pack();
        Log(pack.Process);
        try
        {
            (string consumer, string packages, Dictionary<string, string> environment, string version) = RestoreConsumer(pack, "Consumer", "consumer");

            ProcessResult build = ProcessRunner.Run(
                ProcessRunner.DotNet,
                ["build", "Consumer.csproj", "-c", "Release", "--no-restore", "-warnaserror", "-v:n",
                 "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"],
                consumer,
                fixture.Remaining(TimeSpan.FromMinutes(5)),
                environment);
            Log(build);
            Assert.True(build.Succeeded, "Building the consumer failed." + Environment.NewLine + build.Describe());
            Assert.True(
                build.Output.Contains("0 Warning(s)", StringComparison.Ordinal) && !build.Output.Contains(": warning ", StringComparison.OrdinalIgnoreCase),
                "Building the consumer printed warnings." + Environment.NewLine + build.Describe());

            // The compiler ran both Roslyn components straight from the restored package.
            foreach (string component in new[] { "Specialized.Generator.dll", "Specialized.Analyzers.dll" })
            {
                string expected = Path.Combine(packages, "specialized", version.ToLowerInvariant(), "analyzers", "dotnet", "cs", component);
                Assert.True(build.Output.Contains("/analyzer:" + expected, StringComparison.Ordinal),
                    $"The compiler was not given {expected} as an analyzer.{Environment.NewLine}{build.Describe()}");
            }

            string program = Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll");
            ProcessResult run = ProcessRunner.Run(
                ProcessRunner.DotNet,
                [program],
                consumer,
                fixture.Remaining(TimeSpan.FromMinutes(3)));
            Log(run);
            output.WriteLine(run.Output);
            Assert.True(run.Succeeded, "The consumer program failed." + Environment.NewLine + run.Describe());
            string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length > 0 && lines[^1] == "ALL OK", "The consumer program did not end with ALL OK." + Environment.NewLine + run.Describe());
            Assert.True(
                lines.Any(l => l.StartsWith("OK ", StringComparison.Ordinal)) && !lines.Any(l => l.StartsWith("FAIL", StringComparison.Ordinal)),
                "Expected solver lines starting with OK and none with FAIL." + Environment.NewLine + run.Describe());
        }
        catch
        {
            fixture.KeepWorkDirectory = true;
            throw;
        }
    }

    /// <summary>
    /// The call-site analyzers run from the package in a user's command-line build: the analyzer consumer's
    /// warnings are exactly the ones its source announces, line by line, in trailing comments ("// SPD0101").
    /// </summary>
    [Fact]
    public void AnalyzerConsumer_BuildOutput_ShowsTheCallSiteWarnings_AtTheirLines()
    {
        PackOutcome pack = fixture.Pack();
        try
        {
            (string consumer, _, Dictionary<string, string> environment, _) = RestoreConsumer(pack, "AnalyzerConsumer", "analyzer-consumer");
            string[] source = File.ReadAllLines(Path.Combine(consumer, "Program.cs"));
            string[] expected = source
                .SelectMany((line, index) => Regex.Match(line, @"// (SPD\d{4}(?: SPD\d{4})*)$") is { Success: true } marker
                    ? marker.Groups[1].Value.Split(' ').Select(id => $"{id} at line {index + 1}")
                    : [])
                .Order(StringComparer.Ordinal)
                .ToArray();
            Assert.Contains("SPD0101 at line", string.Join(Environment.NewLine, expected), StringComparison.Ordinal);
            Assert.Contains("SPD0202 at line", string.Join(Environment.NewLine, expected), StringComparison.Ordinal);

            // The consumer template treats warnings as errors; here they are the point, so they stay warnings.
            ProcessResult build = ProcessRunner.Run(
                ProcessRunner.DotNet,
                ["build", "Consumer.csproj", "-c", "Release", "--no-restore", "-p:TreatWarningsAsErrors=false", "-v:n",
                 "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"],
                consumer,
                fixture.Remaining(TimeSpan.FromMinutes(5)),
                environment);
            Log(build);
            Assert.True(build.Succeeded, "Building the analyzer consumer failed." + Environment.NewLine + build.Describe());

            string[] warnings = build.Output.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToArray();
            string[] unexpected = warnings.Where(l => !Regex.IsMatch(l, @"Program\.cs\(\d+,\d+\): warning SPD\d{4}:")).ToArray();
            Assert.True(unexpected.Length == 0, "Warnings other than the analyzers' in Program.cs:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
            string[] actual = warnings
                .Select(l => Regex.Match(l, @"Program\.cs\((\d+),\d+\): warning (SPD\d{4}):"))
                .Select(m => $"{m.Groups[2].Value} at line {m.Groups[1].Value}")
                .Distinct() // MSBuild prints each warning twice: where it happens and in the summary.
                .Order(StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(expected, actual);
        }
        catch
        {
            fixture.KeepWorkDirectory = true;
            throw;
        }
    }

    /// <summary>
    /// A fresh console project in <paramref name="folder"/> with <paramref name="programFolder"/>'s Program.cs, the
    /// consumer project and NuGet.config templates, restored against the freshly packed feed only.
    /// </summary>
    private (string Consumer, string Packages, Dictionary<string, string> Environment, string Version) RestoreConsumer(PackOutcome pack, string programFolder, string folder)
    {
        string version = PackageVersion(pack.Package!);
        string templates = Path.Combine(fixture.RepositoryRoot, "tests", "Package.Tests", "Consumer");
        string consumer = Path.Combine(fixture.WorkDirectory, folder);
        string packages = Path.Combine(fixture.WorkDirectory, "packages");
        Directory.CreateDirectory(consumer);

        File.Copy(Path.Combine(fixture.RepositoryRoot, "tests", "Package.Tests", programFolder, "Program.cs"), Path.Combine(consumer, "Program.cs"));
        File.WriteAllText(
            Path.Combine(consumer, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(templates, "Consumer.csproj.template")).Replace("@SPECIALIZED_VERSION@", version, StringComparison.Ordinal));
        File.WriteAllText(
            Path.Combine(consumer, "NuGet.config"),
            File.ReadAllText(Path.Combine(templates, "NuGet.config.template"))
                .Replace("@PACKAGES_FOLDER@", packages, StringComparison.Ordinal)
                .Replace("@FEED_FOLDER@", fixture.FeedDirectory, StringComparison.Ordinal));

        // A user's project stands alone: stop MSBuild from importing any Directory.*.props/targets
        // that happen to sit above the temp folder.
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(consumer, name), "<Project />" + Environment.NewLine);
        }

        // NUGET_PACKAGES would override the NuGet.config's globalPackagesFolder.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        ProcessResult restore = ProcessRunner.Run(
            ProcessRunner.DotNet,
            ["restore", "Consumer.csproj", "-nodeReuse:false", "-tl:off"],
            consumer,
            fixture.Remaining(TimeSpan.FromMinutes(3)),
            environment);
        Log(restore);
        Assert.True(restore.Succeeded, "Restoring the consumer failed." + Environment.NewLine + restore.Describe());

        string metadata = Path.Combine(packages, "specialized", version.ToLowerInvariant(), ".nupkg.metadata");
        Assert.True(File.Exists(metadata), $"Specialized {version} was not restored into {packages}.{Environment.NewLine}{restore.Describe()}");
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(metadata)))
        {
            string source = json.RootElement.GetProperty("source").GetString() ?? "";
            Assert.True(
                Path.TrimEndingDirectorySeparator(source) == Path.TrimEndingDirectorySeparator(fixture.FeedDirectory),
                $"Specialized {version} came from '{source}', not from the freshly packed feed {fixture.FeedDirectory}.");
        }

        return (consumer, packages, environment, version);
    }

    /// <summary>One line per process in the test's output: what ran and how long it took.</summary>
    private void Log(ProcessResult? result)
    {
        if (result is not null)
        {
            output.WriteLine($"{(result.TimedOut ? "timed out" : $"exit {result.ExitCode}")} after {result.Elapsed.TotalSeconds:F1} s: {result.CommandLine}");
        }
    }

    private static string PackageVersion(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using Stream stream = nuspec.Open();
        return XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "version" && e.Parent?.Name.LocalName == "metadata").Value;
    }

    /// <summary>A package entry's bytes, in a seekable stream (the metadata readers need one).</summary>
    private static MemoryStream Entry(ZipArchive zip, string entryName)
    {
        var bytes = new MemoryStream();
        using (Stream stream = zip.GetEntry(entryName)!.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        return bytes;
    }

    private static IReadOnlyList<(string Name, Version Version)> AssemblyReferences(ZipArchive zip, string entryName)
    {
        using var pe = new PEReader(Entry(zip, entryName));
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }

    private static string Format(IEnumerable<(string Name, Version Version)> references) =>
        string.Join(", ", references.Select(r => $"{r.Name} {r.Version}"));
}
