using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>[SpdSolve] (Span a, Span b, int n[, int nrhs]): a's stored triangle becomes the factor, b becomes x.</summary>
internal sealed class InPlaceForm : DenseSolveForm
{
    private static readonly string[] s_roles = { ParameterRoles.Matrix, ParameterRoles.Rhs, ParameterRoles.Order };
    private static readonly string[] s_rolesNrhs = { ParameterRoles.Matrix, ParameterRoles.Rhs, ParameterRoles.Order, ParameterRoles.RhsCount };

    /// <inheritdoc />
    public override SolveForm Form => SolveForm.InPlace;

    /// <inheritdoc />
    protected override bool SolvesInPlace => true;

    /// <inheritdoc />
    public override string[] Roles(SolverSignature signature) => signature.HasNrhs ? s_rolesNrhs : s_roles;

    /// <inheritdoc />
    public override bool IsReadOnly(string role) => false;

    /// <inheritdoc />
    public override string FallbackCall(SolverSpec spec) =>
        $"Cholesky.Solve({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, n, {RhsCountArgument(spec.Signature)}, {Storage(spec)})";

    /// <inheritdoc />
    public override string? WithoutVectorsCall(SolverSpec spec) =>
        $"{SolveOnCopyMethod}({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, n, {RhsCountArgument(spec.Signature)})";

    /// <inheritdoc />
    protected override void EmitHelpers(SourceWriter w, SolverSpec spec)
    {
        base.EmitHelpers(w, spec);
        if (VectorMinOrder is int from && spec.MaxN >= from)
        {
            w.Line();
            EmitSolveOnCopy(w, spec, from);
        }
    }

    private const string SolveOnCopyMethod = "SolveOnCopy";

    // The runtime's in-place solve may leave part of a overwritten when it fails (as dpotrf does); the
    // kernels never do. Without AVX2 + FMA the runtime therefore solves a copy on the stack (n ≤ MaxN),
    // which is written back only on success.
    private static void EmitSolveOnCopy(SourceWriter w, SolverSpec spec, int from)
    {
        string t = ScalarSyntax.For(spec.Signature.Element).Keyword;
        string a = ParameterRoles.Matrix, b = ParameterRoles.Rhs;
        w.Line($"/// <summary>n from {SourceWriter.Int(from)} to MaxN without AVX2 + FMA: the runtime solves a copy of a, written back only on success, so a failure leaves a as it was.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        w.Open($"public static SolveResult {SolveOnCopyMethod}(Span<{t}> {a}, Span<{t}> {b}, int n, int {ParameterRoles.RhsCount})");
        w.Line($"Span<{t}> copy = stackalloc {t}[{SourceWriter.Int(spec.MaxN * spec.MaxN)}];");
        w.Line("copy = copy.Slice(0, n * n);");
        w.Line($"{a}.Slice(0, n * n).CopyTo(copy);");
        w.Line($"SolveResult result = Cholesky.Solve(copy, {b}, n, {ParameterRoles.RhsCount}, {Storage(spec)});");
        w.Open("if (result.Success)");
        w.Line($"copy.CopyTo({a});");
        w.Close();
        w.Line();
        w.Line("return result;");
        w.Close();
    }

    /// <inheritdoc />
    protected override string Summary(CholeskyDocumentation doc) =>
        $"Solves A·X = B for a symmetric positive definite A ({doc.Triangle} triangle, {doc.Layout}), in place: the stored triangle of a becomes the Cholesky factor and b becomes x.";
}
