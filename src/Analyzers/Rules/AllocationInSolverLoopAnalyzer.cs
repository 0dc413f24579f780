using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>SPD0101: an allocation on every iteration of a loop (or Parallel.For/ForEach body) that calls a specialized solver.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AllocationInSolverLoopAnalyzer : SolverCallAnalyzer
{
    public const string Id = "SPD0101";

    internal static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Allocation in a loop that calls a specialized solver",
        messageFormat: "'{0}' allocates on every iteration of a {1} that calls '{2}'; allocate once outside it and reuse the buffer",
        DiagnosticCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A small solve takes tens of nanoseconds; an allocation, its zeroing and the garbage collections it causes can cost as much as the solve itself.",
        helpLinkUri: HelpLinks.For(Id));

    public AllocationInSolverLoopAnalyzer()
        : base(Rule)
    {
    }

    private protected override void Analyze(SolverCall call, SolverCatalog catalog, OperationAnalysisContext context)
    {
        if (LoopRegions.Outermost(call.Invocation) is not IOperation region)
        {
            return;
        }

        // Every solver call in the region sees the same region: only the first one in the source reports it.
        List<IOperation>? allocations = null;
        foreach (IOperation operation in LoopRegions.Operations(region))
        {
            if (operation is IInvocationOperation other && other != call.Invocation
                && other.Syntax.SpanStart < call.Invocation.Syntax.SpanStart && catalog.Find(other) is not null)
            {
                return;
            }

            if (Allocations.IsAllocation(operation) && !IsUnderThrow(operation, region))
            {
                (allocations ??= new List<IOperation>()).Add(operation);
            }
        }

        if (allocations is null)
        {
            return;
        }

        string where = LoopRegions.Describe(region);
        string solver = call.Target.Method.ContainingType.Name + "." + call.Target.Method.Name;
        foreach (IOperation allocation in allocations)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, allocation.Syntax.GetLocation(), allocation.Syntax.ToString(), where, solver));
        }
    }

    // A throw is the path that ends the loop: what it allocates is paid once.
    private static bool IsUnderThrow(IOperation operation, IOperation region)
    {
        for (IOperation? current = operation.Parent; current is not null && current != region; current = current.Parent)
        {
            if (current is IThrowOperation)
            {
                return true;
            }
        }

        return false;
    }
}
