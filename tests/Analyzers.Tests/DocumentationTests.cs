using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>The help pages the descriptors link to: they exist, are released, and their examples do what they say.</summary>
public class DocumentationTests
{
    [Theory]
    [InlineData("SPD0001")]
    [InlineData("SPD0002")]
    [InlineData("SPD0003")]
    public void Help_page_exists_and_is_released(string id)
    {
        Assert.StartsWith("# " + id + ": ", Page(id));

        string releases = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | Specialized.Declaration | Error |", releases);
    }

    /// <summary>Each page shows a wrong example, then the corrected one.</summary>
    [Theory]
    [InlineData("SPD0001")]
    [InlineData("SPD0002")]
    [InlineData("SPD0003")]
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
