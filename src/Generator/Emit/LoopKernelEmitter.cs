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

    /// <summary>Emits the kernel for n up to <paramref name="maxN"/>; in place, the factor overwrites a's stored triangle and x overwrites b.</summary>
    public static void Emit(SourceWriter w, SolverSpec spec, VectorShape v, int maxN, bool inPlace)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        string t = s.Keyword;
        bool nrhs = spec.Signature.HasNrhs;
        string lanes = SourceWriter.Int(v.Lanes);
        int paddedMax = (maxN + v.Lanes - 1) / v.Lanes * v.Lanes;
        string x = inPlace ? "b" : "x";

        w.Line($"/// <summary>{SourceWriter.Int(v.Lanes)} ≤ n ≤ {SourceWriter.Int(maxN)}: A = L·D·Lᵀ on a column-major copy in {v.Factory} blocks, then L·y = b, D·Lᵀ·x = y.</summary>");
        if (spec.AllowUnsafe)
        {
            // The kernel writes every element it reads, so zeroing the buffer first is waste: a loop of
            // pushes that cost float n = 17 about 50 of its 510 ns. Without /unsafe the attribute is an error.
            w.Line("[SkipLocalsInit]");
        }

        w.Open($"private static SolveResult {MethodName}({KernelSyntax.Parameters(spec)}, int n)");
        int bytes = spec.Signature.Element == ElementType.Float ? 4 : 8;
        int align = 32 / bytes;
        int workSize = maxN * paddedMax;
        w.Line("// Column j of the lower triangle at j·ld, rows padded to whole vectors, then the vectors m, z and x");
        w.Line("// and the scalars 1/d and y. Every block the kernel reads is written first (zeros, then the stored");
        w.Line("// rows), so no lane computes on stale stack contents. The buffers start on a 32-byte boundary, so no");
        w.Line("// vector straddles two cache lines (such a load waits for the store before it instead of forwarding).");
        w.Line($"int ld = (n + {SourceWriter.Int(v.Lanes - 1)}) & ~{SourceWriter.Int(v.Lanes - 1)};");
        // y is kept aside only with one right-hand side; with several, the substitutions run afterwards.
        int scalars = nrhs ? maxN : 2 * maxN;
        w.Line($"Span<{t}> buffer = stackalloc {t}[{SourceWriter.Int(workSize + 3 * paddedMax + scalars + align)}];");
        w.Line($"ref {t} start = ref MemoryMarshal.GetReference(buffer);");
        w.Line($"ref {t} c0 = ref Unsafe.Add(ref start, (int)((-Unsafe.ByteOffset(ref Unsafe.NullRef<{t}>(), ref start) & 31) / {SourceWriter.Int(bytes)}));");
        w.Line($"ref {t} m = ref Unsafe.Add(ref c0, {SourceWriter.Int(workSize)});");
        w.Line($"ref {t} z = ref Unsafe.Add(ref m, {SourceWriter.Int(paddedMax)});");
        w.Line($"ref {t} solution = ref Unsafe.Add(ref z, {SourceWriter.Int(paddedMax)});");
        w.Line($"ref {t} inverse = ref Unsafe.Add(ref solution, {SourceWriter.Int(paddedMax)});");
        if (!nrhs)
        {
            w.Line($"ref {t} forward = ref Unsafe.Add(ref inverse, {SourceWriter.Int(maxN)});");
        }

        w.Open("for (int j = 0; j < n; j++)");
        w.Line($"ref {t} cj = ref Unsafe.Add(ref c0, j * ld);");
        w.Line($"{v.Type}.Zero.StoreUnsafe(ref cj, (nuint)(j & ~{SourceWriter.Int(v.Lanes - 1)}));");
        w.Line($"{v.Type}.Zero.StoreUnsafe(ref cj, (nuint)(ld - {lanes}));");
        string offset = spec.RowWise ? "i * n + j" : "j * n + i";
        if (!spec.RowWise)
        {
            w.Line("// Stored by columns: column j's rows j..n−1 are contiguous, so whole vectors first.");
            w.Line($"ref {t} aj = ref Unsafe.Add(ref a, j * n);");
            w.Line("int i = j;");
            w.Open($"for (; i + {lanes} <= n; i += {lanes})");
            w.Line($"{v.Factory}.LoadUnsafe(ref aj, (nuint)i).StoreUnsafe(ref cj, (nuint)i);");
            w.Close();
            w.Open("for (; i < n; i++)");
            w.Line("Unsafe.Add(ref cj, i) = Unsafe.Add(ref aj, i);");
            w.Close();
        }

        w.Close();
        w.Line();
        if (spec.RowWise)
        {
            EmitTransposingCopy(w, spec, t, v);
        }

        if (!nrhs)
        {
            w.Line($"{v.Type}.Zero.StoreUnsafe(ref z, (nuint)(ld - {lanes}));");
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
            w.Line("// Forward substitution rides along; y(j) is kept aside, as the rows above j+1 in m's first block are leftovers.");
            w.Line($"{t} y = Unsafe.Add(ref z, j);");
            w.Line("Unsafe.Add(ref forward, j) = y;");
            w.Line($"var u = {v.Factory}.Create(y);");
            w.Open($"for (int i = first; i < ld; i += {lanes})");
            w.Line($"{VectorShape.MultiplySubtract("u", $"{v.Factory}.LoadUnsafe(ref m, (nuint)i)", $"{v.Factory}.LoadUnsafe(ref z, (nuint)i)")}.StoreUnsafe(ref z, (nuint)i);");
            w.Close();
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
    /// The stored triangle into column order when the matrix stores L by rows (L(i, j) at i·n + j):
    /// whole lanes x lanes blocks are loaded as rows and transposed in registers, the rows below the
    /// last whole block go element by element. Copied one element at a time down each column, the
    /// copy took 103 of float n = 17's 457 ns and 338 of 1,112 at n = 32. A diagonal block also
    /// reads the entries above the diagonal, inside the matrix; they land in lanes never read back.
    /// </summary>
    private static void EmitTransposingCopy(SourceWriter w, SolverSpec spec, string t, VectorShape v)
    {
        BatchWidth width = BatchWidth.Narrow(spec.Signature.Element);
        string lanes = SourceWriter.Int(v.Lanes);
        w.Line($"int full = n & ~{SourceWriter.Int(v.Lanes - 1)};");
        LaneTranspose.DeclareTemporaries(w, width);
        w.Open($"for (int jb = 0; jb < full; jb += {lanes})");
        w.Open($"for (int ib = jb; ib < full; ib += {lanes})");
        w.Line($"ref {t} source = ref Unsafe.Add(ref a, ib * n + jb);");
        var rows = new string[v.Lanes];
        var columns = new string?[v.Lanes];
        for (int q = 0; q < v.Lanes; q++)
        {
            rows[q] = LaneTranspose.Row(q);
            columns[q] = "tc" + SourceWriter.Int(q);
            string at = q == 0 ? "0" : q == 1 ? "(nuint)n" : $"(nuint)({SourceWriter.Int(q)} * n)";
            w.Line($"{rows[q]} = {v.Factory}.LoadUnsafe(ref source, {at});");
        }

        LaneTranspose.Emit(w, width, rows, columns, declareOutputs: true);
        w.Line($"ref {t} target = ref Unsafe.Add(ref c0, jb * ld + ib);");
        for (int q = 0; q < v.Lanes; q++)
        {
            string at = q == 0 ? "0" : q == 1 ? "(nuint)ld" : $"(nuint)({SourceWriter.Int(q)} * ld)";
            w.Line($"{columns[q]}.StoreUnsafe(ref target, {at});");
        }

        w.Close();
        w.Close();
        w.Line();
        w.Open("for (int i = full; i < n; i++)");
        w.Open("for (int j = 0; j <= i; j++)");
        w.Line("Unsafe.Add(ref c0, j * ld + i) = Unsafe.Add(ref a, i * n + j);");
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>
    /// Back substitution as one dot product per row: x(i) = (y(i) − c(i)·x)/d(i) over whole blocks.
    /// The block of x being solved stays in a register and is stored whole once complete: a vector
    /// load over a fresh scalar store cannot take its value from the store and waits for it to
    /// retire (measured: float n = 17 spent a third of its time here). Lanes of c(i) at and above
    /// the diagonal hold the pivot and leftovers and are masked off.
    /// </summary>
    private static void EmitVectorBackSubstitution(SourceWriter w, ScalarSyntax s, VectorShape v, string x)
    {
        string lanes = SourceWriter.Int(v.Lanes);
        string lastLane = SourceWriter.Int(v.Lanes - 1);
        bool single = v.Lanes == 8;
        string indices = single ? "Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7)" : "Vector256.Create(0L, 1L, 2L, 3L)";
        string laneOfI = single ? $"Vector256.Create(i & {lastLane})" : $"Vector256.Create((long)(i & {lastLane}))";
        string asElement = single ? "AsSingle" : "AsDouble";
        w.Line($"var lane = {indices};");
        w.Line($"var xb = {v.Type}.Zero;");
        w.Open("for (int i = n - 1; i >= 0; i--)");
        w.Line($"ref {s.Keyword} ci = ref Unsafe.Add(ref c0, i * ld);");
        w.Line($"int bi = i & ~{lastLane};");
        w.Line($"var acc = {v.Type}.Zero;");
        w.Line("// Farthest blocks first: their x is oldest, so only the own block's multiply-add waits on x(i + 1).");
        w.Open($"for (int k = ld - {lanes}; k > bi; k -= {lanes})");
        w.Line($"acc = Fma.MultiplyAdd({v.Factory}.LoadUnsafe(ref ci, (nuint)k), {v.Factory}.LoadUnsafe(ref solution, (nuint)k), acc);");
        w.Close();
        w.Line($"var below = Vector256.GreaterThan(lane, {laneOfI}).{asElement}();");
        w.Line($"acc = Fma.MultiplyAdd({v.Factory}.LoadUnsafe(ref ci, (nuint)bi) & below, xb, acc);");
        w.Line($"{s.Keyword} xi = ({Sum(v, "acc")} - Unsafe.Add(ref forward, i)) * -Unsafe.Add(ref inverse, i);");
        w.Line($"xb = Vector256.ConditionalSelect(Vector256.Equals(lane, {laneOfI}).{asElement}(), Vector256.Create(xi), xb);");
        w.Line($"Unsafe.Add(ref {x}, i) = xi;");
        w.Open($"if ((i & {lastLane}) == 0)");
        w.Line("xb.StoreUnsafe(ref solution, (nuint)bi);");
        w.Line($"xb = {v.Type}.Zero;");
        w.Close();
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
