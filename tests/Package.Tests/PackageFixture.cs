using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Specialized.Package.Tests;

/// <summary>
/// Packs the repository's runtime project once, from a private copy of the sources in a fresh
/// temp folder (so it never races with the outer build writing into the real bin/ and obj/).
/// </summary>
/// <remarks>The temp folder is deleted afterwards unless a step failed, for whoever debugs it.</remarks>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Every process the package tests start shares this budget.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lazy<PackOutcome> _pack;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "specialized-package-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkDirectory);
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        _pack = new Lazy<PackOutcome>(PackCore);
    }

    public string RepositoryRoot { get; }

    /// <summary>The temp folder: repo/ (the copy), feed/ (the .nupkg), consumer/, packages/.</summary>
    public string WorkDirectory { get; }

    public string FeedDirectory { get; }

    /// <summary>Set when something failed: the temp folder then stays for inspection.</summary>
    public bool KeepWorkDirectory { get; set; }

    /// <summary>Time left in the shared budget, but at most <paramref name="cap"/>.</summary>
    public TimeSpan Remaining(TimeSpan cap)
    {
        TimeSpan left = Budget - _clock.Elapsed;
        return left < cap ? left : cap;
    }

    /// <summary>The pack result; fails the calling test (with the pack output) if packing failed.</summary>
    internal PackOutcome Pack()
    {
        PackOutcome outcome = _pack.Value;
        if (outcome.Package is null)
        {
            KeepWorkDirectory = true;
            Assert.Fail($"Packing the runtime project failed (work folder kept: {WorkDirectory}).{Environment.NewLine}{outcome.Message}");
        }

        return outcome;
    }

    public void Dispose()
    {
        if (KeepWorkDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private PackOutcome PackCore()
    {
        string copy = Path.Combine(WorkDirectory, "repo");
        Directory.CreateDirectory(copy);

        // Every top-level file (Directory.Build.props, Directory.Packages.props, README.md, and
        // whatever else the build may import: global.json, NuGet.config, .editorconfig) and src/.
        foreach (string required in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md" })
        {
            if (!File.Exists(Path.Combine(RepositoryRoot, required)))
            {
                return new PackOutcome(null, null, $"{required} is missing at the repository root {RepositoryRoot}; the package needs it.");
            }
        }

        foreach (string file in Directory.EnumerateFiles(RepositoryRoot))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        CopyTree(Path.Combine(RepositoryRoot, "src"), Path.Combine(copy, "src"));

        ProcessResult pack = ProcessRunner.Run(
            ProcessRunner.DotNet,
            ["pack", Path.Combine(copy, "src", "Runtime", "Specialized.csproj"), "-c", "Release", "-o", FeedDirectory,
             "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"],
            copy,
            Remaining(TimeSpan.FromMinutes(5)));
        if (!pack.Succeeded)
        {
            return new PackOutcome(null, pack, pack.Describe());
        }

        string[] packages = Directory.Exists(FeedDirectory) ? Directory.GetFiles(FeedDirectory, "*.nupkg") : [];
        if (packages.Length != 1 || !Path.GetFileName(packages[0]).StartsWith("Specialized.", StringComparison.Ordinal))
        {
            return new PackOutcome(null, pack,
                $"Expected exactly one Specialized.*.nupkg in {FeedDirectory}, found: [{string.Join(", ", packages.Select(Path.GetFileName))}]{Environment.NewLine}{pack.Describe()}");
        }

        return new PackOutcome(packages[0], pack, pack.Describe());
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.EnumerateDirectories(source))
        {
            string name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or ".vs")
            {
                continue;
            }

            CopyTree(directory, Path.Combine(destination, name));
        }
    }

    private static string FindRepositoryRoot()
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
}

/// <summary>The packed .nupkg (null if packing failed), the pack process and a message for assertions.</summary>
internal sealed record PackOutcome(string? Package, ProcessResult? Process, string Message)
{
    internal IReadOnlyList<string> Warnings =>
        Process is null
            ? []
            : Process.Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.OrdinalIgnoreCase)).Select(l => l.TrimEnd()).Distinct().ToList();
}
