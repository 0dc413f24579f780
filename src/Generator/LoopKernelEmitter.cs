using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the one looped SIMD solver a method uses for the sizes where straight-line code stops
/// paying: the same right-looking LDLᵀ as <see cref="VectorKernelEmitter"/>, on a column-major
/// copy of the lower triangle in a stack buffer, one vector per lane-block of rows.
/// </summary>
/// <remarks>
/// Above about two dozen rows the unrolled code outgrows the instruction cache and the JIT's
/// optimization limits (it falls back to MinOpts beyond 60 KB of IL), while loops of known small
/// trip counts cost a compare and a predicted branch per block.
/// </remarks>
internal static class LoopKernelEmitter
{
    public const string MethodName = "SolveLooped";

    public static void Emit(SourceWriter w, SolverSpec spec, VectorShape v, int maxN)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        string t = s.Keyword;
        bool inPlace = spec.Signature.Form == SolveForm.InPlace;
        bool nrhs = spec.Signature.HasNrhs;
        string lanes = SourceWriter.Int(v.Lanes);
        int paddedMax = (maxN + v.Lanes - 1) / v.Lanes * v.Lanes;
        string x = inPlace ? "b" : "x";

        w.Line($"/// <summary>{SourceWriter.Int(v.Lanes)} ≤ n ≤ {SourceWriter.Int(maxN)}: A = L·D·Lᵀ on a column-major copy in {v.Factory} blocks, then L·y = b, D·Lᵀ·x = y.</summary>");
        w.Open($"private static SolveResult {MethodName}({KernelSyntax.Parameters(spec)}, int n)");
        w.Line("// Column j of the lower triangle at j·ld, rows padded to whole vectors; the padding stays zero.");
        w.Line($"int ld = (n + {SourceWriter.Int(v.Lanes - 1)}) & ~{SourceWriter.Int(v.Lanes - 1)};");
        w.Line($"Span<{t}> work = stackalloc {t}[{SourceWriter.Int(maxN * paddedMax)}];");
        w.Line($"Span<{t}> scratch = stackalloc {t}[{SourceWriter.Int(3 * paddedMax + maxN)}];");
        w.Line($"ref {t} c0 = ref MemoryMarshal.GetReference(work);");
        w.Line($"ref {t} m = ref MemoryMarshal.GetReference(scratch);");
        w.Line($"ref {t} z = ref Unsafe.Add(ref m, {SourceWriter.Int(paddedMax)});");
        w.Line($"ref {t} solution = ref Unsafe.Add(ref z, {SourceWriter.Int(paddedMax)});");
        w.Line($"ref {t} inverse = ref Unsafe.Add(ref solution, {SourceWriter.Int(paddedMax)});");
        w.Open("for (int j = 0; j < n; j++)");
        w.Open("for (int i = j; i < n; i++)");
        string offset = spec.RowWise ? "i * n + j" : "j * n + i";
        w.Line($"Unsafe.Add(ref c0, j * ld + i) = Unsafe.Add(ref a, {offset});");
        w.Close();
        w.Close();
        w.Line();

        if (!nrhs)
        {
            w.Open("for (int i = 0; i < n; i++)");
            w.Line("Unsafe.Add(ref z, i) = Unsafe.Add(ref b, i);");
            w.Close();
            w.Line();
        }

