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

        string rest = width.IsWide ? MethodName(n) : TailMethod;
        w.Line($"/// <summary>n = {nn}, a batch: {SourceWriter.Int(lanes)} systems per pass, one per lane, the last fewer than {SourceWriter.Int(lanes)} by {rest}; A = L·D·Lᵀ, then L·y = b, D·Lᵀ·x = y.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static void {MethodName(n, width)}({KernelSyntax.Parameters(spec)}, int count)");
        w.Line($"var zero = {vector}.Zero;");
        w.Line($"var infinity = {v}.Create({t}.PositiveInfinity);");
        w.Line("int first = 0;");
        w.Open($"for (; count - first >= {SourceWriter.Int(lanes)}; first += {SourceWriter.Int(lanes)})");
        w.Line("// Lane s holds system first + s; pending holds the lanes whose pivots have all passed.");
        w.Line($"uint pending = {allLanes}u;");
        w.Line("// Byte s holds lane s's failed pivot. A call here would make the JIT keep every vector on the stack.");
        w.Line("ulong pivots = 0;");
        w.Line($"ref {t} a0 = ref Unsafe.Add(ref a, first * {size});");
        w.Line($"ref {t} b0 = ref Unsafe.Add(ref b, first * {nn});");
        PassPrefetch.EmitReferences(w, n, width);
        var prefetch = new PassPrefetch(n, width, width.IsDouble ? 8 : 4);

        var stored = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, i + 1).Select(j => KernelSyntax.Offset(spec, n, i, j)));
        var matrix = new LaneTranspose("a", n * n, width, stored);
        var rhs = new LaneTranspose("b", n, width, Enumerable.Range(0, n));
        if (matrix.Transposes)
        {
            LaneTranspose.DeclareTemporaries(w, width);
        }

        // One W per column, reused by every row, and one pivot: few locals keep the JIT tracking them all.
        w.Line($"{vector} {string.Join(", ", Enumerable.Range(0, n - 1).Select(W).Append("d"))};");

        // Row by row (up-looking): each row's sums stay in registers and read the rows above, which
        // the JIT keeps as memory operands, instead of updating the whole trailing triangle per pivot.
        for (int i = 0; i < n; i++)
        {
            string ii = SourceWriter.Int(i);
            w.Line();
            w.Line($"// Row {ii}: W(i, j) = A(i, j) − Σ W(i, k)·L(j, k) = L(i, j)·D(j), then the pivot D(i) and y(i); lane s holds system first + s.");
            for (int j = 0; j < i; j++)
            {
                w.Line($"{W(j)} = {matrix.Element(w, KernelSyntax.Offset(spec, n, i, j))};");
                for (int k = 0; k < j; k++)
                {
                    w.Line($"{W(j)} = {width.MultiplySubtract(W(k), L(j, k), W(j))};");
                }

                w.Line($"var {L(i, j)} = {W(j)} * r{SourceWriter.Int(j)};");
            }

            w.Line($"d = {matrix.Element(w, KernelSyntax.Offset(spec, n, i, i))};");
            for (int k = 0; k < i; k++)
            {
                w.Line($"d = {width.MultiplySubtract(W(k), L(i, k), "d")};");
            }

            w.Line("// Lanes whose pivot is not positive and finite fail here (NaN fails the comparison too).");
            w.Line($"uint bad{ii} = ~{width.LaneMask($"({v}.GreaterThan(d, zero) & {v}.LessThan(d, infinity))")} & pending;");
            w.Open($"if (bad{ii} != 0)");
            w.Line($"pending &= ~bad{ii};");
            if (i > 0)
            {
                w.Open($"for (uint m = bad{ii}; m != 0; m &= m - 1)");
                w.Line($"pivots |= {ii}UL << (8 * global::System.Numerics.BitOperations.TrailingZeroCount(m));");
                w.Close();
            }

            w.Close();
            w.Line($"var r{ii} = {vector}.One / d;");
            w.Line($"var y{ii} = {rhs.Element(w, i)};");
            for (int k = 0; k < i; k++)
            {
                w.Line($"y{ii} = {width.MultiplySubtract(L(i, k), "y" + SourceWriter.Int(k), "y" + ii)};");
            }

            prefetch.EmitRow(w, i);
        }

        w.Line();
        w.Line("// D·Lᵀ·x = y, bottom up; y(i) becomes x(i) of every lane.");
        for (int i = n - 1; i >= 0; i--)
        {
            string ii = SourceWriter.Int(i);
            w.Line($"y{ii} *= r{ii};");
            for (int j = i + 1; j < n; j++)
            {
                w.Line($"y{ii} = {width.MultiplySubtract(L(j, i), "y" + SourceWriter.Int(j), "y" + ii)};");
            }
        }

        w.Line();
        w.Line("// Only lanes that did not fail are written.");
        w.Line($"ref {t} x0 = ref Unsafe.Add(ref x, first * {nn});");
        if (n >= lanes)
        {
            EmitTransposedStores(w, n, width);
        }
        else
        {
            EmitShortStores(w, n, width);
        }

        w.Line();
        w.Line($"ref SolveResult result0 = ref Unsafe.Add(ref results, first);");
        w.Open($"if (pending == {allLanes}u)");
        for (int lane = 0; lane < lanes; lane++)
        {
            w.Line($"{KernelSyntax.Element("result0", lane)} = SolveResult.Succeeded;");
        }

        w.Close();
        w.Open("else");
        w.Line($"{ReportMethod}(ref result0, {SourceWriter.Int(lanes)}, pending, pivots);");
        w.Close();
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
        w.Line("/// <summary>Writes a pass's results: lanes set in <paramref name=\"pending\"/> succeeded, the others failed at the pivot in their byte of <paramref name=\"pivots\"/>.</summary>");
        w.Open($"private static void {ReportMethod}(ref SolveResult results, int lanes, uint pending, ulong pivots)");
        w.Open("for (int lane = 0; lane < lanes; lane++)");
        w.Line("Unsafe.Add(ref results, lane) = ((pending >> lane) & 1) != 0 ? SolveResult.Succeeded : SolveResult.Failed((int)((pivots >> (8 * lane)) & 0xFF));");
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
    private static void EmitTransposedStores(SourceWriter w, int n, BatchWidth width)
    {
        int lanes = width.Lanes;
        for (int start = 0; start < n; start += lanes)
        {
            int chunk = System.Math.Min(start, n - lanes);
            string[] inputs = Enumerable.Range(chunk, lanes).Select(i => "y" + SourceWriter.Int(i)).ToArray();
            string[] outputs = Enumerable.Range(0, lanes).Select(LaneTranspose.Row).ToArray();
            LaneTranspose.Emit(w, width, inputs, outputs, declareOutputs: false);
            for (int lane = 0; lane < lanes; lane++)
            {
                w.Open($"if ((pending & {SourceWriter.Int(1 << lane)}u) != 0)");
                w.Line($"{outputs[lane]}.StoreUnsafe(ref x0, {SourceWriter.Int(lane * n + chunk)});");
                w.Close();
            }
        }
    }

    // Systems shorter than a vector: when every lane succeeded and n interleaves, the pass's x are n
    // whole vectors of one run (LaneInterleave); otherwise element by element, skipping failed lanes.
    private static void EmitShortStores(SourceWriter w, int n, BatchWidth width)
    {
        int lanes = width.Lanes;
        bool interleaves = LaneInterleave.Applies(n, width);
        if (interleaves)
        {
            w.Open($"if (pending == {SourceWriter.Int((1 << lanes) - 1)}u)");
            LaneInterleave.EmitStores(w, width, "x0", Enumerable.Range(0, n).Select(i => "y" + SourceWriter.Int(i)).ToArray(), "xi");
            w.Close();
            w.Open("else");
        }

        for (int lane = 0; lane < lanes; lane++)
        {
            w.Open($"if ((pending & {SourceWriter.Int(1 << lane)}u) != 0)");
            for (int i = 0; i < n; i++)
            {
                w.Line($"{KernelSyntax.Element("x0", lane * n + i)} = y{SourceWriter.Int(i)}.GetElement({SourceWriter.Int(lane)});");
            }

            w.Close();
        }

        if (interleaves)
        {
            w.Close();
        }
    }

    private static string W(int j) => "w" + SourceWriter.Int(j);

    private static string L(int i, int j) => "l" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);
}
