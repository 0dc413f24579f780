using System;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// The names the emitted code gives each parameter, by role (a, factor, b, x, inverse, n, nrhs, …),
/// and their types. Which roles a form has, in which order, is the form's <see cref="SolveFormDescriptor"/>'s.
/// </summary>
internal static class ParameterRoles
{
    public const string Matrix = "a";
    public const string Factor = "factor";
    public const string Rhs = "b";
    public const string Solution = "x";
    public const string Inverse = "inverse";
    public const string Order = "n";
    public const string RhsCount = "nrhs";
    public const string Results = "results";
    public const string Weights = "w";
    public const string Rows = "rows";
    public const string Cols = "cols";
    public const string Ridge = "ridge";

    /// <summary>The form's parameters in declaration order, by role; the form's descriptor holds the lists.</summary>
    public static string[] Of(SolverSignature signature) => SolveFormDescriptor.For(signature.Form).Roles(signature);

    public static bool IsSpan(string role) => role is Matrix or Factor or Rhs or Solution or Inverse or Results or Weights;

    /// <summary>The role's type, with spans unqualified (Span&lt;double&gt;, ReadOnlySpan&lt;float&gt;, int; the ridge is the element type).</summary>
    public static string TypeOf(SolverSignature signature, string role)
    {
        if (role == Ridge)
        {
            return ScalarSyntax.For(signature.Element).Keyword;
        }

        if (!IsSpan(role))
        {
            return "int";
        }

        return (SolveFormDescriptor.For(signature.Form).IsReadOnly(role) ? "ReadOnlySpan<" : "Span<") + ElementOf(signature, role) + ">";
    }

    /// <summary>The element type of a span role: the results span holds SolveResult, every other span the form's T.</summary>
    public static string ElementOf(SolverSignature signature, string role) =>
        role == Results ? "global::Specialized.SolveResult" : ScalarSyntax.For(signature.Element).Keyword;

    /// <summary>The user's name for a role, or null when the form has no such parameter.</summary>
    public static string? UserName(SolverSpec spec, string role)
    {
        int index = Array.IndexOf(Of(spec.Signature), role);
        return index < 0 ? null : spec.Parameters[index].Name;
    }
}