        w.Open("for (int j = 0; j < n; j++)");
        w.Line($"ref {t} cj = ref Unsafe.Add(ref c0, j * ld);");
        w.Line($"{t} d = Unsafe.Add(ref cj, j);");
        w.Open($"if ({s.NotPositiveFinite("d")})");
        w.Line("return SolveResult.Failed(j);");
        w.Close();
        w.Line();
        w.Line("// Lanes above the diagonal hold elimination leftovers; zero them so the back substitution's dot products can read whole blocks.");
        w.Open($"for (int i = j & ~{SourceWriter.Int(v.Lanes - 1)}; i < j; i++)");
        w.Line($"Unsafe.Add(ref cj, i) = {s.Zero};");
        w.Close();
        w.Line();
        w.Line($"{t} r = {s.One} / d;");
        w.Line("Unsafe.Add(ref inverse, j) = r;");
        w.Line($"int first = (j + 1) & ~{SourceWriter.Int(v.Lanes - 1)};");
        w.Line($"var vr = {v.Factory}.Create(r);");
        w.Open($"for (int i = first; i < ld; i += {lanes})");
        w.Line($"({v.Factory}.LoadUnsafe(ref cj, (nuint)i) * vr).StoreUnsafe(ref m, (nuint)i);");
        w.Close();
        w.Line();
        w.Line("// Trailing columns: c(k) −= c(j)[k]·m, from the block holding row k down. Columns one by one up to");
        w.Line("// a block boundary, then whole groups of columns, which share their first block and one load of m.");
        w.Line("int k = j + 1;");
        w.Open($"for (; k < n && (k & {SourceWriter.Int(v.Lanes - 1)}) != 0; k++)");
        EmitColumnUpdate(w, s, v, "k", "k & ~" + SourceWriter.Int(v.Lanes - 1));
        w.Close();
        w.Line();
        w.Open($"for (; k + {lanes} <= n; k += {lanes})");
        for (int c = 0; c < v.Lanes; c++)
        {
            string cc = SourceWriter.Int(c);
            w.Line($"var q{cc} = {v.Factory}.Create(Unsafe.Add(ref cj, k + {cc}));");
            w.Line($"ref {t} ck{cc} = ref Unsafe.Add(ref c0, (k + {cc}) * ld);");
        }

        w.Open($"for (int i = k; i < ld; i += {lanes})");
        w.Line($"var mi = {v.Factory}.LoadUnsafe(ref m, (nuint)i);");
        for (int c = 0; c < v.Lanes; c++)
        {
            string ck = "ck" + SourceWriter.Int(c);
            w.Line($"{VectorShape.MultiplySubtract("q" + SourceWriter.Int(c), "mi", $"{v.Factory}.LoadUnsafe(ref {ck}, (nuint)i)")}.StoreUnsafe(ref {ck}, (nuint)i);");
        }

        w.Close();
        w.Close();
        w.Line();
        w.Open("for (; k < n; k++)");
        EmitColumnUpdate(w, s, v, "k", "k & ~" + SourceWriter.Int(v.Lanes - 1));
        w.Close();
        w.Line();

        if (!nrhs)
        {
            w.Line();
            w.Line("// Forward substitution rides along; row j itself keeps y(j) (its multiplier is about one).");
            w.Line($"{t} y = Unsafe.Add(ref z, j);");
            w.Line($"var u = {v.Factory}.Create(y);");
            w.Open($"for (int i = first; i < ld; i += {lanes})");
            w.Line($"{VectorShape.MultiplySubtract("u", $"{v.Factory}.LoadUnsafe(ref m, (nuint)i)", $"{v.Factory}.LoadUnsafe(ref z, (nuint)i)")}.StoreUnsafe(ref z, (nuint)i);");
            w.Close();
            w.Line("Unsafe.Add(ref z, j) = y;");
        }

        w.Close();
        w.Line();

        if (nrhs)
        {
            w.Line("// b and x are n x nrhs, row-major: each right-hand side is a column with stride nrhs.");
            w.Open("for (int c = 0; c < nrhs; c++)");
            w.Open("for (int i = 0; i < n; i++)");
            w.Line($"{t} sum = Unsafe.Add(ref b, i * nrhs + c);");
            w.Open("for (int k = 0; k < i; k++)");
            w.Line($"sum = {s.FusedMultiplyAdd}(-Unsafe.Add(ref c0, k * ld + i), Unsafe.Add(ref z, k), sum);");
            w.Close();
            w.Line("Unsafe.Add(ref z, i) = sum * Unsafe.Add(ref inverse, i);");
            w.Line("Unsafe.Add(ref m, i) = sum;");
            w.Close();
            w.Line();
            EmitBackSubstitution(w, s, "m", $"Unsafe.Add(ref {x}, k * nrhs + c)", $"Unsafe.Add(ref {x}, i * nrhs + c)");
            w.Close();
        }
        else
        {
            EmitVectorBackSubstitution(w, s, v, x);
        }

