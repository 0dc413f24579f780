using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>A buffer's layout as the code declares or implies it, with a phrase saying how it is known.</summary>
internal readonly record struct DeclaredLayout(int Layout, string Source);

/// <summary>
/// What SPD0202 knows about a buffer's layout: <c>[MatrixLayout]</c> on the field, property, parameter or
/// method return it comes from; a <c>T[,]</c> viewed through MemoryMarshal.CreateSpan (row-major); rows of a
/// jagged array or list flattened by SelectMany (row-major); and MathNet.Numerics matrices, recognized by
/// name without referencing MathNet: <c>Values</c>, <c>AsColumnMajorArray()</c>, <c>ToColumnMajorArray()</c> and
/// the storage's <c>Data</c> are column-major, <c>ToRowMajorArray()</c> and <c>AsRowMajorArray()</c> row-major.
/// </summary>
internal static class DeclaredLayouts
{
    public const int RowMajor = 0;
    public const int ColumnMajor = 1;

    private const string MatrixLayoutAttribute = "Specialized.MatrixLayoutAttribute";
    private const string MathNetLinearAlgebra = "MathNet.Numerics.LinearAlgebra";

    public static string Name(int layout) => layout == ColumnMajor ? "ColumnMajor" : "RowMajor";

    public static DeclaredLayout? Of(IOperation value, SolverCatalog catalog)
    {
        // A view of a buffer (one matrix of many, AsSpan(s * 64, 64)) is laid out as the buffer is.
        IOperation origin = ValueTracing.Trace(ValueTracing.WholeBuffer(value), catalog, out _);
        return origin switch
        {
            IFieldReferenceOperation field => FromAttribute(field.Field.GetAttributes(), $"[MatrixLayout] on field '{field.Field.Name}'")
                ?? (field.Field.Name == "Data" && IsMathNet(field.Field.ContainingType) ? MathNet(ColumnMajor, "Data") : null),
            IPropertyReferenceOperation property => FromAttribute(property.Property.GetAttributes(), $"[MatrixLayout] on property '{property.Property.Name}'")
                ?? (property.Property.Name == "Values" && IsMathNet(property.Property.ContainingType) ? MathNet(ColumnMajor, "Values") : null),
            IParameterReferenceOperation parameter => FromAttribute(parameter.Parameter.GetAttributes(), $"[MatrixLayout] on parameter '{parameter.Parameter.Name}'"),
            IInvocationOperation invocation => FromInvocation(invocation),
            _ => null,
        };
    }

    private static DeclaredLayout? FromInvocation(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (FromAttribute(method.GetReturnTypeAttributes(), $"[return: MatrixLayout] on method '{method.Name}'") is DeclaredLayout declared)
        {
            return declared;
        }

        if (IsMathNet(method.ContainingType))
        {
            return method.Name switch
            {
                "AsColumnMajorArray" or "ToColumnMajorArray" => MathNet(ColumnMajor, method.Name + "()"),
                "AsRowMajorArray" or "ToRowMajorArray" => MathNet(RowMajor, method.Name + "()"),
                _ => null,
            };
        }

        if (method is { Name: "CreateSpan" or "CreateReadOnlySpan", ContainingType.Name: "MemoryMarshal" }
            && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value is IArrayElementReferenceOperation { ArrayReference.Type: IArrayTypeSymbol { Rank: 2 } })
        {
            return new DeclaredLayout(RowMajor, "a T[,] array, which C# stores row-major");
        }

        return RowFlattening.SelectManyOverRows(invocation) is not null
            ? new DeclaredLayout(RowMajor, "rows flattened one after another")
            : null;
    }

    private static DeclaredLayout? FromAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string source)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (attribute.AttributeClass?.ToDisplayString() == MatrixLayoutAttribute
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int layout && layout is RowMajor or ColumnMajor)
            {
                return new DeclaredLayout(layout, source);
            }
        }

        return null;
    }

    private static DeclaredLayout MathNet(int layout, string member) =>
        new(layout, $"MathNet's {member}, which is {(layout == ColumnMajor ? "column-major" : "row-major")}");

    private static bool IsMathNet(INamedTypeSymbol? type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString().StartsWith(MathNetLinearAlgebra, System.StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }
}
