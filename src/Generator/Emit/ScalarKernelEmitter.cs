using System.Text;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the scalar straight-line solver for the sizes too small to fill a vector: a left-looking
/// LDLᵀ whose entries live in locals, then forward and back substitution.
/// </summary>
/// <remarks>
/// LDLᵀ rather than L·Lᵀ: one division per pivot and no square root on the path to x; the square
/// root is taken only where the in-place forms store the Cholesky factor.
/// Names: s(i, j) = D(j)·L(i, j) for i &gt; j, w(i, j) = L(i, j), d(j) the pivot, r(j) = 1/d(j).
/// w(j + 1, j) and the last x divide by the pivot instead of multiplying by r: a division alone is
/// shorter than a reciprocal and then a multiplication, and these two sit on the critical path (the
/// next pivot waits on one, x on the other); the other w(i, j) and x(i) multiply by r(j), which the
/// divider computes meanwhile.
/// </remarks>
internal static class ScalarKernelEmitter
{
    /// <summary>Emits the kernel for n; in place, the factor overwrites a's stored triangle and x overwrites b.</summary>
    public static void Emit(SourceWriter w, SolverSpec spec, int n, bool inPlace)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);

        w.Line($"/// <summary>n = {SourceWriter.Int(n)}: A = L·D·Lᵀ in locals, then L·y = b, D·Lᵀ·x = y.</summary>");
        // At n ≤ 3 the call and the switch cost as much as the solve (measured: inlined into the
        // dispatch, and it into the partial method, n = 1..3 took 15-20% less time). The partial
        // method then starts at tier 0 and call counting promotes it, as it does any method.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Open($"public static SolveResult {SolveKernelChooser.MethodName(n)}({KernelSyntax.Parameters(spec)})");
        // Several right-hand sides reuse 1/d(n−1) once per column rather than dividing each time.
        bool lastReciprocal = spec.Signature.HasNrhs;
        EmitFactor(w, spec, s, n, lastReciprocal);
        if (spec.Signature.HasNrhs)
        {
            w.Line("// b and x are n x nrhs, row-major: each right-hand side is a column with stride nrhs.");
            w.Line("nint stride = nrhs;");
            w.Open("for (int c = 0; c < nrhs; c++)");
            w.Line($"ref {s.Keyword} bc = ref Unsafe.Add(ref b, c);");
            if (!inPlace)
            {
                w.Line($"ref {s.Keyword} xc = ref Unsafe.Add(ref x, c);");
            }

            EmitSolve(w, s, n, "bc", inPlace ? "bc" : "xc", stride: "stride", lastReciprocal);
            w.Close();
        }
        else
        {
            EmitSolve(w, s, n, "b", inPlace ? "b" : "x", stride: null, lastReciprocal);
        }

        if (inPlace)
        {
            w.Line();
            w.Line("// The factor L = W·D^(1/2) overwrites the stored triangle only now, so a failure leaves a as it was.");
            for (int j = 0; j < n; j++)
            {
                string jj = SourceWriter.Int(j);
                w.Line($"{s.Keyword} q{jj} = {s.Sqrt}(d{jj});");
                w.Line($"{KernelSyntax.Element("a", KernelSyntax.Offset(spec, n, j, j))} = q{jj};");
                for (int i = j + 1; i < n; i++)
                {
                    w.Line($"{KernelSyntax.Element("a", KernelSyntax.Offset(spec, n, i, j))} = {W(i, j)} * q{jj};");
                }
            }
        }

        w.Line();
        w.Line("return SolveResult.Succeeded;");
        w.Close();
    }

    private static void EmitFactor(SourceWriter w, SolverSpec spec, ScalarSyntax s, int n, bool lastReciprocal)
    {
        for (int j = 0; j < n; j++)
        {
            string jj = SourceWriter.Int(j);
            w.Line($"// Column {jj}: the pivot must be positive and finite (one compare of its bits).");
            w.Line($"{s.Keyword} d{jj} = {Reduced(s, spec, n, j, j)};");
            w.Open($"if ({s.NotPositiveFinite($"d{jj}")})");
            w.Line($"return SolveResult.Failed({jj});");
            w.Close();
            if (j < n - 1 || lastReciprocal)
            {
                w.Line($"{s.Keyword} r{jj} = {s.One} / d{jj};");
            }

            for (int i = j + 1; i < n; i++)
            {
                w.Line($"{s.Keyword} {S(i, j)} = {Reduced(s, spec, n, i, j)};");
                w.Line($"{s.Keyword} {W(i, j)} = {S(i, j)} {(i == j + 1 ? $"/ d{jj}" : $"* r{jj}")};");
            }

            w.Line();
        }
    }

    /// <summary>A(i, j) − Σ s(i, k)·w(j, k) over k &lt; j, i ≥ j: the Schur complement entry at step j.</summary>
    private static string Reduced(ScalarSyntax s, SolverSpec spec, int n, int i, int j)
    {
        var sum = new StringBuilder(KernelSyntax.Element("a", KernelSyntax.Offset(spec, n, i, j)));
        for (int k = 0; k < j; k++)
        {
            sum.Append($" - {S(i, k)} * {W(j, k)}");
        }

        return sum.ToString();
    }

    /// <summary>Reads every b before writing any x, so x may alias b.</summary>
    private static void EmitSolve(SourceWriter w, ScalarSyntax s, int n, string b, string x, string? stride, bool lastReciprocal)
    {
        w.Line("// Forward substitution: L·y = b, L unit lower.");
        for (int i = 0; i < n; i++)
        {
            var line = new StringBuilder($"{s.Keyword} y{SourceWriter.Int(i)} = {KernelSyntax.Element(b, KernelSyntax.RowOffset(i, stride))}");
            for (int k = 0; k < i; k++)
            {
                line.Append($" - {W(i, k)} * y{SourceWriter.Int(k)}");
            }

            w.Line(line.Append(';').ToString());
        }

        w.Line();
        w.Line("// Back substitution: Lᵀ·x = D⁻¹·y.");
        for (int i = n - 1; i >= 0; i--)
        {
            string ii = SourceWriter.Int(i);
            string scaled = i == n - 1 && !lastReciprocal ? $"y{ii} / d{ii}" : $"y{ii} * r{ii}";
            var line = new StringBuilder($"{s.Keyword} x{ii} = {scaled}");
            for (int k = i + 1; k < n; k++)
            {
                line.Append($" - {W(k, i)} * x{SourceWriter.Int(k)}");
            }

            w.Line(line.Append(';').ToString());
        }

        w.Line();
        for (int i = 0; i < n; i++)
        {
            w.Line($"{KernelSyntax.Element(x, KernelSyntax.RowOffset(i, stride))} = x{SourceWriter.Int(i)};");
        }
    }

    private static string S(int i, int j) => "s" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);

    private static string W(int i, int j) => "w" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);
}
