using System.Linq;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the batch form's kernels for one n: a loop over groups of W systems (W = the lanes of the
/// kernel's <see cref="BatchWidth"/>), each group gathered so that lane s holds system s, factored
/// as A = L·D·Lᵀ row by row and solved in straight-line vector code, and written back to each system.
/// </summary>
/// <remarks>
/// One system alone waits on each pivot's division; W systems side by side fill those waits with
/// each other's work. A lane whose pivot fails is recorded in a byte of a mask and reported after
/// the pass (a call on that path would make the JIT keep every vector on the stack); its x is never
/// written, and its arithmetic goes on in its own lane, which touches no other lane. The kernels run
/// whole passes only, so every lane's data sits at a fixed offset from one reference per role (no
/// per-lane references to keep in registers or on the stack), and a pass in which every lane
/// succeeded stores its x and results whole. The Vector512 kernels leave the last systems, fewer
/// than W, to the Vector256 kernel; that one leaves its own last systems to a helper that copies
/// them into one pass on the stack, the last system repeated to fill it.
/// </remarks>
internal static class BatchKernelEmitter
{
    /// <summary>The helper that writes a pass's results when one of its pivots failed.</summary>
    public const string ReportMethod = "ReportPass";

    /// <summary>The helper that solves a batch's last systems, fewer than one pass, on padded copies.</summary>
    public const string TailMethod = "SolveTail";

    /// <summary>The Vector256 kernel for n.</summary>
    public static string MethodName(int n) => "Batch" + SourceWriter.Int(n);

    /// <summary>The kernel for n at the width: <see cref="MethodName(int)"/>, with "Wide" after it for Vector512.</summary>
    public static string MethodName(int n, BatchWidth width) => MethodName(n) + (width.IsWide ? "Wide" : "");

