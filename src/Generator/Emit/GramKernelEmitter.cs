using System.Collections.Generic;
using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// One [LeastSquares] kernel per column count: a single pass over A that accumulates AᵀWA (upper
/// triangle) and AᵀWb in Vector256 registers, the Gram matrix written to the stack, then the
/// [SpdSolve] kernel of that order (<see cref="FitEmitter.NormalEquationsClass"/>) and, with
/// Refine, one step of refinement from the residual computed against A.
/// </summary>
/// <remarks>
/// Column-major A: one vector per column over lanes consecutive rows, one accumulator per pair of
/// columns, summed across lanes at the end. Row-major A with cols ≥ 2 (double) or ≥ 4 (float): the
/// same, after transposing each block of lanes rows into column vectors with 128-bit loads and unpacks;
/// the rows after the last whole block are copied into a zero-padded block. Narrower row-major A:
/// each row is loaded as one vector (reading into the next rows: the last few go through a scalar
/// loop) and row j of the Gram matrix gathers a_ij·(w_i·a_i).
/// </remarks>
internal static class GramKernelEmitter
{
    public static string MethodName(int cols) => "Fit" + SourceWriter.Int(cols);

    /// <summary>
    /// How far ahead of the rows in use the kernels prefetch: 4 KiB. Measured with cols = 6, double,
    /// 48 KB per fit streamed from memory: 7.1 ns per row without prefetching, 4.5 at 3 KiB, 3.7-4.1
    /// at 4 KiB, 4.0-4.8 at 6 KiB; a read-only pass over the same rows takes 4.2 ns. Column-major A
    /// (one stream per column) showed no gain from prefetching each column, so only rows are prefetched.
    /// </summary>
    public const int PrefetchBytes = 4096;

    /// <summary>The element copy the row-major kernels fill their last block with (<see cref="EmitCopyHelper"/>).</summary>
    public const string CopyMethod = "CopyTail";

    /// <summary>
    /// The copy of a last partial block, emitted once per kernels class of row-major kernels. Element by element: a span
    /// copy's size dispatch, at another length in each fit of a ragged batch, cost more than the copy (10,000 float fits of
    /// 200..1000 x 6: 1.09-1.26 µs per fit with CopyTo, 0.86-1.07 µs with the loop, in alternating runs).
    /// </summary>
    public static void EmitCopyHelper(SourceWriter w, SolverSignature sig)
    {
        string t = ScalarSyntax.For(sig.Element).Keyword;
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Open($"private static void {CopyMethod}(ref {t} from, ref {t} to, int count)");
        w.Open("for (int k = 0; k < count; k++)");
        w.Line("Unsafe.Add(ref to, k) = Unsafe.Add(ref from, k);");
        w.Close();
        w.Close();
    }

    public static void Emit(SourceWriter w, SolverSpec spec, int cols)
    {
        SolverSignature sig = spec.Signature;
        ScalarSyntax s = ScalarSyntax.For(sig.Element);
        string t = s.Keyword;
        string c = SourceWriter.Int(cols);
        var parameters = new List<string> { $"ref {t} a", $"ref {t} b" };
        if (sig.HasWeights)
        {
            parameters.Add($"ref {t} w");
        }

        parameters.Add($"ref {t} x");
        parameters.Add("int rows");
        if (sig.HasRidge)
        {
            parameters.Add($"{t} ridge");
        }

        w.Line($"/// <summary>cols = {c}: AᵀWA and AᵀWb in one pass over {(spec.ColumnMajor ? "the columns" : "the rows")} of A, then the order-{c} Cholesky solve.</summary>");
        w.Open($"public static SolveResult {MethodName(cols)}({string.Join(", ", parameters)})");
        w.Line($"Span<{t}> gram = stackalloc {t}[{SourceWriter.Int(cols * cols)}];");
        w.Line($"Span<{t}> atb = stackalloc {t}[{c}];");
        w.Line($"ref {t} g = ref MemoryMarshal.GetReference(gram);");
        w.Line($"ref {t} h = ref MemoryMarshal.GetReference(atb);");
        if (spec.ColumnMajor)
        {
            EmitColumnMajor(w, sig, cols);
            w.Line();
            EmitTail(w, spec, cols);
        }
        else if (TransposesRows(sig, cols))
        {
            EmitRowBlocks(w, sig, cols);
        }
        else
        {
            EmitRowMajor(w, sig, cols);
            w.Line();
            EmitTail(w, spec, cols);
        }
        if (sig.HasRidge)
        {
            w.Line();
            w.Line("// The ridge adds to the diagonal only.");
            for (int d = 0; d < cols; d++)
            {
                w.Line($"Unsafe.Add(ref g, {SourceWriter.Int(d * (cols + 1))}) += ridge;");
            }
        }

        w.Line();
        w.Line($"Span<{t}> solution = MemoryMarshal.CreateSpan(ref x, {c});");
        w.Line($"SolveResult result = {FitEmitter.NormalEquationsClass}.{DispatchEmitter.DispatchMethod}(gram, atb, solution, {c});");
        if (spec.Refine)
        {
            w.Line();
            EmitRefinement(w, spec, cols);
        }

        w.Line("return result;");
        w.Close();
    }

