using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// One statement that copies (part of) a row into a local buffer: <c>flat[k] = rows[i][j]</c>,
/// <c>Array.Copy(rows[i], …, flat, k, …)</c>, <c>Buffer.BlockCopy</c>, <c>rows[i].CopyTo(flat, k)</c> or
/// <c>rows[i].AsSpan().CopyTo(flat.AsSpan(k))</c> (also <c>Slice(k)</c>, <c>[k..]</c>, <c>new Span&lt;T&gt;(flat, k, …)</c>).
/// </summary>
/// <param name="Target">The local buffer written.</param>
/// <param name="Row">The row read: <c>rows[i]</c>, <c>list[i]</c> or a foreach variable over rows.</param>
/// <param name="Offset">Where in the buffer it lands (an element index or a start); null for the start.</param>
internal sealed record RowCopy(ILocalSymbol Target, IOperation Row, IOperation? Offset)
{
    /// <summary>The offset as a constant (0 when none is given), or null when it is computed.</summary>
    public int? ConstantOffset => Offset is null ? 0 : Offset.ConstantValue is { HasValue: true, Value: int value } ? value : null;

    /// <summary>
    /// Whether consecutive rows land at different offsets: the offset reads the row's index (<c>flat[i * n + j]
    /// = rows[i][j]</c>) or a local that the loop stepping through the rows moves on (<c>k += n</c> in a
    /// foreach over rows). A whole array copied again and again at one offset (<c>matrices[k].CopyTo(a, 0)</c>,
    /// <c>a[j] = matrices[k][j]</c>) is not a flattening of rows.
    /// </summary>
    public bool OffsetFollowsRows()
    {
        if (Offset is null)
        {
            return false;
        }

        var rowIndex = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        IOperation? rowLoop = RowLoop(Row, rowIndex);
        if (rowLoop is null)
        {
            return false;
        }

        foreach (ILocalSymbol local in LocalsIn(Offset))
        {
            if (rowIndex.Contains(local) || (!DeclaredIn(local, rowLoop) && IsWrittenIn(local, rowLoop)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The loop that steps through the rows: the foreach whose variable is the row, or the innermost loop that
    /// declares or moves the locals indexing the row (collected into <paramref name="rowIndex"/>).
    /// </summary>
    private static IOperation? RowLoop(IOperation row, HashSet<ILocalSymbol> rowIndex)
    {
        row = ValueTracing.WholeBuffer(row);
        if (row is ILocalReferenceOperation variable)
        {
            for (IOperation? current = row.Parent; current is not null; current = current.Parent)
            {
                if (current is IForEachLoopOperation loop && loop.Locals.Contains(variable.Local))
                {
                    return loop;
                }
            }

            return null;
        }

        IEnumerable<IOperation> indices = row switch
        {
            IArrayElementReferenceOperation element => element.Indices,
            IPropertyReferenceOperation indexer => ArgumentValues(indexer.Arguments),
            _ => [],
        };
        foreach (IOperation index in indices)
        {
            rowIndex.UnionWith(LocalsIn(index));
        }

        for (IOperation? current = row.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation loop)
            {
                foreach (ILocalSymbol local in rowIndex)
                {
                    if (loop.Locals.Contains(local) || IsWrittenIn(local, loop))
                    {
                        return loop;
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> ArgumentValues(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            yield return argument.Value;
        }
    }

    private static IEnumerable<ILocalSymbol> LocalsIn(IOperation operation)
    {
        if (operation is ILocalReferenceOperation reference)
        {
            yield return reference.Local;
        }

        foreach (IOperation descendant in operation.Descendants())
        {
            if (descendant is ILocalReferenceOperation inner)
            {
                yield return inner.Local;
            }
        }
    }

    private static bool DeclaredIn(ILocalSymbol local, IOperation loop)
    {
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == loop.Syntax.SyntaxTree && loop.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWrittenIn(ILocalSymbol local, IOperation loop)
    {
        foreach (IOperation operation in loop.Descendants())
        {
            IOperation? target = operation switch
            {
                ISimpleAssignmentOperation assignment => assignment.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (target is ILocalReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Local, local))
            {
                return true;
            }
        }

        return false;
    }
}
