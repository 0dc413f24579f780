using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// Recognizes a contiguous buffer made from the rows of one matrix kept as a jagged <c>T[][]</c>, a
/// <c>List&lt;T[]&gt;</c> or another collection of arrays, in the ways people write it:
/// <list type="bullet">
/// <item><c>rows.SelectMany(…).ToArray()</c> or <c>.ToList()</c> over a collection of rows;</item>
/// <item>a local buffer filled from rows in the same method body (<see cref="RowCopy"/>) where successive rows
/// land at successive offsets: the offset follows the row index or a counter the row loop moves on, or the
/// code copies two different rows at two different constant offsets.</item>
/// </list>
/// One whole array copied at one offset (<c>matrices[k].CopyTo(a, 0)</c>, each element of a <c>T[][]</c> being a
/// full matrix) is a copy, not a flattening, and is not recognized.
/// </summary>
internal static class RowFlattening
{
    /// <summary>The operation that copies the rows into the buffer <paramref name="value"/> comes from, or null.</summary>
    public static IOperation? Find(IOperation value, SolverCatalog catalog)
    {
        // A part of the buffer (AsSpan(0, n * n), Slice) is as much a copy of the rows as the whole.
        IOperation origin = ValueTracing.Trace(ValueTracing.WholeBuffer(value), catalog, out ILocalSymbol? local);
        if (origin is IInvocationOperation invocation && SelectManyOverRows(invocation) is not null)
        {
            return invocation;
        }

        return local is not null ? catalog.Facts(origin).RowCopyInto(local) : null;
    }

    /// <summary>The SelectMany of a ToArray/ToList(SelectMany(rows, …)) chain over a collection of rows, or null.</summary>
    public static IInvocationOperation? SelectManyOverRows(IInvocationOperation invocation)
    {
        if (!IsEnumerable(invocation.TargetMethod, "ToArray", "ToList") || invocation.Arguments.Length != 1)
        {
            return null;
        }

        return ValueTracing.WholeBuffer(invocation.Arguments[0].Value) is IInvocationOperation selectMany
            && IsEnumerable(selectMany.TargetMethod, "SelectMany", "SelectMany")
            && selectMany.TargetMethod.TypeArguments.Length > 0
            && IsRow(selectMany.TargetMethod.TypeArguments[0])
                ? selectMany
                : null;
    }

    /// <summary>The row copy <paramref name="operation"/> is, when it copies a row into a local buffer.</summary>
    public static RowCopy? CopyOf(IOperation operation)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices.Length: 1 } target } assignment
                when ValueTracing.WholeBuffer(assignment.Value) is IArrayElementReferenceOperation read && IsRowAccess(read.ArrayReference):
                return Into(target.ArrayReference, read.ArrayReference, target.Indices[0]);
            case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices.Length: 1 } target } assignment
                when ValueTracing.WholeBuffer(assignment.Value) is ILocalReferenceOperation element && ForEachCollection(element) is { } row && IsRowAccess(row):
                // foreach (var row in rows) foreach (double v in row) flat[k++] = v;
                return Into(target.ArrayReference, row, target.Indices[0]);
            case IInvocationOperation { TargetMethod: { Name: "Copy", ContainingType.SpecialType: SpecialType.System_Array } } copy
                when copy.Arguments.Length >= 3 && IsRowAccess(copy.Arguments[0].Value):
                return Into(ArgumentFor(copy, "destinationArray"), copy.Arguments[0].Value, ArgumentFor(copy, "destinationIndex"));
            case IInvocationOperation { TargetMethod: { Name: "BlockCopy", ContainingType.Name: "Buffer" } } copy
                when copy.Arguments.Length == 5 && IsRowAccess(copy.Arguments[0].Value):
                return Into(copy.Arguments[2].Value, copy.Arguments[0].Value, copy.Arguments[3].Value);
            case IInvocationOperation { TargetMethod.Name: "CopyTo" } copy:
                // An instance CopyTo (arrays, spans, List<T>) or MemoryExtensions.CopyTo(this T[], Span<T>).
                (IOperation? source, int first) = copy.Instance is { } instance ? (instance, 0) : (copy.Arguments.Length > 0 ? copy.Arguments[0].Value : null, 1);
                if (source is null || copy.Arguments.Length <= first || !IsRowAccess(source))
                {
                    return null;
                }

                IOperation destination = copy.Arguments[first].Value;
                IOperation? index = copy.Arguments.Length > first + 1 && copy.Arguments[first + 1].Value.Type?.SpecialType == SpecialType.System_Int32
                    ? copy.Arguments[first + 1].Value
                    : SpanStart(destination);
                return Into(destination, source, index);
            default:
                return null;
        }
    }

    private static RowCopy? Into(IOperation? destination, IOperation row, IOperation? offset) =>
        LocalOf(destination) is ILocalSymbol local ? new RowCopy(local, row, offset) : null;

    /// <summary>Where a view of a buffer starts: <c>AsSpan(k)</c>, <c>AsSpan(k..)</c>, <c>Slice(k)</c>, <c>new Span&lt;T&gt;(a, k, …)</c>.</summary>
    private static IOperation? SpanStart(IOperation view)
    {
        while (view is IConversionOperation conversion)
        {
            view = conversion.Operand;
        }

        IOperation? start = view switch
        {
            IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory", Arguments.Length: >= 2 } asSpan => asSpan.Arguments[1].Value,
            IInvocationOperation { TargetMethod.Name: "Slice", Instance: not null, Arguments.Length: >= 1 } slice => slice.Arguments[0].Value,
            IObjectCreationOperation { Arguments.Length: >= 2 } creation when ValueTracing.IsSpan(creation.Type) => creation.Arguments[1].Value,
            _ => null,
        };
        while (start is IConversionOperation startConversion)
        {
            start = startConversion.Operand;
        }

        return start is IRangeOperation range ? range.LeftOperand : start;
    }

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
        operation = ValueTracing.WholeBuffer(operation);
        return operation switch
        {
            IArrayElementReferenceOperation element => element.Type is IArrayTypeSymbol,
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Type is IArrayTypeSymbol && IsRows(indexer.Instance?.Type),
            ILocalReferenceOperation reference => IsForEachOverRows(reference),
            _ => false,
        };
    }

    /// <summary>The collection a foreach variable steps through, when <paramref name="reference"/> reads one.</summary>
    private static IOperation? ForEachCollection(ILocalReferenceOperation reference)
    {
        for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && loop.Locals.Contains(reference.Local))
            {
                return ValueTracing.WholeBuffer(loop.Collection);
            }
        }

        return null;
    }

    private static bool IsForEachOverRows(ILocalReferenceOperation reference)
    {
        for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && loop.Locals.Contains(reference.Local))
            {
                return reference.Local.Type is IArrayTypeSymbol && IsRows(ValueTracing.WholeBuffer(loop.Collection).Type);
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

    private static ILocalSymbol? LocalOf(IOperation? operation) =>
        operation is not null && ValueTracing.WholeBuffer(operation) is ILocalReferenceOperation reference ? reference.Local : null;
}
