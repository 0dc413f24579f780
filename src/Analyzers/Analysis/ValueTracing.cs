using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// Follows an argument back to where its buffer comes from: through conversions (array to span),
/// <c>AsSpan()</c> and <c>new Span&lt;T&gt;(array)</c> over the whole array, and locals written exactly once
/// (by their declaration or by one plain assignment) in the same method body (see <see cref="BodyFacts"/>).
/// </summary>
internal static class ValueTracing
{
    // Enough for any chain a person writes; also stops 'a = b; b = a' style cycles.
    private const int MaxSteps = 8;

    /// <summary>The origin of <paramref name="value"/>; <paramref name="local"/> is the last local passed through.</summary>
    public static IOperation Trace(IOperation value, SolverCatalog catalog, out ILocalSymbol? local)
    {
        local = null;
        for (int step = 0; step < MaxSteps; step++)
        {
            IOperation? next = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IInvocationOperation invocation when IsWholeAsSpan(invocation) => invocation.Arguments[0].Value,
                IObjectCreationOperation { Arguments.Length: 1 } creation when IsSpan(creation.Type) => creation.Arguments[0].Value,
                ILocalReferenceOperation { Local.IsRef: false } reference => catalog.Facts(reference).SingleWrite(reference.Local),
                _ => null,
            };

            if (next is null)
            {
                return value;
            }

            if (value is ILocalReferenceOperation followed)
            {
                local = followed.Local;
            }

            value = next;
        }

        return value;
    }

    /// <summary>
    /// The buffer a view is taken of: <c>AsSpan</c> / <c>AsMemory</c> with a start or range, <c>Slice</c> and
    /// <c>new Span&lt;T&gt;(array, start, length)</c> are stripped (with conversions) down to what they view.
    /// Its layout and where its contents come from are the view's.
    /// </summary>
    public static IOperation WholeBuffer(IOperation value)
    {
        for (int step = 0; step < MaxSteps; step++)
        {
            IOperation? next = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IInvocationOperation { TargetMethod: { Name: "AsSpan" or "AsMemory", ContainingType.Name: "MemoryExtensions" } } view when view.Arguments.Length > 0 => view.Arguments[0].Value,
                IInvocationOperation { TargetMethod.Name: "Slice", Instance: { } instance } when IsSpan(instance.Type) => instance,
                IObjectCreationOperation { Arguments.Length: >= 1 } creation when IsSpan(creation.Type) && creation.Arguments[0].Value.Type is IArrayTypeSymbol =>
                    creation.Arguments[0].Value,
                _ => null,
            };
            if (next is null)
            {
                return value;
            }

            value = next;
        }

        return value;
    }

    /// <summary>The outermost operation of the body <paramref name="operation"/> sits in.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="operation"/> or contains it.</summary>
    public static bool Contains(IOperation ancestor, IOperation operation)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" };

    /// <summary>MemoryExtensions.AsSpan(array) with no start or length: the same buffer.</summary>
    private static bool IsWholeAsSpan(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "AsSpan" or "AsMemory", ContainingType.Name: "MemoryExtensions" }
        && invocation.Arguments.Length == 1;
}
