using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Specialized.Common;

namespace Specialized.Analyzers;

/// <summary>
/// Recognizes calls to specialized solvers within one compilation. Created once per compilation (where it
/// resolves the runtime's types by metadata name) and asked about every invocation, so it remembers each
/// method it has classified and each method body's <see cref="BodyFacts"/>.
/// </summary>
internal sealed class SolverCatalog
{
    private const string CholeskyName = "Specialized.Cholesky";
    private const string LeastSquaresName = "Specialized.LeastSquares";

    private readonly INamedTypeSymbol? _cholesky;
    private readonly INamedTypeSymbol? _leastSquares;
    private readonly ConcurrentDictionary<IMethodSymbol, SolverTarget?> _targets = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IOperation, BodyFacts> _bodies = new();
    private readonly ConcurrentDictionary<SyntaxTree, bool> _generatedFiles = new();

    // One catalog per compilation, shared by the six call-site analyzers, so each method is classified and
    // each body's facts gathered once however many analyzers ask.
    private static readonly ConditionalWeakTable<Compilation, SolverCatalog> Catalogs = new();

    private readonly bool _referencesSpecialized;

    private SolverCatalog(Compilation compilation)
    {
        _referencesSpecialized = compilation.GetTypeByMetadataName(KnownNames.SpdSolveAttribute) is not null;
        _cholesky = compilation.GetTypeByMetadataName(CholeskyName);
        _leastSquares = compilation.GetTypeByMetadataName(LeastSquaresName);
    }

    /// <summary>The compilation's catalog, or null when it does not reference Specialized (nothing to analyze).</summary>
    public static SolverCatalog? For(Compilation compilation)
    {
        SolverCatalog catalog = Catalogs.GetValue(compilation, c => new SolverCatalog(c));
        return catalog._referencesSpecialized ? catalog : null;
    }

    /// <summary>The solver an invocation calls, or null when it calls none.</summary>
    public SolverTarget? Find(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;

        // Every solver is static and takes spans: this keeps the cache to the methods that could be one,
        // and rules out most calls (Math.Max, Array.Clear) without hashing a symbol.
        if (!method.IsStatic || !TakesSpan(method))
        {
            return null;
        }

        method = method.PartialDefinitionPart ?? method;
        return _targets.GetOrAdd(method, Classify);
    }

    /// <summary>Whether a file is generated code (<see cref="GeneratedFiles"/>), decided once per file.</summary>
    public bool IsGenerated(SyntaxTree tree, AnalyzerOptions options)
    {
        // Looked up before anything is built: a factory lambda would allocate its closure on every call.
        if (!_generatedFiles.TryGetValue(tree, out bool generated))
        {
            generated = GeneratedFiles.Contains(tree, options);
            _generatedFiles.TryAdd(tree, generated);
        }

        return generated;
    }

    /// <summary>The facts of the method body <paramref name="operation"/> sits in, gathered once per body.</summary>
    public BodyFacts Facts(IOperation operation) => _bodies.GetValue(ValueTracing.Root(operation), BodyFacts.Create);

    private SolverTarget? Classify(IMethodSymbol method)
    {
        if (_cholesky is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _cholesky)
            && method.DeclaredAccessibility == Accessibility.Public)
        {
            return new SolverTarget(method, attribute: null, kind: null, RuntimeRoles(method));
        }

        // The single fits; FitBatch's spans hold many fits, which no per-call rule describes.
        if (_leastSquares is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _leastSquares)
            && method.DeclaredAccessibility == Accessibility.Public && method.Name is "Fit" or "FitWeighted")
        {
            return new SolverTarget(method, attribute: null, SolverKind.LeastSquares, RuntimeRoles(method));
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (DeclarationRules.KindOf(attribute.AttributeClass) is SolverKind kind)
            {
                return new SolverTarget(method, attribute, kind, GeneratedRoles(method, kind));
            }
        }

        return null;
    }

    private static bool TakesSpan(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", IsGenericType: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The runtime's parameters are named for what they hold.</summary>
    private static ImmutableArray<ParameterRole> RuntimeRoles(IMethodSymbol method)
    {
        var roles = ImmutableArray.CreateBuilder<ParameterRole>(method.Parameters.Length);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            roles.Add(parameter.Name switch
            {
                "a" or "factor" or "inverse" => ParameterRole.Matrix,
                "b" => ParameterRole.RightHandSide,
                "w" => ParameterRole.Weights,
                "rows" => ParameterRole.Rows,
                "cols" => ParameterRole.Columns,
                "x" => ParameterRole.Solution,
                "n" => ParameterRole.Order,
                "nrhs" => ParameterRole.RightHandSideCount,
                "layout" => ParameterRole.Layout,
                _ => ParameterRole.Other,
            });
        }

        return roles.MoveToImmutable();
    }

    /// <summary>The user names the parameters, so their roles follow from the recognized form, by position.</summary>
    private static ImmutableArray<ParameterRole> GeneratedRoles(IMethodSymbol method, SolverKind kind)
    {
        if (kind == SolverKind.LeastSquares)
        {
            return LeastSquaresRoles(method);
        }

        if (SignatureRecognizer.Recognize(method, kind) is not SolverSignature signature)
        {
            return ImmutableArray<ParameterRole>.Empty;
        }

        ParameterRole[] spans = signature.Form switch
        {
            SolveForm.InPlace => [ParameterRole.Matrix, ParameterRole.RightHandSide],
            SolveForm.KeepInputs => [ParameterRole.Matrix, ParameterRole.RightHandSide, ParameterRole.Solution],
            SolveForm.Factored => [ParameterRole.Matrix, ParameterRole.RightHandSide],
            SolveForm.Inverse => [ParameterRole.Matrix, ParameterRole.Matrix],
            _ => [ParameterRole.Matrix],
        };

        var roles = ImmutableArray.CreateBuilder<ParameterRole>(method.Parameters.Length);
        roles.AddRange(spans);
        roles.Add(ParameterRole.Order);
        if (signature.HasNrhs)
        {
            roles.Add(ParameterRole.RightHandSideCount);
        }

        return roles.Count == method.Parameters.Length ? roles.MoveToImmutable() : ImmutableArray<ParameterRole>.Empty;
    }

    /// <summary>
    /// (a, b, [w,] x, int rows, int cols[, T ridge]) as docs/design.md ("Forms") lists it, matched loosely by shape so a
    /// call to a method the generator rejected is still checked.
    /// </summary>
    private static ImmutableArray<ParameterRole> LeastSquaresRoles(IMethodSymbol method)
    {
        var p = method.Parameters;
        int spans = 0;
        while (spans < p.Length && p[spans].Type is INamedTypeSymbol { IsGenericType: true, Name: "Span" or "ReadOnlySpan" })
        {
            spans++;
        }

        int rest = p.Length - spans;
        if (spans is not (3 or 4) || rest is not (2 or 3)
            || p[spans].Type.SpecialType != SpecialType.System_Int32 || p[spans + 1].Type.SpecialType != SpecialType.System_Int32)
        {
            return ImmutableArray<ParameterRole>.Empty;
        }

        var roles = ImmutableArray.CreateBuilder<ParameterRole>(p.Length);
        roles.Add(ParameterRole.Matrix);
        roles.Add(ParameterRole.RightHandSide);
        if (spans == 4)
        {
            roles.Add(ParameterRole.Weights);
        }

        roles.Add(ParameterRole.Solution);
        roles.Add(ParameterRole.Rows);
        roles.Add(ParameterRole.Columns);
        if (rest == 3)
        {
            roles.Add(ParameterRole.Other);
        }

        return roles.MoveToImmutable();
    }
}
