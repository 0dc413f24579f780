using System.Text;
using Specialized.Generator.Model;
using static Specialized.Generator.KernelSyntax;

namespace Specialized.Generator;

/// <summary>
/// Emits the straight-line <c>[SpdInverse]</c> kernel for one n, LAPACK's potrf + potri in locals:
/// the Cholesky factor L (pivots checked before anything is written), W = L⁻¹ by forward
/// substitution on the identity, then A⁻¹ = Wᵀ·W written to both triangles of the inverse. Every
/// element of a is read before the first write, so a failure leaves the inverse as it was.
/// </summary>
internal static class InverseKernelEmitter
{
    public static string MethodName(int n) => "Invert" + SourceWriter.Int(n);

    public static void Emit(SourceWriter w, SolverSpec spec, int n)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        w.Line($"/// <summary>n = {SourceWriter.Int(n)}: factors A = L·Lᵀ, inverts W = L⁻¹, then writes A⁻¹ = Wᵀ·W to both triangles.</summary>");
        // Straight-line code has no loop for on-stack replacement to promote: optimize at first call.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static SolveResult {MethodName(n)}({Parameters(spec)})");
        EmitFactorToLocals(w, spec, s, n, keepDiagonal: false, lastReciprocal: true);

        if (n > 1)
        {
            w.Line("// W = L⁻¹, lower triangular, row by row: W(i, i) = r_i, W(i, j) = −r_i · Σ_{j≤k<i} L(i, k)·W(k, j).");
            for (int i = 1; i < n; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    var entry = new StringBuilder($"{s.Keyword} {W(i, j)} = -(");
                    for (int k = j; k < i; k++)
                    {
                        entry.Append(k == j ? string.Empty : " + ").Append($"{L(i, k)} * {W(k, j)}");
                    }

                    w.Line(entry.Append($") * {R(i)};").ToString());
                }
            }

            w.Line();
        }

        w.Line("// A⁻¹(i, j) = Σ_{k≥i} W(k, i)·W(k, j) for i ≥ j, written to (i, j) and (j, i): the full symmetric inverse, whatever the layout.");
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                var sum = new StringBuilder();
                for (int k = i; k < n; k++)
                {
                    sum.Append(k == i ? string.Empty : " + ").Append($"{W(k, i)} * {W(k, j)}");
                }

                string target = Element("inverse", i * n + j);
                if (i != j)
                {
                    target += " = " + Element("inverse", j * n + i);
                }

                w.Line($"{target} = {sum};");
            }
        }

        w.Line();
        w.Line("return SolveResult.Succeeded;");
        w.Close();
    }

    /// <summary>The local holding W(i, j) = L⁻¹(i, j), i ≥ j; the diagonal is the pivot's reciprocal.</summary>
    private static string W(int i, int j) => i == j ? R(i) : "w" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);
}
