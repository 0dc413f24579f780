using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// Recognizes a contiguous buffer made from rows (a jagged <c>T[][]</c>, or a <c>List&lt;T[]&gt;</c> or other
/// collection of arrays), in the two ways people write it:
/// <list type="bullet">
/// <item><c>rows.SelectMany(…).ToArray()</c> or <c>.ToList()</c> over a collection of rows;</item>
/// <item>a local array filled from rows in the same method body: <c>flat[k] = rows[i][j]</c> (also through a
/// foreach variable over the rows), <c>Array.Copy(rows[i], …, flat, …)</c>, or <c>rows[i].CopyTo(flat, …)</c> and
/// its span spelling <c>rows[i].AsSpan().CopyTo(flat.AsSpan(…))</c>.</item>
/// </list>
/// </summary>
internal static class RowFlattening
{
    /// <summary>The operation that copies the rows into the buffer <paramref name="value"/> comes from, or null.</summary>
    public static IOperation? Find(IOperation value, SolverCatalog catalog)
    {
        IOperation origin = ValueTracing.Trace(value, catalog, out ILocalSymbol? local);
        if (origin is IInvocationOperation invocation && SelectManyOverRows(invocation) is not null)
        {
            return invocation;
        }

        return local is not null && origin is IArrayCreationOperation ? catalog.Facts(origin).RowCopyInto(local) : null;
    }

    /// <summary>The SelectMany of a ToArray/ToList(SelectMany(rows, …)) chain over a collection of rows, or null.</summary>
    public static IInvocationOperation? SelectManyOverRows(IInvocationOperation invocation)
    {
        if (!IsEnumerable(invocation.TargetMethod, "ToArray", "ToList") || invocation.Arguments.Length != 1)
        {
            return null;
        }

        return Strip(invocation.Arguments[0].Value) is IInvocationOperation selectMany
            && IsEnumerable(selectMany.TargetMethod, "SelectMany", "SelectMany")
            && selectMany.TargetMethod.TypeArguments.Length > 0
            && IsRow(selectMany.TargetMethod.TypeArguments[0])
                ? selectMany
                : null;
    }

    /// <summary>The local array <paramref name="operation"/> copies rows into, when it is such a copy.</summary>
    public static ILocalSymbol? CopyTarget(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation target } assignment
            when Strip(assignment.Value) is IArrayElementReferenceOperation read && IsRowAccess(read.ArrayReference) => LocalOf(target.ArrayReference),
        IInvocationOperation { TargetMethod: { Name: "Copy", ContainingType.SpecialType: SpecialType.System_Array } } copy
            when copy.Arguments.Length >= 3 && IsRowAccess(copy.Arguments[0].Value) => LocalOf(ArgumentFor(copy, "destinationArray")),
        IInvocationOperation { TargetMethod.Name: "CopyTo", Instance: { } source } copy
            when copy.Arguments.Length >= 1 && IsRowAccess(source) => LocalOf(copy.Arguments[0].Value),
        _ => null,
    };

    private static IOperation? ArgumentFor(IInvocationOperation invocation, string parameter)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>One row: <c>rows[i]</c> of a jagged array or an indexed collection of arrays, or a foreach variable over rows.</summary>
    private static bool IsRowAccess(IOperation operation)
    {
        operation = Strip(operation);
        return operation switch
        {
            IArrayElementReferenceOperation element => element.Type is IArrayTypeSymbol,
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Type is IArrayTypeSymbol && IsRows(indexer.Instance?.Type),
            ILocalReferenceOperation reference => IsForEachOverRows(reference),
            _ => false,
        };
    }

    private static bool IsForEachOverRows(ILocalReferenceOperation reference)
    {
        for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && loop.Locals.Contains(reference.Local))
            {
                return reference.Local.Type is IArrayTypeSymbol && IsRows(Strip(loop.Collection).Type);
            }
        }

        return false;
    }

    /// <summary>A collection of rows: T[][] or a generic collection of arrays.</summary>
    private static bool IsRows(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType is IArrayTypeSymbol,
        INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0] is IArrayTypeSymbol,
        _ => false,
    };

    /// <summary>A row: an array, or a collection of numbers (List&lt;double&gt; and the like).</summary>
    private static bool IsRow(ITypeSymbol type) =>
        type is IArrayTypeSymbol
        || (type is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && named.TypeArguments[0].SpecialType is SpecialType.System_Double or SpecialType.System_Single);

    private static bool IsEnumerable(IMethodSymbol method, string name, string otherName) =>
        (method.Name == name || method.Name == otherName)
        && method.ContainingType is { Name: "Enumerable" } type
        && type.ContainingNamespace.ToDisplayString() == "System.Linq";

    /// <summary>Strips conversions and AsSpan (with or without a range): what is copied, not how it is viewed.</summary>
    private static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IInvocationOperation { TargetMethod: { Name: "AsSpan", ContainingType.Name: "MemoryExtensions" } } asSpan when asSpan.Arguments.Length > 0:
                    operation = asSpan.Arguments[0].Value;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static ILocalSymbol? LocalOf(IOperation? operation) =>
        operation is not null && Strip(operation) is ILocalReferenceOperation reference ? reference.Local : null;
}
