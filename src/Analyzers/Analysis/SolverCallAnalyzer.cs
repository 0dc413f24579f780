using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// The call-site analyzers' shared plumbing: one rule each, run on every invocation of a specialized solver
/// (an operation action, so the IDE analyzes only what changed), never on generated code, and not at all in
/// compilations that do not reference Specialized.
/// </summary>
public abstract class SolverCallAnalyzer : DiagnosticAnalyzer
{
    private protected SolverCallAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        // Generated files are skipped below, per file (GeneratedFiles says why not by the driver).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (SolverCatalog.For(start.Compilation) is not SolverCatalog catalog)
            {
                return;
            }

            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (catalog.Find(invocation) is SolverTarget target && !catalog.IsGenerated(invocation.Syntax.SyntaxTree, c.Options))
                    {
                        Analyze(new SolverCall(invocation, target), catalog, c);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private protected abstract void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context);
}
