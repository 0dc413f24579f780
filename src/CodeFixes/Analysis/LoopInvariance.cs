using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.CodeFixes;

/// <summary>Whether an expression has the same value on every iteration of a loop.</summary>
internal static class LoopInvariance
{
    /// <summary>
    /// True when <paramref name="value"/> is made of constants, readonly or const fields, array lengths and locals
    /// or parameters that the loop never writes, combined by operators and conversions. Anything else (a call, a
    /// writable field) could change between iterations, so it is not invariant.
    /// </summary>
    public static bool IsInvariant(IOperation value, DataFlowAnalysis loopFlow) => value switch
    {
        ILiteralOperation => true,
        _ when value.ConstantValue.HasValue => true,
        IConversionOperation conversion => conversion.OperatorMethod is null && IsInvariant(conversion.Operand, loopFlow),
        IBinaryOperation binary => binary.OperatorMethod is null && IsInvariant(binary.LeftOperand, loopFlow) && IsInvariant(binary.RightOperand, loopFlow),
        IUnaryOperation unary => unary.OperatorMethod is null && IsInvariant(unary.Operand, loopFlow),
        IParenthesizedOperation parenthesized => IsInvariant(parenthesized.Operand, loopFlow),
        ILocalReferenceOperation local => !IsWritten(local.Local, loopFlow),
        IParameterReferenceOperation parameter => !IsWritten(parameter.Parameter, loopFlow),
        IInstanceReferenceOperation => true,
        IFieldReferenceOperation field => (field.Field.IsConst || field.Field.IsReadOnly) && (field.Instance is null || IsInvariant(field.Instance, loopFlow)),
        IPropertyReferenceOperation { Property.Name: "Length", Instance: { Type.TypeKind: TypeKind.Array } array } => IsInvariant(array, loopFlow),
        _ => false,
    };

    // Declared inside the loop counts as written: it gets a new value each iteration.
    private static bool IsWritten(ISymbol symbol, DataFlowAnalysis loopFlow) =>
        loopFlow.WrittenInside.Contains(symbol, SymbolEqualityComparer.Default) || loopFlow.VariablesDeclared.Contains(symbol, SymbolEqualityComparer.Default);
}
