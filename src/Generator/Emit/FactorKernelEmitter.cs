using System.Collections.Generic;
using System.Linq;
using Specialized.Generator.Model;
using static Specialized.Generator.KernelSyntax;

namespace Specialized.Generator;

/// <summary>
/// Emits the straight-line <c>[SpdFactor]</c> kernel for one n: a left-looking Cholesky whose factor
/// lives in locals (one reciprocal per pivot), written over the stored triangle only once every pivot
/// has passed, so a matrix that is not positive definite leaves a exactly as it was.
/// </summary>
internal static class FactorKernelEmitter
{
    /// <summary>The helper that factors a stack copy with the runtime kernel, for the sizes past the straight-line limit (<see cref="FactorForm"/>).</summary>
    public const string FactorOnCopyMethod = "FactorOnCopy";

    public static string MethodName(int n) => "Factor" + SourceWriter.Int(n);

    public static void Emit(SourceWriter w, SolverSpec spec, int n)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        w.Line($"/// <summary>n = {SourceWriter.Int(n)}: factors A = L·Lᵀ in locals, then writes L over the stored triangle.</summary>");
        // Straight-line code has no loop for on-stack replacement to promote: optimize at first call.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static SolveResult {MethodName(n)}({Parameters(spec)})");
        EmitFactorToLocals(w, spec, s, n, keepDiagonal: true, lastReciprocal: false);

        w.Line("// Every pivot passed: only now does the factor overwrite the stored triangle.");
        // In storage order, so the stores run forward through memory.
        var stores = new List<(int Offset, string Value)>();
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++)
            {
                stores.Add((Offset(spec, n, i, j), L(i, j)));
            }
        }

        foreach ((int offset, string value) in stores.OrderBy(store => store.Offset))
        {
            w.Line($"{Element("a", offset)} = {value};");
        }

        w.Line();
        w.Line("return SolveResult.Succeeded;");
        w.Close();
    }

    /// <summary>
    /// Emits the helper for <paramref name="from"/> ≤ n ≤ MaxN: the stored triangle is copied to the
    /// stack, factored there by the runtime's vectorized kernel, and copied back only on success,
    /// so a failure leaves a unchanged as the straight-line kernels do (n ≤ 32: at most 8 KiB).
    /// </summary>
    public static void EmitFactorOnCopy(SourceWriter w, SolverSpec spec, int from)
    {
        string t = ScalarSyntax.For(spec.Signature.Element).Keyword;
        string to = SourceWriter.Int(spec.MaxN);
        // Row-wise, row i of L is (i, 0..i) at i·n; column-wise, buffer row i holds L(i..n−1, i) from i·n + i.
        (string start, string length) = spec.RowWise ? ("i * n", "i + 1") : ("i * n + i", "n - i");
        w.Line($"/// <summary>n = {SourceWriter.Int(from)}..{to}: the runtime's kernel on a stack copy of the stored triangle, written back only on success.</summary>");
        w.Open($"public static SolveResult {FactorOnCopyMethod}(Span<{t}> a, int n)");
        w.Line($"Span<{t}> copy = stackalloc {t}[n * n];");
        w.Open("for (int i = 0; i < n; i++)");
        w.Line($"a.Slice({start}, {length}).CopyTo(copy.Slice({start}, {length}));");
        w.Close();
        w.Line();
        w.Line($"SolveResult result = Cholesky.Factor(copy, n, {CholeskyFormDescriptor.Storage(spec)});");
        w.Open("if (result.Success)");
        w.Open("for (int i = 0; i < n; i++)");
        w.Line($"copy.Slice({start}, {length}).CopyTo(a.Slice({start}, {length}));");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return result;");
        w.Close();
    }
}
