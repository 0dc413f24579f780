using System.Linq;
using System.Text;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Names and element accesses shared by the kernels of the factor, factored-solve and inverse forms:
/// L(i, j) lives in the local <c>li_j</c>, its pivot's reciprocal in <c>ri</c>, and every element is
/// read or written through <c>Unsafe.Add</c> on the reference the dispatch took after its length checks.
/// </summary>
internal static class KernelSyntax
{
    /// <summary>The kernel's parameter list: a reference per span, and nrhs; the dispatch has checked every length.</summary>
    public static string Parameters(SolverSpec spec)
    {
        return string.Join(", ", ParameterRoles.Of(spec.Signature)
            .Where(role => role != ParameterRoles.Order)
            .Select(role => ParameterRoles.IsSpan(role) ? $"ref {ParameterRoles.ElementOf(spec.Signature, role)} {role}" : $"int {role}"));
    }

    /// <summary>The local holding L(i, j), i ≥ j.</summary>
    public static string L(int i, int j) => "l" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);

    /// <summary>The local holding 1 / L(j, j).</summary>
    public static string R(int j) => "r" + SourceWriter.Int(j);

    /// <summary>Where A(i, j), i ≥ j, of the stored triangle sits: lower/row-major and upper/column-major share offsets.</summary>
    public static int Offset(SolverSpec spec, int n, int i, int j) => spec.RowWise ? i * n + j : j * n + i;

    /// <summary>Row i of an n x nrhs row-major block: i itself, or i · stride.</summary>
    public static string RowOffset(int i, string? stride) => stride is null
        ? SourceWriter.Int(i)
        : i switch { 0 => "0", 1 => stride, _ => SourceWriter.Int(i) + " * " + stride };

    public static string Element(string reference, int offset) => Element(reference, SourceWriter.Int(offset));

    public static string Element(string reference, string offset) =>
        offset == "0" ? reference : $"Unsafe.Add(ref {reference}, {offset})";

    /// <summary>
    /// Emits a left-looking Cholesky of the stored triangle of <c>a</c> into locals: for each column
    /// the pivot test (positive and finite, NaN failing too; a failure returns at once, before
    /// anything is written), then <c>rj</c> = 1 / L(j, j) and the column below it. With
    /// <paramref name="keepDiagonal"/> L(j, j) gets a local of its own (the factor form writes it
    /// back); <paramref name="lastReciprocal"/> says whether r(n−1) is used later.
    /// </summary>
    public static void EmitFactorToLocals(SourceWriter w, SolverSpec spec, ScalarSyntax s, int n, bool keepDiagonal, bool lastReciprocal)
    {
        for (int j = 0; j < n; j++)
        {
            string jj = SourceWriter.Int(j);
            w.Line($"// Column {jj}: the pivot must be positive and finite (one compare of its bits).");
            var pivot = new StringBuilder($"{s.Keyword} d{jj} = {Element("a", Offset(spec, n, j, j))}");
            for (int k = 0; k < j; k++)
            {
                pivot.Append($" - {L(j, k)} * {L(j, k)}");
            }

            w.Line(pivot.Append(';').ToString());
            w.Open($"if ({s.NotPositiveFinite($"d{jj}")})");
            w.Line($"return SolveResult.Failed({jj});");
            w.Close();
            w.Line();

            bool needReciprocal = j < n - 1 || lastReciprocal;
            if (keepDiagonal)
            {
                w.Line($"{s.Keyword} {L(j, j)} = {s.Sqrt}(d{jj});");
                if (needReciprocal)
                {
                    w.Line($"{s.Keyword} {R(j)} = {s.One} / {L(j, j)};");
                }
            }
            else if (needReciprocal)
            {
                w.Line($"{s.Keyword} {R(j)} = {s.One} / {s.Sqrt}(d{jj});");
            }

            for (int i = j + 1; i < n; i++)
            {
                string a = Element("a", Offset(spec, n, i, j));
                if (j == 0)
                {
                    w.Line($"{s.Keyword} {L(i, j)} = {a} * {R(j)};");
                    continue;
                }

                var entry = new StringBuilder($"{s.Keyword} {L(i, j)} = ({a}");
                for (int k = 0; k < j; k++)
                {
                    entry.Append($" - {L(i, k)} * {L(j, k)}");
                }

                w.Line(entry.Append($") * {R(j)};").ToString());
            }

            w.Line();
        }
    }
}
