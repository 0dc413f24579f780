using System.Linq;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the batch form's kernels for one n: a loop over groups of W systems (W = the lanes of the
/// kernel's <see cref="BatchWidth"/>), each group gathered so that lane s holds system s, factored
/// as A = L·D·Lᵀ row by row and solved in straight-line vector code, and written back lane by lane.
/// </summary>
/// <remarks>
/// One system alone waits on each pivot's division; W systems side by side fill those waits with
/// each other's work. A lane whose pivot fails is recorded in a byte of a mask and reported after
/// the pass (a call on that path would make the JIT keep every vector on the stack); its x is never
/// written, and its arithmetic goes on in its own lane, which touches no other lane. The last group's missing
/// systems repeat the last real one, so no load leaves the spans, and their lanes are dropped. A Vector512
/// kernel leaves a last group of at most W/2 systems to the Vector256 kernel, which does it in half the work.
/// </remarks>
internal static class BatchKernelEmitter
{
    /// <summary>
    /// The largest n with straight-line code; above it the dispatch calls <c>Cholesky.SolveBatch</c>.
    /// At 16 the straight-line code is about twice as fast as the runtime's lane kernel (scratch
    /// probe, loaded machine); larger sizes were not tried, as n = 16 is already near the JIT's limit on tracked locals.
    /// </summary>
    public const int StraightLineLimit = 16;

    public const string MarkFailedMethod = "MarkFailed";

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

        string remainder = width.IsWide ? $", the last {SourceWriter.Int(lanes / 2)} or fewer by {MethodName(n)}" : "";
        w.Line($"/// <summary>n = {nn}, a batch: {SourceWriter.Int(lanes)} systems per pass, one per lane{remainder}; A = L·D·Lᵀ, then L·y = b, D·Lᵀ·x = y.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static void {MethodName(n, width)}({KernelSyntax.Parameters(spec)}, int count)");
        w.Line($"var zero = {vector}.Zero;");
        w.Line($"var infinity = {v}.Create({t}.PositiveInfinity);");
        if (width.IsWide)
        {
            w.Line("int first = 0;");
        }

        w.Open(width.IsWide
            ? $"for (; count - first > {SourceWriter.Int(lanes / 2)}; first += {SourceWriter.Int(lanes)})"
            : $"for (int first = 0; first < count; first += {SourceWriter.Int(lanes)})");
        w.Line($"int live = count - first;");
        w.Line($"// Lanes without a system of their own repeat the last one; pending holds the lanes still to be written.");
        w.Line($"uint pending = live >= {SourceWriter.Int(lanes)} ? {allLanes}u : (1u << live) - 1;");
        w.Line("uint systems = pending;");
        w.Line("// Byte s holds lane s's failed pivot. A call here would make the JIT keep every vector on the stack.");
        w.Line("ulong pivots = 0;");
        w.Line($"ref {t} a0 = ref Unsafe.Add(ref a, first * {size});");
        w.Line($"ref {t} b0 = ref Unsafe.Add(ref b, first * {nn});");
        for (int lane = 1; lane < lanes; lane++)
        {
            string l = SourceWriter.Int(lane);
            string p = SourceWriter.Int(lane - 1);
            w.Line($"ref {t} a{l} = ref Unsafe.Add(ref a{p}, live > {l} ? {size} : 0);");
            w.Line($"ref {t} b{l} = ref Unsafe.Add(ref b{p}, live > {l} ? {nn} : 0);");
        }

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
        w.Line("// Only lanes with a system of their own that did not fail are written.");
        w.Line($"ref {t} x0 = ref Unsafe.Add(ref x, first * {nn});");
        for (int lane = 1; lane < lanes; lane++)
        {
            w.Line($"ref {t} x{SourceWriter.Int(lane)} = ref Unsafe.Add(ref x{SourceWriter.Int(lane - 1)}, live > {SourceWriter.Int(lane)} ? {nn} : 0);");
        }

        if (n >= lanes)
        {
            EmitTransposedStores(w, n, width);
        }
        else
        {
            for (int lane = 0; lane < lanes; lane++)
            {
                string l = SourceWriter.Int(lane);
                w.Open($"if ((pending & {SourceWriter.Int(1 << lane)}u) != 0)");
                for (int i = 0; i < n; i++)
                {
                    w.Line($"{KernelSyntax.Element("x" + l, i)} = y{SourceWriter.Int(i)}.GetElement({l});");
                }

                w.Close();
            }
        }

        w.Open("if (pending != systems)");
        w.Line($"{MarkFailedMethod}(ref Unsafe.Add(ref results, first), systems & ~pending, pivots);");
        w.Close();
        w.Line();
        w.Line("// Every lane still pending solved its system.");
        w.Open("for (uint done = pending; done != 0; done &= done - 1)");
        w.Line("Unsafe.Add(ref results, first + global::System.Numerics.BitOperations.TrailingZeroCount(done)) = SolveResult.Succeeded;");
        w.Close();
        w.Close();
        if (width.IsWide)
        {
            w.Line();
            w.Open("if (first < count)");
            string Rest(string role, string stride) => $"ref Unsafe.Add(ref {role}, first{stride})";
            w.Line($"{MethodName(n)}({Rest("a", " * " + size)}, {Rest("b", " * " + nn)}, {Rest("x", " * " + nn)}, {Rest("results", "")}, count - first);");
            w.Close();
        }

        w.Close();
    }

    /// <summary>The helper every batch kernel calls when pivots fail: one result per failed lane, its pivot from byte s of the pivots.</summary>
    public static void EmitMarkFailed(SourceWriter w)
    {
        w.Line("/// <summary>Marks each lane set in <paramref name=\"lanes\"/> as failed at the pivot in its byte of <paramref name=\"pivots\"/>.</summary>");
        w.Open($"private static void {MarkFailedMethod}(ref SolveResult results, uint lanes, ulong pivots)");
        w.Open("for (; lanes != 0; lanes &= lanes - 1)");
        w.Line("int lane = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
        w.Line("Unsafe.Add(ref results, lane) = SolveResult.Failed((int)((pivots >> (8 * lane)) & 0xFF));");
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
            string c = SourceWriter.Int(chunk);
            string[] inputs = Enumerable.Range(chunk, lanes).Select(i => "y" + SourceWriter.Int(i)).ToArray();
            string[] outputs = Enumerable.Range(0, lanes).Select(LaneTranspose.Row).ToArray();
            LaneTranspose.Emit(w, width, inputs, outputs, declareOutputs: false);
            for (int lane = 0; lane < lanes; lane++)
            {
                w.Open($"if ((pending & {SourceWriter.Int(1 << lane)}u) != 0)");
                w.Line($"{outputs[lane]}.StoreUnsafe(ref x{SourceWriter.Int(lane)}, {c});");
                w.Close();
            }
        }
    }

    private static string W(int j) => "w" + SourceWriter.Int(j);

    private static string L(int i, int j) => "l" + SourceWriter.Int(i) + "_" + SourceWriter.Int(j);
}
