using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// What one method body says about its locals, gathered in a single pass the first time an analyzer asks and
/// then shared by every solver call in that body (see <see cref="SolverCatalog.Facts"/>): how often each local
/// is written and with what, and which locals are filled from rows (<see cref="RowFlattening"/>).
/// </summary>
internal sealed class BodyFacts
{
    private readonly Dictionary<ILocalSymbol, (int Writes, IOperation? Value)> _writes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, IOperation> _rowCopies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<(string Row, int Offset, IOperation Copy)>> _fixedCopies = new(SymbolEqualityComparer.Default);

    private BodyFacts(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            Record(operation);
            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    public static BodyFacts Create(IOperation root) => new(root);

    /// <summary>The value <paramref name="local"/> holds when the body writes it exactly once, else null.</summary>
    public IOperation? SingleWrite(ILocalSymbol local) =>
        _writes.TryGetValue(local, out var entry) && entry.Writes == 1 ? entry.Value : null;

    /// <summary>The first operation that copies rows into <paramref name="local"/>, or null.</summary>
    public IOperation? RowCopyInto(ILocalSymbol local) => _rowCopies.TryGetValue(local, out IOperation? copy) ? copy : null;

    private void Record(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Write(declarator.Symbol, initializer.Value);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                Write(target.Local, assignment.Value);
                break;
            case ICompoundAssignmentOperation compound:
                WriteAll(compound.Target);
                break;
            case ICoalesceAssignmentOperation coalesce:
                WriteAll(coalesce.Target);
                break;
            case IIncrementOrDecrementOperation increment:
                WriteAll(increment.Target);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                WriteAll(deconstruction.Target);
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                WriteAll(argument.Value);
                break;
        }

        if (RowFlattening.CopyOf(operation) is RowCopy copy && !_rowCopies.ContainsKey(copy.Target))
        {
            RecordCopy(copy, operation);
        }
    }

    // Rows at offsets that follow the rows flatten a matrix; so do two different rows written at two
    // different constant offsets (an unrolled copy). One array at one offset, however often, does not.
    private void RecordCopy(RowCopy copy, IOperation operation)
    {
        if (copy.OffsetFollowsRows())
        {
            _rowCopies.Add(copy.Target, operation);
            return;
        }

        if (copy.ConstantOffset is not int offset)
        {
            return;
        }

        string row = copy.Row.Syntax.ToString();
        if (!_fixedCopies.TryGetValue(copy.Target, out var earlier))
        {
            _fixedCopies.Add(copy.Target, earlier = new List<(string, int, IOperation)>());
        }

        foreach ((string otherRow, int otherOffset, IOperation first) in earlier)
        {
            if (otherRow != row && otherOffset != offset)
            {
                _rowCopies.Add(copy.Target, first);
                return;
            }
        }

        earlier.Add((row, offset, operation));
    }

    private void Write(ILocalSymbol local, IOperation? value)
    {
        _writes.TryGetValue(local, out var entry);
        _writes[local] = (entry.Writes + 1, value);
    }

    // A write whose value is not one plain expression (compound, ref, deconstruction): the local is not followed.
    private void WriteAll(IOperation target)
    {
        var pending = new Stack<IOperation>();
        pending.Push(target);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            if (operation is ILocalReferenceOperation reference)
            {
                _writes.TryGetValue(reference.Local, out var entry);
                _writes[reference.Local] = (entry.Writes + 2, null);
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }
}
