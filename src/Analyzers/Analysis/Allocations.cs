using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// What SPD0101 counts as an allocation written in the code: array and reference-type object creation
/// (exceptions excepted: a throw is the cold path), a record class copied by <c>with</c>, LINQ materialization (Enumerable.ToArray, ToList,
/// ToDictionary, ToHashSet, ToLookup), any other To…Array method returning a new array (Span.ToArray,
/// List.ToArray, MathNet's ToColumnMajorArray), array Clone, and boxing conversions.
/// <c>stackalloc</c> in a loop is CA2014's, and the compiler's own hidden allocations (params arrays,
/// closures) are left out.
/// </summary>
internal static class Allocations
{
    public static bool IsAllocation(IOperation operation) => operation switch
    {
        IArrayCreationOperation creation => !creation.IsImplicit,
        IObjectCreationOperation creation => creation.Type is { IsReferenceType: true } type && !IsException(type),
        IWithOperation with => with.Type is { IsReferenceType: true },
        IInvocationOperation invocation => Materializes(invocation.TargetMethod),
        IConversionOperation conversion => IsBoxing(conversion),
        _ => false,
    };

    private static bool Materializes(IMethodSymbol method)
    {
        if (method.ContainingType is { Name: "Enumerable" } type && type.ContainingNamespace.ToDisplayString() == "System.Linq")
        {
            return method.Name is "ToArray" or "ToList" or "ToDictionary" or "ToHashSet" or "ToLookup";
        }

        if (method.Name == "Clone")
        {
            return method.ContainingType?.SpecialType == SpecialType.System_Array;
        }

        return method.ReturnType.TypeKind == TypeKind.Array
            && method.Name.StartsWith("To", System.StringComparison.Ordinal)
            && method.Name.EndsWith("Array", System.StringComparison.Ordinal);
    }

    // The types first: OperatorMethod makes the compiler classify the conversion, which costs more than
    // the rest of SPD0101, and most conversions (int to double) are ruled out by their types.
    private static bool IsBoxing(IConversionOperation conversion) =>
        conversion.Type is { IsReferenceType: true }
        && conversion.Operand.Type is { IsValueType: true }
        && conversion.OperatorMethod is null;

    private static bool IsException(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Exception" && current.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }
}
