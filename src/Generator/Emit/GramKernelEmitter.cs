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
/// Row-major A: each row is loaded as ⌈cols/lanes⌉ vectors (the last one ending at the row's end, or,
/// for rows shorter than a vector, reading into the next row: those rows stop a few short of the end
/// and the rest go through a scalar loop) and row j of the Gram matrix gathers a_ij·(w_i·a_i).
/// Column-major A: one vector per column over lanes consecutive rows, one accumulator per pair of
/// columns, summed across lanes at the end.
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
        }
        else
        {
            EmitRowMajor(w, sig, cols);
        }

        w.Line();
        EmitTail(w, spec, cols);
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
        w.Line($"// The hardware prefetcher alone leaves the loop waiting on memory: ask {SourceWriter.Int(PrefetchBytes)} bytes ahead, within A.");
        w.Line($"int prefetchRows = rows - {SourceWriter.Int((ahead + cols - 1) / cols)};");
        w.Line("int i = 0;");
        w.Open("for (; i < vectorRows; i++)");
        w.Line($"ref {t} row = ref Unsafe.Add(ref a, (nint)i * {SourceWriter.Int(cols)});");
        w.Open("if (i < prefetchRows)");
        w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref row, {SourceWriter.Int(ahead)}));");
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
        w.Line("// The lower triangle of the Gram matrix, row-major: element (k, j) at k·cols + j.");
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
        int lanes = sig.Element == ElementType.Double ? 4 : 8;
        string t = ScalarSyntax.For(sig.Element).Keyword;
        string vector = $"Vector256<{t}>";
        w.Line();
        for (int j = 1; j < cols; j++)
        {
            w.Line($"ref {t} c{SourceWriter.Int(j)} = ref Unsafe.Add(ref a, (nint)rows * {SourceWriter.Int(j)});");
        }

        w.Line($"// g{{j}}_{{k}}: lane sums of (AᵀWA)(j, k), j ≤ k; h{{j}}: of (AᵀWb)(j).");
        for (int j = 0; j < cols; j++)
        {
            for (int k = j; k < cols; k++)
            {
                w.Line($"var g{SourceWriter.Int(j)}_{SourceWriter.Int(k)} = {vector}.Zero;");
            }

            w.Line($"var h{SourceWriter.Int(j)} = {vector}.Zero;");
        }

        w.Line($"int vectorRows = rows & ~{SourceWriter.Int(lanes - 1)};");
        w.Line("int i = 0;");
        w.Open($"for (; i < vectorRows; i += {SourceWriter.Int(lanes)})");
        for (int j = 0; j < cols; j++)
        {
            w.Line($"var x{SourceWriter.Int(j)} = Vector256.LoadUnsafe(ref {(j == 0 ? "a" : "c" + SourceWriter.Int(j))}, (nuint)i);");
        }

        w.Line("var bv = Vector256.LoadUnsafe(ref b, (nuint)i);");
        string weighted = "x";
        if (sig.HasWeights)
        {
            w.Line("var wv = Vector256.LoadUnsafe(ref w, (nuint)i);");
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

        w.Close();
        w.Line();
        w.Line("// The lower triangle of the Gram matrix, row-major: element (k, j) at k·cols + j.");
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
