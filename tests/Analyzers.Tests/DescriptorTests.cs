using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Specialized.Analyzers.Tests;

/// <summary>Each analyzer has one descriptor, with its ID, severity, category and help link.</summary>
public class DescriptorTests
{
    public static TheoryData<DiagnosticAnalyzer, string> Analyzers() => new()
    {
        { new DeclarationShapeAnalyzer(), "SPD0001" },
        { new SignatureAnalyzer(), "SPD0002" },
        { new AttributeArgumentAnalyzer(), "SPD0003" },
    };

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Descriptor(DiagnosticAnalyzer analyzer, string id)
    {
        DiagnosticDescriptor descriptor = Assert.Single(analyzer.SupportedDiagnostics);
        Assert.Equal(id, descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal("Specialized.Declaration", descriptor.Category);
        Assert.Equal(HelpLinks.Base + id + ".md", descriptor.HelpLinkUri);
    }
}
