using System;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// The parameters of a recognized form in order, by role (a, factor, b, x, inverse, n, nrhs), and
/// their types: the one place that knows how a form's parameter list is laid out.
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

    private static readonly string[] s_inPlace = { Matrix, Rhs, Order };
    private static readonly string[] s_inPlaceNrhs = { Matrix, Rhs, Order, RhsCount };
    private static readonly string[] s_keep = { Matrix, Rhs, Solution, Order };
    private static readonly string[] s_keepNrhs = { Matrix, Rhs, Solution, Order, RhsCount };
    private static readonly string[] s_factored = { Factor, Rhs, Order };
    private static readonly string[] s_factoredNrhs = { Factor, Rhs, Order, RhsCount };
    private static readonly string[] s_factor = { Matrix, Order };
    private static readonly string[] s_inverse = { Matrix, Inverse, Order };
    private static readonly string[] s_batch = { Matrix, Rhs, Solution, Results, Order };
    private static readonly string[] s_fit = { Matrix, Rhs, Solution, Rows, Cols };
    private static readonly string[] s_fitWeighted = { Matrix, Rhs, Weights, Solution, Rows, Cols };
    private static readonly string[] s_fitRidge = { Matrix, Rhs, Solution, Rows, Cols, Ridge };
    private static readonly string[] s_fitWeightedRidge = { Matrix, Rhs, Weights, Solution, Rows, Cols, Ridge };

    public static string[] Of(SolverSignature signature) => (signature.Form, signature.HasNrhs) switch
    {
        (SolveForm.LeastSquares, _) => FitRoles(signature),
        (SolveForm.KeepInputs, true) => s_keepNrhs,
        (SolveForm.KeepInputs, false) => s_keep,
        (SolveForm.Factored, true) => s_factoredNrhs,
        (SolveForm.Factored, false) => s_factored,
        (SolveForm.Factor, _) => s_factor,
        (SolveForm.Inverse, _) => s_inverse,
        (SolveForm.Batch, _) => s_batch,
        (_, true) => s_inPlaceNrhs,
        _ => s_inPlace,
    };

    private static string[] FitRoles(SolverSignature signature) => (signature.HasWeights, signature.HasRidge) switch
    {
        (true, true) => s_fitWeightedRidge,
        (true, false) => s_fitWeighted,
        (false, true) => s_fitRidge,
        _ => s_fit,
    };

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

        return (IsReadOnly(signature.Form, role) ? "ReadOnlySpan<" : "Span<") + ElementOf(signature, role) + ">";
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

    private static bool IsReadOnly(SolveForm form, string role) => form switch
    {
        SolveForm.KeepInputs or SolveForm.Batch => role is Matrix or Rhs,
        SolveForm.LeastSquares => role is Matrix or Rhs or Weights,
        SolveForm.Factored => role == Factor,
        SolveForm.Inverse => role == Matrix,
        _ => false,
    };
}
