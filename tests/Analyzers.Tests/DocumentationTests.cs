using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Specialized.Analyzers.Tests;

/// <summary>The help pages the descriptors link to: they exist, are released, and their examples do what they say.</summary>
public class DocumentationTests
{
    [Theory]
    [InlineData("SPD0001")]
    [InlineData("SPD0002")]
    [InlineData("SPD0003")]
    [InlineData("SPD0101")]
    [InlineData("SPD0201")]
    [InlineData("SPD0202")]
    [InlineData("SPD0203")]
    [InlineData("SPD0204")]
    [InlineData("SPD0301")]
    public void Help_page_exists_and_is_released(string id)
    {
        Assert.StartsWith("# " + id + ": ", Page(id));

        string releases = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        var descriptor = DescriptorTests.Analyzers().Select(row => (DiagnosticDescriptor)((DiagnosticAnalyzer)row[0]).SupportedDiagnostics[0]).Single(d => d.Id == id);
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases);
    }

    /// <summary>Each page shows a wrong example, then the corrected one.</summary>
    [Theory]
    [InlineData("SPD0001")]
    [InlineData("SPD0002")]
    [InlineData("SPD0003")]
    [InlineData("SPD0101")]
    [InlineData("SPD0201")]
    [InlineData("SPD0202")]
    [InlineData("SPD0203")]
    [InlineData("SPD0204")]
    [InlineData("SPD0301")]
    public async Task Examples_are_accurate(string id)
    {
        string[] examples = Regex.Matches(Page(id), "```csharp\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToArray();
        Assert.Equal(2, examples.Length);

        var wrong = await Verify.AnalyzeAsync(examples[0]);
        Assert.NotEmpty(wrong);
        Assert.All(wrong, d => Assert.Equal(id, d.Id));

        await Verify.NoDiagnosticsAsync(examples[1]);
    }

    private static string Page(string id) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md")).ReplaceLineEndings("\n");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Specialized.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Specialized.sln not found above " + AppContext.BaseDirectory);
    }
}
