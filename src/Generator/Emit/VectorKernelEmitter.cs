using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the SIMD solver for one n: the lower triangle's columns sit in vector registers and a
/// right-looking LDLᵀ elimination runs on them without loops; the forward substitution rides
/// along as one more column, and the back substitution is scalar fused multiply-adds on the
/// multipliers the elimination already broadcast.
/// </summary>
/// <remarks>
/// Why LDLᵀ: each pivot then costs one division on the critical path instead of a square root
/// followed by a division; the square root appears only where the factor itself is stored.
/// Why overlapping blocks: when n is not a multiple of the lane count, the last block of each
/// column starts at n − lanes and shares rows with the one before it. Both copies get the same
/// operations, so they stay equal, and every load stays inside the n x n matrix.
/// </remarks>
internal static class VectorKernelEmitter
{
    /// <summary>Emits the kernel for n; in place, the factor overwrites a's stored triangle and x overwrites b.</summary>
    public static void Emit(SourceWriter w, SolverSpec spec, int n, VectorShape v, bool inPlace)
    {
        ScalarSyntax s = ScalarSyntax.For(spec.Signature.Element);
        bool nrhs = spec.Signature.HasNrhs;
        var blocks = new RowBlocks(n, v.Lanes);
        string size = SourceWriter.Int(n);

        w.Line($"/// <summary>n = {size}: A = L·D·Lᵀ in {v.Factory} columns, then L·y = b, D·Lᵀ·x = y.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"public static SolveResult {SolveKernelChooser.MethodName(n)}({KernelSyntax.Parameters(spec)})");
        w.Line("// The stored triangle, column by column; lanes above the diagonal are never read back.");
        for (int j = 0; j < n; j++)
        {
            for (int b = blocks.Of(j); b < blocks.Count; b++)
            {
                w.Line($"var {C(j, b)} = {LoadColumnBlock(spec, s, v, blocks, n, j, b)};");
            }
        }

        if (!nrhs)
        {
            for (int b = 0; b < blocks.Count; b++)
            {
                w.Line($"var z{SourceWriter.Int(b)} = {v.Factory}.LoadUnsafe(ref b, {SourceWriter.Int(blocks.Start(b))});");
            }
        }

        for (int j = 0; j < n; j++)
        {
            w.Line();
            EmitStep(w, spec, s, v, blocks, n, j, inPlace, nrhs);
        }

        w.Line();
        if (nrhs)
        {
            EmitSubstitutionEachColumn(w, s, n, inPlace);
        }
        else
        {
            EmitBackSubstitution(w, s, n);
            string x = inPlace ? "b" : "x";
            for (int i = 0; i < n; i++)
            {
                w.Line($"{KernelSyntax.Element(x, i)} = x{SourceWriter.Int(i)};");
            }
        }

        if (inPlace)
        {
            w.Line();
            EmitStoreFactor(w, spec, v, blocks, n);
        }

        w.Line();
        w.Line("return SolveResult.Succeeded;");
        w.Close();
    }

    private static string LoadColumnBlock(SolverSpec spec, ScalarSyntax s, VectorShape v, RowBlocks blocks, int n, int j, int b)
    {
        int start = blocks.Start(b);
        if (!spec.RowWise && start >= j)
        {
            // Column-wise storage holds the block's rows contiguously.
            return $"{v.Factory}.LoadUnsafe(ref a, {SourceWriter.Int(KernelSyntax.Offset(spec, n, start, j))})";
        }

        // Lanes above the diagonal hold zero, except that float's first lane of each 128-bit half loads
        // A(j, row), the stored entry it mirrors: the JIT builds float vectors by inserting lanes into a
        // register, and from a zero first lane that register is one left over from the caller, which tied
        // each call to the one before it (float n = 4 took a quarter longer than double).
        var lanes = Enumerable.Range(start, v.Lanes).Select(row =>
            row >= j ? KernelSyntax.Element("a", KernelSyntax.Offset(spec, n, row, j))
            : spec.Signature.Element == ElementType.Float && (row - start) % 4 == 0 ? KernelSyntax.Element("a", KernelSyntax.Offset(spec, n, j, row))
            : s.Zero);
        return $"{v.Factory}.Create({string.Join(", ", lanes)})";
    }

    private static void EmitStep(SourceWriter w, SolverSpec spec, ScalarSyntax s, VectorShape v, RowBlocks blocks, int n, int j, bool inPlace, bool nrhs)
    {
        string jj = SourceWriter.Int(j);
        bool last = j == n - 1;
        w.Line($"// Pivot {jj}: positive and finite (one compare of its bits), or A is not positive definite.");
        w.Line($"var p{jj} = {v.Broadcast(C(j, blocks.Of(j)), blocks.Lane(j))};");
        w.Line($"{s.Keyword} d{jj} = p{jj}.ToScalar();");
        w.Open($"if ({s.NotPositiveFinite($"d{jj}")})");
        w.Line($"return SolveResult.Failed({jj});");
        w.Close();
        if (!last || nrhs || inPlace)
        {
            w.Line($"var v{jj} = {v.Type}.One / p{jj};");
        }

        if (!last || nrhs)
        {
            w.Line($"{s.Keyword} i{jj} = v{jj}.ToScalar();");
        }

        if (inPlace)
        {
            w.Line($"var r{jj} = {v.Sqrt($"p{jj}")} * v{jj};");
        }

        if (last)
        {
            if (!nrhs)
            {
                w.Line($"{s.Keyword} y{jj} = z{SourceWriter.Int(blocks.Of(j))}.GetElement({SourceWriter.Int(blocks.Lane(j))});");
            }

            return;
        }

        // The block holding the next pivot divides: on the critical path one division is shorter
        // than the reciprocal and then a multiplication. The blocks below multiply by v meanwhile.
        int first = blocks.Of(j + 1);
        w.Line($"var {M(j, first)} = {C(j, first)} / p{jj};");
        for (int b = first + 1; b < blocks.Count; b++)
        {
            w.Line($"var {M(j, b)} = {C(j, b)} * v{jj};");
        }

        // The next pivot's column first, from s(j + 1, j) already in a register; the later columns
        // subtract L(k, j)·c(j), so that their multipliers are at hand for the back substitution.
        int next = j + 1;
        string q = $"q{SourceWriter.Int(next)}_{jj}";
        w.Line($"var {q} = {v.Broadcast(C(j, blocks.Of(next)), blocks.Lane(next))};");
        for (int b = blocks.Of(next); b < blocks.Count; b++)
        {
            w.Line($"{C(next, b)} = {VectorShape.MultiplySubtract(q, M(j, b), C(next, b))};");
        }

        w.Line($"{s.Keyword} {W(next, j)} = {M(j, blocks.Of(next))}.GetElement({SourceWriter.Int(blocks.Lane(next))});");
        for (int k = j + 2; k < n; k++)
        {
            string g = $"g{SourceWriter.Int(k)}_{jj}";
            w.Line($"var {g} = {v.Broadcast(M(j, blocks.Of(k)), blocks.Lane(k))};");
            w.Line($"{s.Keyword} {W(k, j)} = {g}.ToScalar();");
            for (int b = blocks.Of(k); b < blocks.Count; b++)
            {
                w.Line($"{C(k, b)} = {VectorShape.MultiplySubtract(g, C(j, b), C(k, b))};");
            }
        }

        if (!nrhs)
        {
            w.Line($"var u{jj} = {v.Broadcast("z" + SourceWriter.Int(blocks.Of(j)), blocks.Lane(j))};");
            w.Line($"{s.Keyword} y{jj} = u{jj}.ToScalar();");
            for (int b = first; b < blocks.Count; b++)
            {
                string z = "z" + SourceWriter.Int(b);
                w.Line($"{z} = {VectorShape.MultiplySubtract($"u{jj}", M(j, b), z)};");
            }
        }
    }

    /// <summary>
    /// Lᵀ·x = D⁻¹·y: x(i) = y(i)·i(i) − Σ w(k, i)·x(k), the newest x last, so each x waits on the one
    /// below it by one fused multiply-add; the last divides, as its reciprocal would be on the path.
    /// </summary>
    private static void EmitBackSubstitution(SourceWriter w, ScalarSyntax s, int n)
    {
        w.Line("// Back substitution, scalar: each x waits on the one below it by one fused multiply-add.");
        string lastIndex = SourceWriter.Int(n - 1);
        w.Line($"{s.Keyword} x{lastIndex} = y{lastIndex} / d{lastIndex};");
        for (int i = n - 2; i >= 0; i--)
        {
            string ii = SourceWriter.Int(i);
            string sum = $"y{ii} * i{ii}";
            for (int k = n - 1; k > i; k--)
            {
                sum = $"{s.FusedMultiplyAdd}(-{W(k, i)}, x{SourceWriter.Int(k)}, {sum})";
            }

            w.Line($"{s.Keyword} x{ii} = {sum};");
        }
    }

    private static void EmitSubstitutionEachColumn(SourceWriter w, ScalarSyntax s, int n, bool inPlace)
    {
        string lanes = $"Vector256<{s.Keyword}>.Count";
        string target = inPlace ? "b" : "x";
        w.Line("// b and x are n x nrhs, row-major: a row holds one element of every right-hand side, so");
        w.Line("// whole vectors of right-hand sides go through the substitutions together.");
        w.Line("nint stride = nrhs;");
        w.Line("int c = 0;");
        w.Open($"for (; c + {lanes} <= nrhs; c += {lanes})");
        w.Line($"ref {s.Keyword} source = ref Unsafe.Add(ref b, c);");
        w.Line($"ref {s.Keyword} target = ref Unsafe.Add(ref {target}, c);");
        EmitColumnBlock(w, n, "stride");
        w.Close();
        w.Line();
        w.Open("if (c < nrhs)");
        w.Line("// The last columns through a zero-padded copy, so nothing past them is read or written.");
        w.Line($"Span<{s.Keyword}> tail = stackalloc {s.Keyword}[{SourceWriter.Int(n)} * {lanes}];");
        w.Line("int rest = nrhs - c;");
        w.Open($"for (int i = 0; i < {SourceWriter.Int(n)}; i++)");
        w.Line($"MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, i * stride + c), rest).CopyTo(tail.Slice(i * {lanes}));");
        w.Close();
        w.Line($"ref {s.Keyword} source = ref MemoryMarshal.GetReference(tail);");
        w.Line($"ref {s.Keyword} target = ref source;");
        EmitColumnBlock(w, n, lanes);
        w.Open($"for (int i = 0; i < {SourceWriter.Int(n)}; i++)");
        w.Line($"tail.Slice(i * {lanes}, rest).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref {target}, i * stride + c), rest));");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// L·y = b, then D·Lᵀ·x = y, on one vector of right-hand sides: row i read at source + i·stride,
    /// the solution written to target + i·stride.
    /// </summary>
    private static void EmitColumnBlock(SourceWriter w, int n, string stride)
    {
        string Row(int i) => i == 0 ? "0" : i == 1 ? $"(nuint){stride}" : $"(nuint)({SourceWriter.Int(i)} * {stride})";
        for (int i = 0; i < n; i++)
        {
            string ii = SourceWriter.Int(i);
            w.Line($"var y{ii} = Vector256.LoadUnsafe(ref source, {Row(i)});");
            for (int k = 0; k < i; k++)
            {
                w.Line($"y{ii} = {VectorShape.MultiplySubtract($"Vector256.Create({W(i, k)})", "y" + SourceWriter.Int(k), "y" + ii)};");
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            string ii = SourceWriter.Int(i);
            w.Line($"y{ii} *= i{ii};");
            for (int k = n - 1; k > i; k--)
            {
                w.Line($"y{ii} = {VectorShape.MultiplySubtract($"Vector256.Create({W(k, i)})", "y" + SourceWriter.Int(k), "y" + ii)};");
            }

            w.Line($"y{ii}.StoreUnsafe(ref target, {Row(i)});");
        }
    }

    /// <summary>L = C·D^(−1/2) column by column, into the stored triangle only; reached only after every pivot passed.</summary>
    private static void EmitStoreFactor(SourceWriter w, SolverSpec spec, VectorShape v, RowBlocks blocks, int n)
    {
        w.Line("// The factor overwrites the stored triangle only now, so a failure leaves a as it was.");
        for (int j = 0; j < n; j++)
        {
            string jj = SourceWriter.Int(j);
            for (int b = blocks.Of(j); b < blocks.Count; b++)
            {
                int start = blocks.Start(b);
                string l = $"l{jj}_{SourceWriter.Int(b)}";
                w.Line($"var {l} = {C(j, b)} * r{jj};");
                if (!spec.RowWise && start >= j)
                {
                    w.Line($"{l}.StoreUnsafe(ref a, {SourceWriter.Int(KernelSyntax.Offset(spec, n, start, j))});");
                    continue;
                }

                for (int row = System.Math.Max(start, j); row < start + v.Lanes; row++)
                {
                    if (blocks.Of(row) == b)
                    {
                        w.Line($"{KernelSyntax.Element("a", KernelSyntax.Offset(spec, n, row, j))} = {l}.GetElement({SourceWriter.Int(row - start)});");
                    }
                }
            }
        }
    }

    private static string C(int column, int block) => "c" + SourceWriter.Int(column) + "_" + SourceWriter.Int(block);

    private static string M(int column, int block) => "m" + SourceWriter.Int(column) + "_" + SourceWriter.Int(block);

    /// <summary>w(k, j) = L(k, j), the unit lower factor's entry, which the elimination broadcast for row k.</summary>
    private static string W(int row, int column) => "w" + SourceWriter.Int(row) + "_" + SourceWriter.Int(column);
}
