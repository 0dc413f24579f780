using System;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// The parameters of a recognized form in order, by role (a, b, x, n, nrhs), and their types: the
/// one place that knows how a form's parameter list is laid out.
/// </summary>
internal static class ParameterRoles
{
    public const string Matrix = "a";
    public const string Rhs = "b";
    public const string Solution = "x";
    public const string Order = "n";
    public const string RhsCount = "nrhs";

    private static readonly string[] s_inPlace = { Matrix, Rhs, Order };
    private static readonly string[] s_inPlaceNrhs = { Matrix, Rhs, Order, RhsCount };
    private static readonly string[] s_keep = { Matrix, Rhs, Solution, Order };
    private static readonly string[] s_keepNrhs = { Matrix, Rhs, Solution, Order, RhsCount };

    public static string[] Of(SolverSignature signature) => (signature.Form, signature.HasNrhs) switch
    {
        (SolveForm.KeepInputs, true) => s_keepNrhs,
        (SolveForm.KeepInputs, false) => s_keep,
        (_, true) => s_inPlaceNrhs,
        _ => s_inPlace,
    };

    public static bool IsSpan(string role) => role is Matrix or Rhs or Solution;

    /// <summary>The role's type, with spans unqualified (Span&lt;double&gt;, ReadOnlySpan&lt;float&gt;, int).</summary>
    public static string TypeOf(SolverSignature signature, string role)
    {
        if (!IsSpan(role))
        {
            return "int";
        }

        string element = ScalarSyntax.For(signature.Element).Keyword;
        bool readOnly = signature.Form == SolveForm.KeepInputs && role != Solution;
        return (readOnly ? "ReadOnlySpan<" : "Span<") + element + ">";
    }

    /// <summary>The user's name for a role, or null when the form has no such parameter.</summary>
    public static string? UserName(SolverSpec spec, string role)
    {
        int index = Array.IndexOf(Of(spec.Signature), role);
        return index < 0 ? null : spec.Parameters[index].Name;
    }
}
