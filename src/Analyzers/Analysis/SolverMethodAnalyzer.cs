using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Specialized.Analyzers;

/// <summary>
/// The declaration analyzers' shared plumbing: one rule each, run on every method that carries
/// one of our attributes, never on generated code.
/// </summary>
public abstract class SolverMethodAnalyzer : DiagnosticAnalyzer
{
    private protected SolverMethodAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        SolverMethods.Register(context, Analyze);
    }

    private protected abstract void Analyze(SolverMethodContext context);
}
