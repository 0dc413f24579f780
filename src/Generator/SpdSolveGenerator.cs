using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Generates size-specialized Cholesky solvers for methods marked <c>[SpdSolve]</c>, factorizations
/// for <c>[SpdFactor]</c>, inverses for <c>[SpdInverse]</c> and normal-equation fits for <c>[LeastSquares]</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpdSolveGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the per-method parse step of <c>[SpdSolve]</c> (for incremental-caching tests).</summary>
    public const string ParseStep = "SpdSolve.Parse";

    /// <summary>Tracking name of the per-method parse step of <c>[SpdFactor]</c>.</summary>
    public const string FactorParseStep = "SpdFactor.Parse";

    /// <summary>Tracking name of the per-method parse step of <c>[SpdInverse]</c>.</summary>
    public const string InverseParseStep = "SpdInverse.Parse";

    /// <summary>Tracking name of the per-method parse step of <c>[LeastSquares]</c>.</summary>
    public const string LeastSquaresParseStep = "LeastSquares.Parse";

    /// <summary>Tracking name of the step that gathers every method before emission.</summary>
    public const string CollectStep = "SpdSolve.Collect";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var solves = Parse(context, KnownNames.SpdSolveAttribute, SolverKind.SpdSolve, ParseStep);
        var factors = Parse(context, KnownNames.SpdFactorAttribute, SolverKind.SpdFactor, FactorParseStep);
        var inverses = Parse(context, KnownNames.SpdInverseAttribute, SolverKind.SpdInverse, InverseParseStep);
        var fits = Parse(context, KnownNames.LeastSquaresAttribute, SolverKind.LeastSquares, LeastSquaresParseStep);

        // One equatable array of every spec, so an edit that changes none of them re-emits nothing.
        var specs = solves.Collect()
            .Combine(factors.Collect())
            .Combine(inverses.Collect())
            .Combine(fits.Collect())
            .Select(static (all, _) => new EquatableArray<SolverSpec>(all.Left.Left.Left.AddRange(all.Left.Left.Right).AddRange(all.Left.Right).AddRange(all.Right)))
            .WithTrackingName(CollectStep);

        context.RegisterSourceOutput(specs, static (context, specs) => Emitter.EmitAll(context, specs));
    }

    private static IncrementalValuesProvider<SolverSpec> Parse(IncrementalGeneratorInitializationContext context, string attribute, SolverKind kind, string step) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is MethodDeclarationSyntax,
                (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, kind, cancellationToken))
            .WithTrackingName(step)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!);
}
