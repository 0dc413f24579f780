using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specialized.Common;

namespace Specialized.Generator;

/// <summary>Generates size-specialized Cholesky solvers for methods marked <c>[SpdSolve]</c>.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpdSolveGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the per-method parse step (for incremental-caching tests).</summary>
    public const string ParseStep = "SpdSolve.Parse";

    /// <summary>Tracking name of the step that gathers every method before emission.</summary>
    public const string CollectStep = "SpdSolve.Collect";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.SpdSolveAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, SolverKind.SpdSolve, cancellationToken))
            .WithTrackingName(ParseStep)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .Collect()
            .WithTrackingName(CollectStep);

        context.RegisterSourceOutput(specs, static (context, specs) => Emitter.EmitAll(context, specs));
    }
}