    /// <summary>Emits the kernel for n at the width.</summary>
    public static void Emit(SourceWriter w, SolverSpec spec, int n, BatchWidth width)
    {
        string t = width.Keyword;
        string vector = width.Type;
        int lanes = width.Lanes;
        string nn = SourceWriter.Int(n);
        string size = SourceWriter.Int(n * n);
        string allLanes = SourceWriter.Int((1 << lanes) - 1);
        string v = width.Factory;

        int groups = width.Groups(n);
        int systems = lanes * groups;
        string passSystems = SourceWriter.Int(systems);
        string rest = width.IsWide ? MethodName(n) : TailMethod;
        w.Line($"/// <summary>n = {nn}, a batch: {passSystems} systems per pass, one per lane, the last fewer than {passSystems} by {rest}; A = L·D·Lᵀ, then L·y = b, D·Lᵀ·x = y.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static void {MethodName(n, width)}({KernelSyntax.Parameters(spec)}, int count)");
        var scratch = Enumerable.Range(0, groups).Select(g => new PassScratch(n, g)).ToArray();
        w.Line($"var zero = {vector}.Zero;");
        w.Line($"var infinity = {v}.Create({t}.PositiveInfinity);");
        w.Line("// L, 1/D and y of a pass, each vector on a cache line of its own (JIT spill slots straddle lines).");
        w.Line($"Span<{vector}> buffer = stackalloc {vector}[{SourceWriter.Int((groups * scratch[0].Length) + (width.IsWide ? 1 : 2))}];");
        w.Line($"ref {vector} s = ref KernelHints.CacheLineAligned(buffer);");
        w.Line("int first = 0;");
        w.Open($"for (; count - first >= {passSystems}; first += {passSystems})");
        if (groups > 1)
        {
            w.Line($"// {SourceWriter.Int(groups)} groups of {SourceWriter.Int(lanes)} systems, their rows interleaved: one group's divisions wait while the other computes.");
        }

        w.Line("// Lane s holds system first + s; pending holds the lanes whose pivots have all passed.");
        w.Line("// Byte s of pivots holds lane s's failed pivot. A call here would make the JIT keep every vector on the stack.");
        for (int g = 0; g < groups; g++)
        {
            w.Line($"uint pending{G(g)} = {allLanes}u;");
            w.Line($"ulong pivots{G(g)} = 0;");
        }

        w.Line($"ref {t} a0 = ref Unsafe.Add(ref a, first * {size});");
        w.Line($"ref {t} b0 = ref Unsafe.Add(ref b, first * {nn});");
        for (int g = 1; g < groups; g++)
        {
            w.Line($"ref {t} a{SourceWriter.Int(g)} = ref Unsafe.Add(ref a0, {SourceWriter.Int(g * lanes * n * n)});");
            w.Line($"ref {t} b{SourceWriter.Int(g)} = ref Unsafe.Add(ref b0, {SourceWriter.Int(g * lanes * n)});");
        }

        PassPrefetch.EmitReferences(w, n, width, systems);
        var prefetch = new PassPrefetch(n, width.IsDouble ? 8 : 4, systems);

        var stored = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, i + 1).Select(j => KernelSyntax.Offset(spec, n, i, j))).ToArray();
        var matrix = Enumerable.Range(0, groups).Select(g => new LaneTranspose("a", n * n, width, stored, g)).ToArray();
        var rhs = Enumerable.Range(0, groups).Select(g => new LaneTranspose("b", n, width, Enumerable.Range(0, n), g)).ToArray();
        if (matrix[0].Transposes)
        {
            LaneTranspose.DeclareTemporaries(w, width);
        }

        // One W per column, reused by every row: few locals keep the JIT tracking them all.
        for (int g = 0; g < groups; g++)
        {
            var locals = Enumerable.Range(0, n - 1).Select(j => W(j, g)).Append("d" + G(g)).Concat(n > 1 ? ["l" + G(g), "y" + G(g)] : []);
            w.Line($"{vector} {string.Join(", ", locals)};");
        }

        w.Line("// y starts as b, one vector per element.");
        for (int g = 0; g < groups; g++)
        {
            for (int i = 0; i < n; i++)
            {
                w.Line($"{scratch[g].Y(i)} = {rhs[g].Element(w, i)};");
            }
        }

        // Row by row (up-looking), each row's W in registers: W(i, k) final gives L(i, k) and its terms
        // of the pivot and y(i), then is subtracted from the row's later W at once (right-looking within
        // the row), so W(i, k) dies there and the updates of one step are independent. The rows above are
        // read from the scratch as memory operands.
        for (int i = 0; i < n; i++)
        {
            string ii = SourceWriter.Int(i);
            for (int g = 0; g < groups; g++)
            {
                string d = "d" + G(g), l = "l" + G(g), y = "y" + G(g), bad = $"bad{ii}{G(g)}", pending = "pending" + G(g);
                var sc = scratch[g];
                w.Line();
                w.Line($"// Row {ii}{(groups > 1 ? $" of group {SourceWriter.Int(g)}" : "")}: W(i, j) = A(i, j) − Σ W(i, k)·L(j, k) = L(i, j)·D(j), the pivot D(i), y(i).");
                for (int j = 0; j < i; j++)
                {
                    w.Line($"{W(j, g)} = {matrix[g].Element(w, KernelSyntax.Offset(spec, n, i, j))};");
                }

                w.Line($"{d} = {matrix[g].Element(w, KernelSyntax.Offset(spec, n, i, i))};");
                if (i > 0)
                {
                    w.Line($"{y} = {sc.Y(i)};");
                }

                for (int k = 0; k < i; k++)
                {
                    w.Line($"{l} = {W(k, g)} * {sc.R(k)};");
                    w.Line($"{sc.L(i, k)} = {l};");
                    w.Line($"{d} = {width.MultiplySubtract(W(k, g), l, d)};");
                    w.Line($"{y} = {width.MultiplySubtract(l, sc.Y(k), y)};");
                    for (int j = k + 1; j < i; j++)
                    {
                        w.Line($"{W(j, g)} = {width.MultiplySubtract(W(k, g), sc.L(j, k), W(j, g))};");
                    }
                }

                w.Line("// Lanes whose pivot is not positive and finite fail here (NaN fails the comparison too).");
                w.Line($"uint {bad} = ~{width.LaneMask($"({v}.GreaterThan({d}, zero) & {v}.LessThan({d}, infinity))")} & {pending};");
                w.Open($"if ({bad} != 0)");
                w.Line($"{pending} &= ~{bad};");
                if (i > 0)
                {
                    w.Open($"for (uint m = {bad}; m != 0; m &= m - 1)");
                    w.Line($"pivots{G(g)} |= {ii}UL << ({SourceWriter.Int(width.PivotBits)} * global::System.Numerics.BitOperations.TrailingZeroCount(m));");
                    w.Close();
                }

                w.Close();
                w.Line($"{sc.R(i)} = {vector}.One / {d};");
                if (i > 0)
                {
                    w.Line($"{sc.Y(i)} = {y};");
                }
            }

            prefetch.EmitRow(w, i);
        }

        w.Line();
        w.Line("// D·Lᵀ·x = y, bottom up; x(i) waits on x(i + 1) last.");
        for (int i = n - 1; i >= 0; i--)
        {
            for (int g = 0; g < groups; g++)
            {
                string xi = X(i, g);
                w.Line($"var {xi} = {scratch[g].Y(i)} * {scratch[g].R(i)};");
                for (int j = n - 1; j > i; j--)
                {
                    w.Line($"{xi} = {width.MultiplySubtract(scratch[g].L(j, i), X(j, g), xi)};");
                }
            }
        }

        for (int g = 0; g < groups; g++)
        {
            string gg = SourceWriter.Int(g), pending = "pending" + G(g);
            string[] solution = Enumerable.Range(0, n).Select(i => X(i, g)).ToArray();
            w.Line();
            w.Line("// Only lanes that did not fail are written.");
            w.Line($"ref {t} x{gg} = ref Unsafe.Add(ref x, first * {nn}{(g == 0 ? "" : " + " + SourceWriter.Int(g * lanes * n))});");
            if (n >= width.Chunk)
            {
                EmitTransposedStores(w, n, width, solution, pending, "x" + gg);
            }
            else
            {
                EmitShortStores(w, n, width, solution, pending, "x" + gg);
            }

            w.Line();
            w.Line($"ref SolveResult result{gg} = ref Unsafe.Add(ref results, first{(g == 0 ? "" : " + " + SourceWriter.Int(g * lanes))});");
            w.Open($"if ({pending} == {allLanes}u)");
            for (int lane = 0; lane < lanes; lane++)
            {
                w.Line($"{KernelSyntax.Element("result" + gg, lane)} = SolveResult.Succeeded;");
            }

            w.Close();
            w.Open("else");
            w.Line($"{ReportMethod}(ref result{gg}, {SourceWriter.Int(lanes)}, {pending}, pivots{G(g)}, {SourceWriter.Int(width.PivotBits)});");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Open("if (first < count)");
        static string Rest(string role, string stride) => $"ref Unsafe.Add(ref {role}, first{stride})";
        string restArgs = $"{Rest("a", " * " + size)}, {Rest("b", " * " + nn)}, {Rest("x", " * " + nn)}, {Rest("results", "")}, count - first";
        w.Line(width.IsWide ? $"{MethodName(n)}({restArgs});" : $"{TailMethod}({restArgs}, {nn});");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// The helper a batch kernel calls after a pass in which pivots failed: lanes set in pending
    /// succeeded, each other lane failed at the pivot in its byte of pivots.
    /// </summary>
    public static void EmitReport(SourceWriter w)
    {
        w.Line("/// <summary>Writes a pass's results: lanes set in <paramref name=\"pending\"/> succeeded, the others failed at the pivot in their <paramref name=\"bits\"/> bits of <paramref name=\"pivots\"/>.</summary>");
        w.Open($"private static void {ReportMethod}(ref SolveResult results, int lanes, uint pending, ulong pivots, int bits)");
        w.Open("for (int lane = 0; lane < lanes; lane++)");
        w.Line("Unsafe.Add(ref results, lane) = ((pending >> lane) & 1) != 0 ? SolveResult.Succeeded : SolveResult.Failed((int)((pivots >> (bits * lane)) & ((1UL << bits) - 1)));");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// The helper the Vector256 kernels call for a batch's last systems, fewer than one pass: each
    /// copied to a pass on the stack (the last one repeated to fill it), solved there by the kernel
    /// for n, and its result and, where it succeeded, its x copied back. The kernels themselves
    /// then only run whole passes, at fixed offsets from one reference per role.
    /// </summary>
    public static void EmitTail(SourceWriter w, SolverSpec spec, int limit)
    {
        var width = BatchWidth.Narrow(spec.Signature.Element);
        string t = width.Keyword;
        string lanes = SourceWriter.Int(width.Lanes);
        w.Line("/// <summary>Solves the last <paramref name=\"count\"/> systems of a batch, fewer than one pass, as one pass of copies on the stack.</summary>");
        w.Open($"private static void {TailMethod}({KernelSyntax.Parameters(spec)}, int count, int n)");
        w.Line("int size = n * n;");
        w.Line($"Span<{t}> pass = stackalloc {t}[{lanes} * (size + 2 * n)];");
        w.Line($"Span<SolveResult> passResults = stackalloc SolveResult[{lanes}];");
        w.Line($"Span<{t}> pa = pass.Slice(0, {lanes} * size), pb = pass.Slice({lanes} * size, {lanes} * n), px = pass.Slice({lanes} * (size + n));");
        w.Open($"for (int s = 0; s < {lanes}; s++)");
        w.Line("int k = Math.Min(s, count - 1);");
        w.Line($"MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref a, k * size), size).CopyTo(pa.Slice(s * size));");
        w.Line($"MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, k * n), n).CopyTo(pb.Slice(s * n));");
        w.Close();
        w.Line();
        w.Line($"ref {t} ra = ref MemoryMarshal.GetReference(pa);");
        w.Line($"ref {t} rb = ref MemoryMarshal.GetReference(pb);");
        w.Line($"ref {t} rx = ref MemoryMarshal.GetReference(px);");
        w.Line("ref SolveResult rr = ref MemoryMarshal.GetReference(passResults);");
        w.Open("switch (n)");
        for (int n = 1; n <= limit; n++)
        {
            w.Line($"case {SourceWriter.Int(n)}:");
            w.Line($"    {MethodName(n)}(ref ra, ref rb, ref rx, ref rr, {lanes});");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    throw new global::System.Diagnostics.UnreachableException();");
        w.Close();
        w.Line();
        w.Open("for (int s = 0; s < count; s++)");
        w.Line("Unsafe.Add(ref results, s) = passResults[s];");
        w.Open("if (passResults[s].Success)");
        w.Line("px.Slice(s * n, n).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref x, s * n), n));");
        w.Close();
        w.Close();
        w.Close();
    }

    // Chunks of one vector along x, the last moved back to end at n; transposed back to one system per vector.
    private static void EmitTransposedStores(SourceWriter w, int n, BatchWidth width, string[] solution, string pending, string target)
    {
        int length = width.Chunk;
        for (int start = 0; start < n; start += length)
        {
            int chunk = System.Math.Min(start, n - length);
            string[] inputs = solution.Skip(chunk).Take(length).ToArray();
            string[] outputs = Enumerable.Range(0, length).Select(LaneTranspose.Row).ToArray();
            LaneTranspose.EmitBack(w, width, inputs, outputs);
            for (int lane = 0; lane < width.Lanes; lane++)
            {
                // Where two systems share a vector, lane s's are in the lower or upper half of output s mod 8.
                string row = width.PairsSystems ? $"{outputs[lane % length]}.{(lane < length ? "GetLower()" : "GetUpper()")}" : outputs[lane];
                w.Open($"if (({pending} & {SourceWriter.Int(1 << lane)}u) != 0)");
                w.Line($"{row}.StoreUnsafe(ref {target}, {SourceWriter.Int(lane * n + chunk)});");
                w.Close();
            }
        }
    }

    // Systems shorter than a vector: when every lane succeeded and n interleaves, the pass's x are n
    // whole vectors of one run (LaneInterleave); otherwise element by element, skipping failed lanes.
    private static void EmitShortStores(SourceWriter w, int n, BatchWidth width, string[] solution, string pending, string target)
    {
        int lanes = width.Lanes;
        bool interleaves = LaneInterleave.Applies(n, width);
        if (interleaves)
        {
            w.Open($"if ({pending} == {SourceWriter.Int((1 << lanes) - 1)}u)");
            LaneInterleave.EmitStores(w, width, target, solution, "xi");
            w.Close();
            w.Open("else");
        }

        for (int lane = 0; lane < lanes; lane++)
        {
            w.Open($"if (({pending} & {SourceWriter.Int(1 << lane)}u) != 0)");
            for (int i = 0; i < n; i++)
            {
                w.Line($"{KernelSyntax.Element(target, lane * n + i)} = {solution[i]}.GetElement({SourceWriter.Int(lane)});");
            }

            w.Close();
        }

        if (interleaves)
        {
            w.Close();
        }
    }

    // Group g's locals: group 0's unmarked, the others' ending in g and the group's index.
    private static string G(int g) => g == 0 ? "" : "g" + SourceWriter.Int(g);

    private static string W(int j, int g) => "w" + SourceWriter.Int(j) + G(g);

    private static string X(int i, int g) => "y" + SourceWriter.Int(i) + G(g);
}
