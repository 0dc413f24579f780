using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>
/// The code that runs once per iteration around a solver call: the bodies (and conditions, increments) of
/// the loops that contain it, and the bodies of Parallel.For / ForEach it sits in. Lambdas in between are
/// crossed (a lambda built in a loop runs in it: List.ForEach, LINQ); local functions are not (they run
/// wherever they are called).
/// </summary>
internal static class LoopRegions
{
    /// <summary>The outermost loop or parallel body that runs <paramref name="operation"/> on every iteration, or null.</summary>
    public static IOperation? Outermost(IOperation operation)
    {
        IOperation? region = null;
        IOperation child = operation;
        for (IOperation? current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is ILocalFunctionOperation)
            {
                break;
            }

            if ((current is ILoopOperation loop && RunsPerIteration(loop, child)) || (current is IAnonymousFunctionOperation function && IsParallelBody(function)))
            {
                region = current;
            }
        }

        return region;
    }

    /// <summary>The innermost loop or parallel body that runs <paramref name="operation"/> on every iteration, or null.</summary>
    public static IOperation? Innermost(IOperation operation)
    {
        IOperation child = operation;
        for (IOperation? current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is ILocalFunctionOperation)
            {
                return null;
            }

            if ((current is ILoopOperation loop && RunsPerIteration(loop, child)) || (current is IAnonymousFunctionOperation function && IsParallelBody(function)))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>"loop" or "Parallel.For body" (the method's name), for messages.</summary>
    public static string Describe(IOperation region) =>
        region is IAnonymousFunctionOperation { Parent: var parent } && ParallelCall(parent) is IInvocationOperation call
            ? "Parallel." + call.TargetMethod.Name + " body"
            : "loop";

    /// <summary>The parts of <paramref name="region"/> that run on every iteration.</summary>
    public static IEnumerable<IOperation> PerIterationParts(IOperation region)
    {
        switch (region)
        {
            case IForLoopOperation loop:
                if (loop.Condition is not null)
                {
                    yield return loop.Condition;
                }

                foreach (IOperation step in loop.AtLoopBottom)
                {
                    yield return step;
                }

                yield return loop.Body;
                break;
            case IWhileLoopOperation loop:
                if (loop.Condition is not null)
                {
                    yield return loop.Condition;
                }

                yield return loop.Body;
                break;
            case ILoopOperation loop:
                yield return loop.Body;
                break;
            case IAnonymousFunctionOperation function:
                yield return function.Body;
                break;
        }
    }

    /// <summary>Everything under <paramref name="region"/> that runs per iteration, except local functions' bodies.</summary>
    public static IEnumerable<IOperation> Operations(IOperation region)
    {
        var pending = new Stack<IOperation>();
        foreach (IOperation part in PerIterationParts(region))
        {
            pending.Push(part);
        }

        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            yield return operation;
            if (operation is ILocalFunctionOperation)
            {
                continue;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    // A for loop's initializers and a foreach's collection run once, not per iteration.
    private static bool RunsPerIteration(ILoopOperation loop, IOperation child) => loop switch
    {
        IForLoopOperation forLoop => !forLoop.Before.Contains(child),
        IForEachLoopOperation forEach => forEach.Collection != child,
        _ => true,
    };

    private static bool IsParallelBody(IAnonymousFunctionOperation function)
    {
        IOperation? parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parameter.Name: "body" }
            && ParallelCall(function.Parent) is not null
            && !IsRangeChunk(function.Symbol);
    }

    // Parallel.ForEach over Partitioner.Create(from, to) runs its body once per chunk of indices, each chunk
    // looping over many solves itself: what the body allocates is paid per chunk, like a thread-local buffer.
    private static bool IsRangeChunk(IMethodSymbol body) =>
        body.Parameters.Length > 0
        && body.Parameters[0].Type is INamedTypeSymbol { Name: "Tuple", Arity: 2 } tuple
        && tuple.ContainingNamespace.ToDisplayString() == "System"
        && tuple.TypeArguments[0].SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        && tuple.TypeArguments[1].SpecialType == tuple.TypeArguments[0].SpecialType;

    private static IInvocationOperation? ParallelCall(IOperation? operation)
    {
        while (operation is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
        {
            operation = operation.Parent;
        }

        return operation is IInvocationOperation
        {
            TargetMethod: { Name: "For" or "ForEach" or "ForAsync" or "ForEachAsync", ContainingType: { Name: "Parallel" } type },
        } call && type.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks"
            ? call
            : null;
    }
}
