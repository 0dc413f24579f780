using System.Linq;
using System.Text;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the straight-line solver for one n: a left-looking Cholesky whose factor lives in locals
/// (one reciprocal per pivot, so the column below it costs multiplications only), then forward and
/// back substitution. No loop runs over n; only the right-hand-side loop of the nrhs forms remains.
/// </summary>
internal static class KernelEmitter
{
    public static string MethodName(int n) => "Solve" + SourceWriter.Int(n);

    /// <summary>The kernel's parameter list: a reference per span, and nrhs; the dispatch has checked every length.</summary>
    public static string Parameters(SolverSpec spec)
    {
        string t = ScalarSyntax.For(spec.Signature.Element).Keyword;
        return string.Join(", ", ParameterRoles.Of(spec.Signature)
            .Where(role => role != ParameterRoles.Order)
            .Select(role => ParameterRoles.IsSpan(role) ? $"ref {t} {role}" : $"int {role}"));
    }

    public static void Emit(SourceWriter w, SolverSpec spec, int n)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        bool inPlace = spec.Signature.Form == SolveForm.InPlace;
        string size = SourceWriter.Int(n);

        w.Line($"/// <summary>n = {size}: factors A = L·Lᵀ, then solves L·y = b and Lᵀ·x = y.</summary>");
        // Straight-line code has no loop for on-stack replacement to promote, so tier-0 would run
        // unoptimized (every local on the stack) until call counting promotes it; profile data
        // gains such code nothing. Optimize at first call instead.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static SolveResult {MethodName(n)}({Parameters(spec)})");
        EmitFactor(w, spec, s, n, inPlace);
        if (spec.Signature.HasNrhs)
        {
            EmitSolveEachColumn(w, s, n, inPlace);
        }
        else
        {
            EmitSolve(w, s, n, "b", inPlace ? "b" : "x", stride: null);
        }

        if (inPlace)
        {
            w.Line();
            w.Line("// The factor overwrites the stored triangle only now, so a failure leaves a as it was.");
            for (int j = 0; j < n; j++)
            {
                for (int i = j; i < n; i++)
                {
                    w.Line($"{Element("a", Offset(spec, n, i, j))} = {L(i, j)};");
                }
            }
        }

        w.Line();
        w.Line("return SolveResult.Succeeded;");
        w.Close();
    }

    private static void EmitFactor(SourceWriter w, SolverSpec spec, ScalarSyntax s, int n, bool inPlace)
    {
        for (int j = 0; j < n; j++)
        {
            string jj = SourceWriter.Int(j);
            w.Line($"// Column {jj}: the pivot must be positive and finite (NaN fails the comparison too).");
            var pivot = new StringBuilder($"{s.Keyword} d{jj} = {Element("a", Offset(spec, n, j, j))}");
            for (int k = 0; k < j; k++)
            {
                pivot.Append($" - {L(j, k)} * {L(j, k)}");
            }

            w.Line(pivot.Append(';').ToString());
            w.Open($"if (!(d{jj} > {s.Zero} && d{jj} < {s.Keyword}.PositiveInfinity))");
            w.Line($"return SolveResult.Failed({jj});");
            w.Close();
            w.Line();

            if (inPlace)
            {
                w.Line($"{s.Keyword} {L(j, j)} = {s.Sqrt}(d{jj});");
                w.Line($"{s.Keyword} r{jj} = {s.One} / {L(j, j)};");
            }
            else
            {
                w.Line($"{s.Keyword} r{jj} = {s.One} / {s.Sqrt}(d{jj});");
            }

            for (int i = j + 1; i < n; i++)
            {
                string a = Element("a", Offset(spec, n, i, j));
                if (j == 0)
                {
                    w.Line($"{s.Keyword} {L(i, j)} = {a} * r{jj};");
                    continue;
                }

                var entry = new StringBuilder($"{s.Keyword} {L(i, j)} = ({a}");
                for (int k = 0; k < j; k++)
                {
                    entry.Append($" - {L(i, k)} * {L(j, k)}");
                }

                w.Line(entry.Append($") * r{jj};").ToString());
            }

            w.Line();
        }
    }

    private static void EmitSolveEachColumn(SourceWriter w, ScalarSyntax s, int n, bool inPlace)
    {
        w.Line("// b and x are n x nrhs, row-major: each right-hand side is a column with stride nrhs.");
        w.Line("nint stride = nrhs;");
        w.Open("for (int c = 0; c < nrhs; c++)");
        w.Line($"ref {s.Keyword} bc = ref Unsafe.Add(ref b, c);");
        if (!inPlace)
        {
            w.Line($"ref {s.Keyword} xc = ref Unsafe.Add(ref x, c);");
        }

        EmitSolve(w, s, n, "bc", inPlace ? "bc" : "xc", stride: "stride");
        w.Close();
    }

    /// <summary>Reads every b before writing any x, so x may alias b.</summary>
    private static void EmitSolve(SourceWriter w, ScalarSyntax s, int n, string b, string x, string? stride)
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

            w.Line(line.Append($") * r{ii};").ToString());
        }

        w.Line();
        w.Line("// Back substitution: Lᵀ·x = y.");
        for (int i = n - 1; i >= 0; i--)
        {
            string ii = SourceWriter.Int(i);
            if (i == n - 1)
            {
                w.Line($"{s.Keyword} x{ii} = y{ii} * r{ii};");
                continue;
            }

            var line = new StringBuilder($"{s.Keyword} x{ii} = (y{ii}");
            for (int k = i + 1; k < n; k++)
            {
                line.Append($" - {L(k, i)} * x{SourceWriter.Int(k)}");
            }

            w.Line(line.Append($") * r{ii};").ToString());
        }

        w.Line();
        for (int i = 0; i < n; i++)
        {
            w.Line($"{Element(x, RowOffset(i, stride))} = x{SourceWriter.Int(i)};");
        }
    }

    /// <summary>The local holding L(i, j), i ≥ j.</summary>
    private static string L(int i, int j) => "l" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);

    /// <summary>Where A(i, j) of the stored triangle sits: lower/row-major and upper/column-major share offsets.</summary>
    private static int Offset(SolverSpec spec, int n, int i, int j) => spec.RowWise ? i * n + j : j * n + i;

    private static string RowOffset(int i, string? stride) => stride is null
        ? SourceWriter.Int(i)
        : i switch { 0 => "0", 1 => stride, _ => SourceWriter.Int(i) + " * " + stride };

    private static string Element(string reference, int offset) => Element(reference, SourceWriter.Int(offset));

    private static string Element(string reference, string offset) =>
        offset == "0" ? reference : $"Unsafe.Add(ref {reference}, {offset})";
}
