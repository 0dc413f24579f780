using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Specialized.Analyzers.Tests;

/// <summary>Each analyzer has one descriptor, with its ID, severity, category and help link.</summary>
public class DescriptorTests
{
    public static TheoryData<DiagnosticAnalyzer, string, DiagnosticSeverity, string> Analyzers() => new()
    {
        { new DeclarationShapeAnalyzer(), "SPD0001", DiagnosticSeverity.Error, "Specialized.Declaration" },
        { new SignatureAnalyzer(), "SPD0002", DiagnosticSeverity.Error, "Specialized.Declaration" },
        { new AttributeArgumentAnalyzer(), "SPD0003", DiagnosticSeverity.Error, "Specialized.Declaration" },
        { new AllocationInSolverLoopAnalyzer(), "SPD0101", DiagnosticSeverity.Warning, "Specialized.Performance" },
        { new RowCopyPerCallAnalyzer(), "SPD0201", DiagnosticSeverity.Warning, "Specialized.Performance" },
        { new LayoutMismatchAnalyzer(), "SPD0202", DiagnosticSeverity.Warning, "Specialized.Correctness" },
        { new SpanTooShortAnalyzer(), "SPD0203", DiagnosticSeverity.Error, "Specialized.Correctness" },
        { new SizeAboveMaxNAnalyzer(), "SPD0204", DiagnosticSeverity.Info, "Specialized.Performance" },
        { new IgnoredResultAnalyzer(), "SPD0301", DiagnosticSeverity.Warning, "Specialized.Correctness" },
    };

    /// <summary>The table above covers every analyzer the harness finds by reflection, and nothing else.</summary>
    [Fact]
    public void Every_exported_analyzer_is_described()
    {
        string[] described = Analyzers().Select(row => row[0].GetType().FullName!).Order(StringComparer.Ordinal).ToArray();
        string[] exported = TestTargets.Analyzers().Select(analyzer => analyzer.GetType().FullName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(described, exported);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Descriptor(DiagnosticAnalyzer analyzer, string id, DiagnosticSeverity severity, string category)
    {
        DiagnosticDescriptor descriptor = Assert.Single(analyzer.SupportedDiagnostics);
        Assert.Equal(id, descriptor.Id);
        Assert.Equal(severity, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal(category, descriptor.Category);
        Assert.Equal(HelpLinks.Base + id + ".md", descriptor.HelpLinkUri);
    }
}
