using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// Buffer lengths fixed at compile time: <c>new T[c]</c>, <c>new T[] { … }</c>, <c>stackalloc T[c]</c> and
/// <c>stackalloc T[] { … }</c> with c a constant, reached through <see cref="ValueTracing"/>.
/// </summary>
internal static class KnownLengths
{
    public static int? Of(IOperation value, SolverCatalog catalog)
    {
        IOperation origin = ValueTracing.Trace(value, catalog, out _);
        if (origin is IArrayCreationOperation { DimensionSizes.Length: 1 } creation)
        {
            return creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int length } ? length : null;
        }

        // stackalloc has no operation of its own; its syntax says it all.
        return origin.Syntax switch
        {
            StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
            StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax { RankSpecifiers.Count: 1 } type } when type.RankSpecifiers[0].Sizes.Count == 1 =>
                origin.SemanticModel?.GetConstantValue(type.RankSpecifiers[0].Sizes[0]) is { HasValue: true, Value: int length } ? length : null,
            ImplicitStackAllocArrayCreationExpressionSyntax implicitSize => implicitSize.Initializer.Expressions.Count,
            _ => null,
        };
    }
}