    // Rows at a time: block starts within a row, and the columns each block owns (its lanes not owned by an earlier block).
    private static void EmitRowMajor(SourceWriter w, SolverSignature sig, int cols)
    {
        int lanes = sig.Element == ElementType.Double ? 4 : 8;
        string t = ScalarSyntax.For(sig.Element).Keyword;
        string vector = $"Vector256<{t}>";
        var starts = new List<int>();
        if (cols < lanes)
        {
            starts.Add(0);
        }
        else
        {
            for (int start = 0; start + lanes <= cols; start += lanes)
            {
                starts.Add(start);
            }

            if (cols % lanes != 0)
            {
                starts.Add(cols - lanes);
            }
        }

        var owned = new List<(int From, int To)>();
        for (int k = 0; k < starts.Count; k++)
        {
            owned.Add((k == 0 ? 0 : owned[k - 1].To, System.Math.Min(starts[k] + lanes, cols)));
        }

        bool Needed(int j, int block) => owned[block].To - 1 >= j;

        w.Line();
        w.Line($"// g{{j}}_{{k}}: lanes of row j of AᵀWA over block k of the row; h{{k}}: AᵀWb over block k.");
        for (int j = 0; j < cols; j++)
        {
            for (int k = 0; k < starts.Count; k++)
            {
                if (Needed(j, k))
                {
                    w.Line($"var g{SourceWriter.Int(j)}_{SourceWriter.Int(k)} = {vector}.Zero;");
                }
            }
        }

        for (int k = 0; k < starts.Count; k++)
        {
            w.Line($"var h{SourceWriter.Int(k)} = {vector}.Zero;");
        }

        int overRead = (lanes + cols - 1) / cols - 1;
        if (overRead == 0)
        {
            w.Line("int vectorRows = rows;");
        }
        else
        {
            string last = SourceWriter.Int(overRead);
            w.Line($"// A row shorter than a vector reads into the next ones: the last {last} go through the scalar loop.");
            w.Line($"int vectorRows = rows > {last} ? rows - {last} : 0;");
        }

        int ahead = PrefetchBytes / (sig.Element == ElementType.Double ? 8 : 4);
        w.Line($"int prefetchRows = rows - {SourceWriter.Int((ahead + cols - 1) / cols)};");
        w.Line("int i = 0;");
        w.Open("for (; i < vectorRows; i++)");
        w.Line($"ref {t} row = ref Unsafe.Add(ref a, (nint)i * {SourceWriter.Int(cols)});");
        w.Open("if (i < prefetchRows)");
        w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref row, {SourceWriter.Int(ahead)}));");
        EmitSideHints(w, sig, ahead / cols);
        w.Close();

        if (sig.HasWeights)
        {
            w.Line("var wi = Vector256.Create(Unsafe.Add(ref w, i));");
        }

        for (int k = 0; k < starts.Count; k++)
        {
            string load = $"Vector256.LoadUnsafe(ref row, {SourceWriter.Int(starts[k])})";
            w.Line($"var v{SourceWriter.Int(k)} = {(sig.HasWeights ? load + " * wi" : load)};");
        }

        w.Line("var bi = Vector256.Create(Unsafe.Add(ref b, i));");
        for (int k = 0; k < starts.Count; k++)
        {
            w.Line($"h{SourceWriter.Int(k)} = Fma.MultiplyAdd(bi, v{SourceWriter.Int(k)}, h{SourceWriter.Int(k)});");
        }

        for (int j = 0; j < cols; j++)
        {
            string jj = SourceWriter.Int(j);
            w.Line($"var s{jj} = Vector256.Create(Unsafe.Add(ref row, {jj}));");
            for (int k = 0; k < starts.Count; k++)
            {
                if (Needed(j, k))
                {
                    string acc = $"g{jj}_{SourceWriter.Int(k)}";
                    w.Line($"{acc} = Fma.MultiplyAdd(s{jj}, v{SourceWriter.Int(k)}, {acc});");
                }
            }
        }

        w.Close();
        w.Line();
        w.Line("// The Gram matrix's lower triangle, row-major: (k, j) at k·cols + j.");
        for (int k = 0; k < starts.Count; k++)
        {
            for (int col = owned[k].From; col < owned[k].To; col++)
            {
                string lane = SourceWriter.Int(col - starts[k]);
                w.Line($"Unsafe.Add(ref h, {SourceWriter.Int(col)}) = h{SourceWriter.Int(k)}.GetElement({lane});");
                for (int j = 0; j <= col; j++)
                {
                    w.Line($"Unsafe.Add(ref g, {SourceWriter.Int(col * cols + j)}) = g{SourceWriter.Int(j)}_{SourceWriter.Int(k)}.GetElement({lane});");
                }
            }
        }
    }

    // Lanes rows at a time: one vector per column, one accumulator per pair j ≤ k and per column for AᵀWb.
    private static void EmitColumnMajor(SourceWriter w, SolverSignature sig, int cols)
    {
        int lanes = Lanes(sig);
        string t = ScalarSyntax.For(sig.Element).Keyword;
        w.Line();
        for (int j = 1; j < cols; j++)
        {
            w.Line($"ref {t} c{SourceWriter.Int(j)} = ref Unsafe.Add(ref a, (nint)rows * {SourceWriter.Int(j)});");
        }

        EmitPairAccumulators(w, sig, cols);
        w.Line($"int vectorRows = rows & ~{SourceWriter.Int(lanes - 1)};");
        w.Line("int i = 0;");
        w.Open($"for (; i < vectorRows; i += {SourceWriter.Int(lanes)})");
        for (int j = 0; j < cols; j++)
        {
            w.Line($"var x{SourceWriter.Int(j)} = Vector256.LoadUnsafe(ref {(j == 0 ? "a" : "c" + SourceWriter.Int(j))}, (nuint)i);");
        }

        w.Line("var bv = Vector256.LoadUnsafe(ref b, (nuint)i);");
        if (sig.HasWeights)
        {
            w.Line("var wv = Vector256.LoadUnsafe(ref w, (nuint)i);");
        }

        EmitPairProducts(w, sig, cols);
        w.Close();
        EmitLaneSums(w, cols);
    }

    /// <summary>
    /// Row-major A is transposed a block of lanes rows at a time when whole 128-bit pieces of a row
    /// (two doubles, four floats) cover its columns, or when it has one column (and is its own column):
    /// the block's columns then feed the same one-FMA-per-pair products as column-major A, 27 FMAs per
    /// block at cols = 6 instead of 12 (double) or 7 (float) per row.
    /// </summary>
    private static bool TransposesRows(SolverSignature sig, int cols) => cols == 1 || cols >= PieceWidth(sig);

    // Elements of a row in one 128-bit load.
    private static int PieceWidth(SolverSignature sig) => sig.Element == ElementType.Double ? 2 : 4;

    private static int Lanes(SolverSignature sig) => sig.Element == ElementType.Double ? 4 : 8;

    // Lanes rows at a time from row-major A: 128-bit pieces of rows i and i + lanes/2 share a vector
    // (one per 128-bit half), interleaved into columns; the last partial block is copied, zero-padded,
    // into a block of its own (zero rows add nothing), so every row takes the vector path.
    private static void EmitRowBlocks(SourceWriter w, SolverSignature sig, int cols)
    {
        int lanes = Lanes(sig);
        int piece = PieceWidth(sig);
        string t = ScalarSyntax.For(sig.Element).Keyword;
        string c = SourceWriter.Int(cols);
        string l = SourceWriter.Int(lanes);
        w.Line();
        EmitPairAccumulators(w, sig, cols);
        int spans = sig.HasWeights ? 2 : 1;
        w.Line($"// The last block, zero-padded to {l} rows: A's, then b's{(sig.HasWeights ? " and w's" : "")}.");
        w.Line($"Span<{t}> last = stackalloc {t}[{SourceWriter.Int(lanes * (cols + spans))}];");
        w.Line("last.Clear();");
        w.Line($"int full = rows & ~{SourceWriter.Int(lanes - 1)};");
        w.Line($"ref {t} lastA = ref last[0];");
        w.Line($"ref {t} lastB = ref Unsafe.Add(ref lastA, {SourceWriter.Int(lanes * cols)});");
        if (sig.HasWeights)
        {
            w.Line($"ref {t} lastW = ref Unsafe.Add(ref lastA, {SourceWriter.Int(lanes * (cols + 1))});");
        }

        string scaled = cols == 1 ? "" : " * " + c;
        w.Line($"{CopyMethod}(ref Unsafe.Add(ref a, (nint)full{scaled}), ref lastA, (rows - full){scaled});");
        w.Line($"{CopyMethod}(ref Unsafe.Add(ref b, full), ref lastB, rows - full);");
        if (sig.HasWeights)
        {
            w.Line($"{CopyMethod}(ref Unsafe.Add(ref w, full), ref lastW, rows - full);");
        }

        w.Line();
        int blockElements = lanes * cols;
        int ahead = PrefetchBytes / (sig.Element == ElementType.Double ? 8 : 4);
        int lines = (blockElements * (sig.Element == ElementType.Double ? 8 : 4) + 63) / 64;
        w.Line($"int prefetchRows = rows - {SourceWriter.Int((ahead + blockElements + cols - 1) / cols)};");
        w.Open($"for (int i = 0; i < rows; i += {l})");
        w.Line("bool whole = i < full;");
        w.Line($"ref {t} row = ref whole ? ref Unsafe.Add(ref a, (nint)i{scaled}) : ref lastA;");
        w.Line($"ref {t} rhs = ref whole ? ref Unsafe.Add(ref b, i) : ref lastB;");
        if (sig.HasWeights)
        {
            w.Line($"ref {t} weights = ref whole ? ref Unsafe.Add(ref w, i) : ref lastW;");
        }

        w.Open("if (i < prefetchRows)");
        for (int line = 0; line < lines; line++)
        {
            w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref row, {SourceWriter.Int(ahead + line * 64 / (sig.Element == ElementType.Double ? 8 : 4))}));");
        }

        EmitSideHints(w, sig, ahead / cols);
        w.Close();
        w.Line();
        int half = lanes / 2;
        int pieces = (cols + piece - 1) / piece;
        if (cols == 1)
        {
            w.Line("var x0 = Vector256.LoadUnsafe(ref row);");
            pieces = 0;
        }
        else
        {
            w.Line($"// x{{j}}: column j of rows i..i + {SourceWriter.Int(lanes - 1)}, unpacked from rows r (low half) and r + {SourceWriter.Int(half)} (high half).");
        }

        for (int q = 0; q < pieces; q++)
        {
            int start = System.Math.Min(q * piece, cols - piece);
            int from = q * piece;
            string qq = SourceWriter.Int(q);
            for (int r = 0; r < half; r++)
            {
                w.Line($"var p{qq}_{SourceWriter.Int(r)} = Vector256.Create(Vector128.LoadUnsafe(ref row, {SourceWriter.Int(r * cols + start)}), Vector128.LoadUnsafe(ref row, {SourceWriter.Int((r + half) * cols + start)}));");
            }

            if (piece == 2)
            {
                for (int col = from; col < start + 2; col++)
                {
                    w.Line($"var x{SourceWriter.Int(col)} = Avx.{(col == start ? "UnpackLow" : "UnpackHigh")}(p{qq}_0, p{qq}_1);");
                }

                continue;
            }

            bool low = from <= start + 1;
            if (low)
            {
                w.Line($"var lo{qq}_01 = Avx.UnpackLow(p{qq}_0, p{qq}_1);");
                w.Line($"var lo{qq}_23 = Avx.UnpackLow(p{qq}_2, p{qq}_3);");
            }

            w.Line($"var hi{qq}_01 = Avx.UnpackHigh(p{qq}_0, p{qq}_1);");
            w.Line($"var hi{qq}_23 = Avx.UnpackHigh(p{qq}_2, p{qq}_3);");
            for (int col = from; col < start + 4; col++)
            {
                int k = col - start;
                string pair = k < 2 ? "lo" : "hi";
                w.Line($"var x{SourceWriter.Int(col)} = Avx.Shuffle({pair}{qq}_01, {pair}{qq}_23, {(k % 2 == 0 ? "0x44" : "0xEE")});");
            }
        }

        if (cols > 1)
        {
            w.Line();
        }

        w.Line("var bv = Vector256.LoadUnsafe(ref rhs);");
        if (sig.HasWeights)
        {
            w.Line("var wv = Vector256.LoadUnsafe(ref weights);");
        }

        EmitPairProducts(w, sig, cols);
        w.Close();
        EmitLaneSums(w, cols);
    }

    /// <summary>
    /// b (and w) are streams of their own beside A's rows, too short in a fit of a few hundred rows for
    /// the hardware prefetcher to learn, so the row-major kernels ask for them as many rows ahead as A's
    /// hints run (<paramref name="rowsAhead"/>, which the prefetchRows test keeps within the rows); the
    /// dispatch asks for their first rows (<see cref="FitEmitter"/>). 10,000 float fits x 6, both builds
    /// in one process, call after call, median of 15, new ÷ old over both call orders: 0.85-0.97
    /// weighted and 0.90-1.01 unweighted in a minute when memory answered slowly, 0.98-1.04 in a quiet one.
    /// </summary>
    private static void EmitSideHints(SourceWriter w, SolverSignature sig, int rowsAhead)
    {
        string index = "i + " + SourceWriter.Int(rowsAhead);
        w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref b, {index}));");
        if (sig.HasWeights)
        {
            w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref w, {index}));");
        }
    }

    // g{j}_{k} for j ≤ k and h{j}: the vector accumulators of the column-wise kernels.
    private static void EmitPairAccumulators(SourceWriter w, SolverSignature sig, int cols)
    {
        string vector = $"Vector256<{ScalarSyntax.For(sig.Element).Keyword}>";
        w.Line($"// g{{j}}_{{k}}: lane sums of (AᵀWA)(j, k), j ≤ k; h{{j}}: of (AᵀWb)(j).");
        for (int j = 0; j < cols; j++)
        {
            for (int k = j; k < cols; k++)
            {
                w.Line($"var g{SourceWriter.Int(j)}_{SourceWriter.Int(k)} = {vector}.Zero;");
            }

            w.Line($"var h{SourceWriter.Int(j)} = {vector}.Zero;");
        }
    }

    // One FMA per pair of columns x{j}, x{k} (and per column with bv), the weights wv applied to x{j} first.
    private static void EmitPairProducts(SourceWriter w, SolverSignature sig, int cols)
    {
        string weighted = "x";
        if (sig.HasWeights)
        {
            for (int j = 0; j < cols; j++)
            {
                w.Line($"var y{SourceWriter.Int(j)} = x{SourceWriter.Int(j)} * wv;");
            }

            weighted = "y";
        }

        for (int j = 0; j < cols; j++)
        {
            string jj = SourceWriter.Int(j);
            w.Line($"h{jj} = Fma.MultiplyAdd({weighted}{jj}, bv, h{jj});");
            for (int k = j; k < cols; k++)
            {
                string acc = $"g{jj}_{SourceWriter.Int(k)}";
                w.Line($"{acc} = Fma.MultiplyAdd({weighted}{jj}, x{SourceWriter.Int(k)}, {acc});");
            }
        }
    }

    private static void EmitLaneSums(SourceWriter w, int cols)
    {
        w.Line();
        w.Line("// The Gram matrix's lower triangle, row-major: (k, j) at k·cols + j.");
        for (int j = 0; j < cols; j++)
        {
            string jj = SourceWriter.Int(j);
            w.Line($"Unsafe.Add(ref h, {jj}) = Vector256.Sum(h{jj});");
            for (int k = j; k < cols; k++)
            {
                w.Line($"Unsafe.Add(ref g, {SourceWriter.Int(k * cols + j)}) = Vector256.Sum(g{jj}_{SourceWriter.Int(k)});");
            }
        }
    }

    // The rows the vector loop left, one at a time.
    private static void EmitTail(SourceWriter w, SolverSpec spec, int cols)
    {
        SolverSignature sig = spec.Signature;
        string t = ScalarSyntax.For(sig.Element).Keyword;
        string c = SourceWriter.Int(cols);
        w.Open("for (; i < rows; i++)");
        w.Line($"{t} weight = {(sig.HasWeights ? "Unsafe.Add(ref w, i)" : ScalarSyntax.For(sig.Element).One)};");
        w.Line($"{t} observation = Unsafe.Add(ref b, i);");
        w.Open($"for (int k = 0; k < {c}; k++)");
        w.Line($"{t} weighted = weight * {Element(spec, cols, "k")};");
        w.Line("Unsafe.Add(ref h, k) += weighted * observation;");
        w.Open("for (int j = 0; j <= k; j++)");
        w.Line($"Unsafe.Add(ref g, k * {c} + j) += weighted * {Element(spec, cols, "j")};");
        w.Close();
        w.Close();
        w.Close();
    }

    // r = b − A·x from A itself, then (AᵀWA + ridge·I)·dx = AᵀW·r − ridge·x with the same Gram matrix, x += dx.
    private static void EmitRefinement(SourceWriter w, SolverSpec spec, int cols)
    {
        SolverSignature sig = spec.Signature;
        ScalarSyntax s = ScalarSyntax.For(sig.Element);
        string t = s.Keyword;
        string c = SourceWriter.Int(cols);
        w.Line("// One step of refinement: the residual from A itself, not from the rounded Gram matrix.");
        w.Open("if (result.Success)");
        w.Line($"Span<{t}> correction = stackalloc {t}[{c}];");
        w.Line($"Span<{t}> step = stackalloc {t}[{c}];");
        if (sig.HasRidge)
        {
            w.Open($"for (int k = 0; k < {c}; k++)");
            w.Line("correction[k] = -ridge * solution[k];");
            w.Close();
        }

        w.Open("for (int r = 0; r < rows; r++)");
        w.Line($"{t} residual = Unsafe.Add(ref b, r);");
        w.Open($"for (int k = 0; k < {c}; k++)");
        w.Line($"residual -= {Element(spec, cols, "k", "r")} * solution[k];");
        w.Close();
        if (sig.HasWeights)
        {
            w.Line("residual *= Unsafe.Add(ref w, r);");
        }

        w.Open($"for (int k = 0; k < {c}; k++)");
        w.Line($"correction[k] += {Element(spec, cols, "k", "r")} * residual;");
        w.Close();
        w.Close();
        w.Line($"{FitEmitter.NormalEquationsClass}.{DispatchEmitter.DispatchMethod}(gram, correction, step, {c});");
        w.Open($"for (int k = 0; k < {c}; k++)");
        w.Line("solution[k] += step[k];");
        w.Close();
        w.Close();
        w.Line();
    }

    // A(row, column) in the spec's layout.
    private static string Element(SolverSpec spec, int cols, string column, string row = "i") => spec.ColumnMajor
        ? $"Unsafe.Add(ref a, (nint){column} * rows + {row})"
        : $"Unsafe.Add(ref a, (nint){row} * {SourceWriter.Int(cols)} + {column})";
}
