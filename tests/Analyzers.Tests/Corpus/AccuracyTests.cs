using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Specialized.Analyzers.Tests;

/// <summary>
/// The analyzers over <see cref="AccuracyCorpus"/>: each snippet raises exactly its labels, and the precision and
/// recall of every rule over the whole corpus (written to analyzer-accuracy.md beside the test assembly and to
/// the test output) stay at the targets: no false positive, recall at least 90%.
/// </summary>
public class AccuracyTests(ITestOutputHelper output)
{
    private static readonly MetadataReference MathNet =
        MetadataReference.CreateFromFile(typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly.Location);

    private static readonly string[] Rules = ["SPD0001", "SPD0002", "SPD0003", "SPD0101", "SPD0201", "SPD0202", "SPD0203", "SPD0204", "SPD0301"];

    public static TheoryData<string> Names() => new(AccuracyCorpus.All.Select(snippet => snippet.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public Task Snippet_raises_its_labels(string name) =>
        Verify.DiagnosticsAsync([MathNet], AccuracyCorpus.Named(name).Source, CorpusSolvers.Source);

    [Fact]
    public async Task Precision_and_recall_per_rule()
    {
        Assert.True(AccuracyCorpus.All.Count >= 60, $"The corpus has {AccuracyCorpus.All.Count} snippets.");
        Assert.Equal(AccuracyCorpus.All.Count, AccuracyCorpus.All.Select(s => s.Name).Distinct().Count());

        var counts = Rules.ToDictionary(rule => rule, _ => (TruePositives: 0, FalsePositives: 0, FalseNegatives: 0));
        foreach (Snippet snippet in AccuracyCorpus.All)
        {
            TestFileMarkupParser.GetSpans(snippet.Source, out string code, out ImmutableDictionary<string, ImmutableArray<TextSpan>> labels);
            var expected = labels.SelectMany(label => label.Value.Select(span => (Id: label.Key, Span: span))).ToHashSet();
            var actual = (await Verify.AnalyzeFilesAsync([MathNet], ("Test0.cs", code), ("Test1.cs", CorpusSolvers.Source)))
                .Select(d => (Id: d.Id, Span: d.Location.SourceTree?.FilePath == "Test0.cs" ? d.Location.SourceSpan : default))
                .ToHashSet();
            foreach (string rule in Rules)
            {
                int truePositives = actual.Count(d => d.Id == rule && expected.Contains(d));
                var entry = counts[rule];
                counts[rule] = (
                    entry.TruePositives + truePositives,
                    entry.FalsePositives + actual.Count(d => d.Id == rule) - truePositives,
                    entry.FalseNegatives + expected.Count(d => d.Id == rule) - truePositives);
            }
        }

        string table = Table(counts);
        output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "analyzer-accuracy.md"), table);
        foreach ((string rule, var c) in counts)
        {
            Assert.True(c.TruePositives > 0, $"{rule}: the corpus labels no {rule}.");
            Assert.True(c.FalsePositives == 0, $"{rule}: {c.FalsePositives} false positives.\n{table}");
            Assert.True(c.TruePositives >= 0.9 * (c.TruePositives + c.FalseNegatives), $"{rule}: recall below 90%.\n{table}");
        }
    }

    private static string Table(Dictionary<string, (int TruePositives, int FalsePositives, int FalseNegatives)> counts)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {AccuracyCorpus.All.Count} snippets.");
        text.AppendLine();
        text.AppendLine("| rule | TP | FP | FN | precision | recall |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach ((string rule, var c) in counts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {c.TruePositives} | {c.FalsePositives} | {c.FalseNegatives} | {Ratio(c.TruePositives, c.TruePositives + c.FalsePositives)} | {Ratio(c.TruePositives, c.TruePositives + c.FalseNegatives)} |");
        }

        return text.ToString();
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F0", CultureInfo.InvariantCulture) + "%";
}
