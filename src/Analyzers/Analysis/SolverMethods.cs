using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>One of our attributes on a method, with the solver it asks for.</summary>
internal readonly record struct SolverAttribute(AttributeData Data, SolverKind Kind)
{
    /// <summary>The attribute as users write it, e.g. "SpdSolve": each kind is named after its attribute.</summary>
    public string ShortName => Kind.ToString();
}

/// <summary>A method that carries at least one of our attributes, handed to an analyzer.</summary>
internal readonly struct SolverMethodContext
{
    private readonly Action<Diagnostic> _report;

    public SolverMethodContext(IMethodSymbol method, ImmutableArray<SolverAttribute> attributes, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Method = method;
        Attributes = attributes;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public IMethodSymbol Method { get; }

    public ImmutableArray<SolverAttribute> Attributes { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The implementing half of a partial method that the user wrote: the generator's own output never gets
    /// here, since generated code is not analyzed. It shares its attributes with the defining half.
    /// </summary>
    public bool IsHandWrittenImplementation => Method.PartialDefinitionPart is not null;

    /// <summary>The method's identifier (the accessor keyword for accessors).</summary>
    public Location Identifier => Method.Locations.IsEmpty ? Location.None : Method.Locations[0];

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        _report(Diagnostic.Create(descriptor, location, messageArgs));
}

/// <summary>Finds the methods that carry our attributes, so each analyzer only says what it checks.</summary>
internal static class SolverMethods
{
    public static void Register(AnalysisContext context, Action<SolverMethodContext> analyze)
    {
        context.RegisterSymbolAction(
            c => Analyze((IMethodSymbol)c.Symbol, c.ReportDiagnostic, analyze, c.CancellationToken),
            SymbolKind.Method);

        // Local functions are not symbol-action targets, yet they accept method attributes: without this
        // an attribute on one would be silently ignored, since the generator never completes a local function.
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (c.SemanticModel.GetDeclaredSymbol(c.Node, c.CancellationToken) is IMethodSymbol method)
                {
                    Analyze(method, c.ReportDiagnostic, analyze, c.CancellationToken);
                }
            },
            SyntaxKind.LocalFunctionStatement);
    }

    private static void Analyze(IMethodSymbol method, Action<Diagnostic> report, Action<SolverMethodContext> analyze, CancellationToken cancellationToken)
    {
        ImmutableArray<SolverAttribute>.Builder? found = null;
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (DeclarationRules.KindOf(attribute.AttributeClass) is SolverKind kind)
            {
                found ??= ImmutableArray.CreateBuilder<SolverAttribute>();
                found.Add(new SolverAttribute(attribute, kind));
            }
        }

        if (found is not null)
        {
            analyze(new SolverMethodContext(method, found.ToImmutable(), report, cancellationToken));
        }
    }
}
