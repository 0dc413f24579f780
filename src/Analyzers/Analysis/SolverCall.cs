using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Specialized.Analyzers;

/// <summary>One call to a specialized solver, with its arguments read by role.</summary>
internal readonly struct SolverCall
{
    public SolverCall(IInvocationOperation invocation, SolverTarget target)
    {
        Invocation = invocation;
        Target = target;
    }

    public IInvocationOperation Invocation { get; }

    public SolverTarget Target { get; }

    /// <summary>The argument passed for the parameter at <paramref name="ordinal"/> (defaults included).</summary>
    public IArgumentOperation? ArgumentAt(int ordinal)
    {
        foreach (IArgumentOperation argument in Invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The first argument passed for <paramref name="role"/>.</summary>
    public IArgumentOperation? Argument(ParameterRole role) =>
        Target.Parameter(role) is IParameterSymbol parameter ? ArgumentAt(parameter.Ordinal) : null;

    /// <summary>The compile-time int value of the argument for <paramref name="role"/>, if it has one.</summary>
    public int? Constant(ParameterRole role) =>
        Argument(role)?.Value.ConstantValue is { HasValue: true, Value: int value } ? value : null;
}