        if (inPlace)
        {
            w.Line();
            w.Line("// The factor overwrites the stored triangle only now, so a failure leaves a as it was.");
            w.Open("for (int j = 0; j < n; j++)");
            w.Line($"{t} scale = {s.Sqrt}(Unsafe.Add(ref inverse, j));");
            w.Open("for (int i = j; i < n; i++)");
            w.Line($"Unsafe.Add(ref a, {offset}) = Unsafe.Add(ref c0, j * ld + i) * scale;");
            w.Close();
            w.Close();
        }

        w.Line();
        w.Line("return SolveResult.Succeeded;");
        w.Close();
    }

    /// <summary>
    /// Back substitution as one dot product per row: x(i) = (y(i) − c(i)·x)/d(i) over whole
    /// blocks, since x is still zero at rows ≤ i and c(i) is zero above its diagonal.
    /// </summary>
    private static void EmitVectorBackSubstitution(SourceWriter w, ScalarSyntax s, VectorShape v, string x)
    {
        string lanes = SourceWriter.Int(v.Lanes);
        w.Open("for (int i = n - 1; i >= 0; i--)");
        w.Line($"ref {s.Keyword} ci = ref Unsafe.Add(ref c0, i * ld);");
        w.Line($"var acc = {v.Type}.Zero;");
        w.Line("// Farthest blocks first: their x is oldest, so only the last multiply-add waits on x(i + 1).");
        w.Open($"for (int k = ld - {lanes}; k > i - {lanes}; k -= {lanes})");
        w.Line($"acc = Fma.MultiplyAdd({v.Factory}.LoadUnsafe(ref ci, (nuint)k), {v.Factory}.LoadUnsafe(ref solution, (nuint)k), acc);");
        w.Close();
        w.Line($"{s.Keyword} xi = ({Sum(v, "acc")} - Unsafe.Add(ref z, i)) * -Unsafe.Add(ref inverse, i);");
        w.Line("Unsafe.Add(ref solution, i) = xi;");
        w.Line($"Unsafe.Add(ref {x}, i) = xi;");
        w.Close();
    }

    private static void EmitColumnUpdate(SourceWriter w, ScalarSyntax s, VectorShape v, string k, string firstRow)
    {
        w.Line($"var q = {v.Factory}.Create(Unsafe.Add(ref cj, {k}));");
        w.Line($"ref {s.Keyword} ck = ref Unsafe.Add(ref c0, {k} * ld);");
        w.Open($"for (int i = {firstRow}; i < ld; i += {SourceWriter.Int(v.Lanes)})");
        w.Line($"{VectorShape.MultiplySubtract("q", $"{v.Factory}.LoadUnsafe(ref m, (nuint)i)", $"{v.Factory}.LoadUnsafe(ref ck, (nuint)i)")}.StoreUnsafe(ref ck, (nuint)i);");
        w.Close();
    }

    private static string Sum(VectorShape v, string vector) => $"{v.Factory}.Sum({vector})";

    /// <summary>x(i) = (y(i) − Σ c(i)[k]·x(k))·1/d(i), k &gt; i: the column of C below the diagonal is contiguous.</summary>
    private static void EmitBackSubstitution(SourceWriter w, ScalarSyntax s, string y, string xk, string xi)
    {
        w.Open("for (int i = n - 1; i >= 0; i--)");
        w.Line($"{s.Keyword} sum = Unsafe.Add(ref {y}, i);");
        w.Line($"ref {s.Keyword} ci = ref Unsafe.Add(ref c0, i * ld);");
        w.Open("for (int k = n - 1; k > i; k--)");
        w.Line($"sum = {s.FusedMultiplyAdd}(-Unsafe.Add(ref ci, k), {xk}, sum);");
        w.Close();
        w.Line($"{xi} = sum * Unsafe.Add(ref inverse, i);");
        w.Close();
    }
}
