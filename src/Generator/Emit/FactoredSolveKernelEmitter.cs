using System.Text;
using Specialized.Generator.Model;
using static Specialized.Generator.KernelSyntax;

namespace Specialized.Generator;

/// <summary>
/// Emits the straight-line kernel of the <c>[SpdSolve]</c> form that solves with a given factor, for
/// one n: the factor's entries and the reciprocals of its diagonal are loaded into locals once, then
/// forward substitution L·y = b and back substitution Lᵀ·x = y run over each right-hand side.
/// </summary>
internal static class FactoredSolveKernelEmitter
{
    public static string MethodName(int n) => "SolveFactored" + SourceWriter.Int(n);

    public static void Emit(SourceWriter w, SolverSpec spec, int n)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        w.Line($"/// <summary>n = {SourceWriter.Int(n)}: solves L·y = b, then Lᵀ·x = y, with L read from the factor.</summary>");
        // Straight-line code has no loop for on-stack replacement to promote: optimize at first call.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static void {MethodName(n)}({Parameters(spec)})");

        w.Line("// The factor (stored triangle only) and one reciprocal per pivot, so each step of the solves is a multiplication.");
        for (int j = 0; j < n; j++)
        {
            w.Line($"{s.Keyword} {R(j)} = {s.One} / {Element("factor", Offset(spec, n, j, j))};");
            for (int i = j + 1; i < n; i++)
            {
                w.Line($"{s.Keyword} {L(i, j)} = {Element("factor", Offset(spec, n, i, j))};");
            }
        }

        w.Line();
        if (spec.Signature.HasNrhs)
        {
            w.Line("// b is n x nrhs, row-major: each right-hand side is a column with stride nrhs.");
            if (n > 1)
            {
                w.Line("nint stride = nrhs;");
            }

            w.Open("for (int c = 0; c < nrhs; c++)");
            w.Line($"ref {s.Keyword} bc = ref Unsafe.Add(ref b, c);");
            EmitSolve(w, s, n, "bc", stride: "stride");
            w.Close();
        }
        else
        {
            EmitSolve(w, s, n, "b", stride: null);
        }

        w.Close();
    }

    /// <summary>Reads every b before writing any x, then writes x over b.</summary>
    private static void EmitSolve(SourceWriter w, ScalarSyntax s, int n, string b, string? stride)
    {
        w.Line("// Forward substitution: L·y = b.");
        for (int i = 0; i < n; i++)
        {
            string ii = SourceWriter.Int(i);
            string bi = Element(b, RowOffset(i, stride));
            if (i == 0)
            {
                w.Line($"{s.Keyword} y0 = {bi} * r0;");
                continue;
            }

            var line = new StringBuilder($"{s.Keyword} y{ii} = ({bi}");
            for (int k = 0; k < i; k++)
            {
                line.Append($" - {L(i, k)} * y{SourceWriter.Int(k)}");
            }

            w.Line(line.Append($") * {R(i)};").ToString());
        }

        w.Line();
        w.Line("// Back substitution: Lᵀ·x = y.");
        for (int i = n - 1; i >= 0; i--)
        {
            string ii = SourceWriter.Int(i);
            if (i == n - 1)
            {
                w.Line($"{s.Keyword} x{ii} = y{ii} * {R(i)};");
                continue;
            }

            var line = new StringBuilder($"{s.Keyword} x{ii} = (y{ii}");
            for (int k = i + 1; k < n; k++)
            {
                line.Append($" - {L(k, i)} * x{SourceWriter.Int(k)}");
            }

            w.Line(line.Append($") * {R(i)};").ToString());
        }

        w.Line();
        for (int i = 0; i < n; i++)
        {
            w.Line($"{Element(b, RowOffset(i, stride))} = x{SourceWriter.Int(i)};");
        }
    }
}
