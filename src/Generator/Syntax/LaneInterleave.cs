using System.Collections.Generic;
using System.Linq;

namespace Specialized.Generator;

/// <summary>
/// Moves the data of W systems that are each shorter than a vector, L &lt; W elements, between one
/// contiguous run of L vectors and L vectors of one element per lane: L loads or stores and a few
/// shuffles, blends and permutes, against W·L element loads or stores.
/// </summary>
/// <remarks>
/// L dividing W (1, 2 and, in floats, 4): in floats, each 128-bit half of a loaded vector holds
/// 4 / L systems and <c>Avx.Permute2x128</c> pairs the halves that belong together; the unpacks and
/// shuffles then sort the elements within halves. In doubles only L = 2 divides and is short of a
/// vector (W = 4): a half is one system. Other L: element k of lane s sits at position
/// (s·L + k) mod W of its vector. Within each group of W / gcd(L, W) consecutive lanes (all W lanes
/// when L is odd, two groups of 4 for 6 floats) those positions differ, so blends take each
/// position from the right vector and one permute puts the group's positions in lane order (and the
/// reverse to store).
/// </remarks>
internal static class LaneInterleave
{
    /// <summary>Whether the run of W systems of <paramref name="length"/> elements interleaves this way.</summary>
    public static bool Applies(int length, BatchWidth width) => !width.IsWide && length < width.Lanes;

    // L = 1, 2, 4: the unpack and shuffle networks; other lengths blend and permute.
    private static bool Divides(int length, BatchWidth width) => width.Lanes % length == 0;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    // The lanes of group g, which holds lanesPerGroup consecutive lanes.
    private static int GroupMask(int g, int lanesPerGroup) => ((1 << lanesPerGroup) - 1) << (g * lanesPerGroup);

    /// <summary>
    /// Emits the loads of the W systems at <paramref name="reference"/> (contiguous, <paramref name="length"/>
    /// elements each) and declares <paramref name="outputs"/>[k] as element k of every lane; a null
    /// output is not computed. <paramref name="prefix"/> names the temporaries.
    /// </summary>
    public static void EmitLoads(SourceWriter w, BatchWidth width, string reference, int length, string prefix, IReadOnlyList<string?> outputs)
    {
        void Output(int k, string value)
        {
            if (outputs[k] is { } name)
            {
                w.Line($"var {name} = {value};");
            }
        }

        string Load(int q) => $"{width.Factory}.LoadUnsafe(ref {reference}, {SourceWriter.Int(q * width.Lanes)})";
        string T(string name, int k) => prefix + name + SourceWriter.Int(k);
        if (!Divides(length, width))
        {
            for (int q = 0; q < length; q++)
            {
                w.Line($"var {T("q", q)} = {Load(q)};");
            }

            int groups = Gcd(length, width.Lanes), lanesPerGroup = width.Lanes / groups;
            for (int k = 0; k < length; k++)
            {
                if (outputs[k] is null)
                {
                    continue;
                }

                // Per group of lanes: position p of the blend holds element k of lane laneAt[p],
                // taken from vector source[p]; one permute then puts the group's lanes in order.
                string? joined = null;
                for (int g = 0; g < groups; g++)
                {
                    int[] source = Enumerable.Repeat(-1, width.Lanes).ToArray(), from = new int[width.Lanes];
                    for (int s = g * lanesPerGroup; s < (g + 1) * lanesPerGroup; s++)
                    {
                        int f = s * length + k;
                        source[f % width.Lanes] = f / width.Lanes;
                        from[s] = f % width.Lanes;
                    }

                    int any = source.First(v => v >= 0);
                    source = source.Select(v => v >= 0 ? v : any).ToArray();
                    string blended = Blends(w, width, source, q => T("q", q), T($"b{SourceWriter.Int(g)}x", k));
                    string part = Permute(width, blended, from);
                    if (joined is null)
                    {
                        joined = part;
                        continue;
                    }

                    w.Line($"var {T($"g{SourceWriter.Int(g)}x", k)} = {joined};");
                    joined = $"Avx.Blend({T($"g{SourceWriter.Int(g)}x", k)}, {part}, 0x{GroupMask(g, lanesPerGroup):X2})";
                }

                Output(k, joined!);
            }

            return;
        }

        switch (length)
        {
            case 1:
                Output(0, Load(0));
                return;
            case 2:
                w.Line($"var {T("q", 0)} = {Load(0)};");
                w.Line($"var {T("q", 1)} = {Load(1)};");
                w.Line($"var {T("p", 0)} = Avx.Permute2x128({T("q", 0)}, {T("q", 1)}, 0x20);");
                w.Line($"var {T("p", 1)} = Avx.Permute2x128({T("q", 0)}, {T("q", 1)}, 0x31);");
                if (width.IsDouble)
                {
                    Output(0, $"Avx.UnpackLow({T("p", 0)}, {T("p", 1)})");
                    Output(1, $"Avx.UnpackHigh({T("p", 0)}, {T("p", 1)})");
                }
                else
                {
                    Output(0, $"Avx.Shuffle({T("p", 0)}, {T("p", 1)}, 0x88)");
                    Output(1, $"Avx.Shuffle({T("p", 0)}, {T("p", 1)}, 0xDD)");
                }

                return;
            default:
                for (int q = 0; q < 4; q++)
                {
                    w.Line($"var {T("q", q)} = {Load(q)};");
                }

                for (int h = 0; h < 2; h++)
                {
                    w.Line($"var {T("p", 2 * h)} = Avx.Permute2x128({T("q", h)}, {T("q", h + 2)}, 0x20);");
                    w.Line($"var {T("p", 2 * h + 1)} = Avx.Permute2x128({T("q", h)}, {T("q", h + 2)}, 0x31);");
                }

                for (int h = 0; h < 2; h++)
                {
                    w.Line($"var {T("u", 2 * h)} = Avx.UnpackLow({T("p", 2 * h)}, {T("p", 2 * h + 1)});");
                    w.Line($"var {T("u", 2 * h + 1)} = Avx.UnpackHigh({T("p", 2 * h)}, {T("p", 2 * h + 1)});");
                }

                Output(0, $"Avx.Shuffle({T("u", 0)}, {T("u", 2)}, 0x44)");
                Output(1, $"Avx.Shuffle({T("u", 0)}, {T("u", 2)}, 0xEE)");
                Output(2, $"Avx.Shuffle({T("u", 1)}, {T("u", 3)}, 0x44)");
                Output(3, $"Avx.Shuffle({T("u", 1)}, {T("u", 3)}, 0xEE)");
                return;
        }
    }

    /// <summary>
    /// Emits the stores of <paramref name="inputs"/> (element k of every lane in inputs[k]) to the W
    /// systems at <paramref name="reference"/>, contiguous, inputs.Count elements each.
    /// </summary>
    public static void EmitStores(SourceWriter w, BatchWidth width, string reference, IReadOnlyList<string> inputs, string prefix)
    {
        string Store(string value, int q) => $"{value}.StoreUnsafe(ref {reference}, {SourceWriter.Int(q * width.Lanes)});";
        string T(string name, int k) => prefix + name + SourceWriter.Int(k);
        int length = inputs.Count;
        if (!Divides(length, width))
        {
            // Input k permuted, per group of lanes, so that lane s's element sits at its position in
            // the run, (s·L + k) mod W; each vector of the run then blends its positions from them.
            int groups = Gcd(length, width.Lanes), lanesPerGroup = width.Lanes / groups, vectorsPerGroup = length / groups;
            for (int g = 0; g < groups; g++)
            {
                for (int k = 0; k < length; k++)
                {
                    int[] laneAt = new int[width.Lanes];
                    for (int s = g * lanesPerGroup; s < (g + 1) * lanesPerGroup; s++)
                    {
                        laneAt[(s * length + k) % width.Lanes] = s;
                    }

                    w.Line($"var {T($"p{SourceWriter.Int(g)}x", k)} = {Permute(width, inputs[k], laneAt)};");
                }
            }

            for (int q = 0; q < length; q++)
            {
                int g = q / vectorsPerGroup;
                int[] source = new int[width.Lanes];
                for (int p = 0; p < width.Lanes; p++)
                {
                    source[p] = (q * width.Lanes + p) % length;
                }

                w.Line(Store(Blends(w, width, source, k => T($"p{SourceWriter.Int(g)}x", k), T("b", q)), q));
            }

            return;
        }

        switch (inputs.Count)
        {
            case 1:
                w.Line(Store(inputs[0], 0));
                return;
            case 2:
                // Floats: [s0 s1 | s4 s5] and [s2 s3 | s6 s7]; doubles: [s0 | s2] and [s1 | s3].
                w.Line($"var {T("u", 0)} = Avx.UnpackLow({inputs[0]}, {inputs[1]});");
                w.Line($"var {T("u", 1)} = Avx.UnpackHigh({inputs[0]}, {inputs[1]});");
                w.Line(Store($"Avx.Permute2x128({T("u", 0)}, {T("u", 1)}, 0x20)", 0));
                w.Line(Store($"Avx.Permute2x128({T("u", 0)}, {T("u", 1)}, 0x31)", 1));
                return;
            default:
                // Each half of s(k) holds one system: [s0 | s4], [s1 | s5], [s2 | s6], [s3 | s7].
                w.Line($"var {T("u", 0)} = Avx.UnpackLow({inputs[0]}, {inputs[1]});");
                w.Line($"var {T("u", 1)} = Avx.UnpackHigh({inputs[0]}, {inputs[1]});");
                w.Line($"var {T("u", 2)} = Avx.UnpackLow({inputs[2]}, {inputs[3]});");
                w.Line($"var {T("u", 3)} = Avx.UnpackHigh({inputs[2]}, {inputs[3]});");
                w.Line($"var {T("s", 0)} = Avx.Shuffle({T("u", 0)}, {T("u", 2)}, 0x44);");
                w.Line($"var {T("s", 1)} = Avx.Shuffle({T("u", 0)}, {T("u", 2)}, 0xEE);");
                w.Line($"var {T("s", 2)} = Avx.Shuffle({T("u", 1)}, {T("u", 3)}, 0x44);");
                w.Line($"var {T("s", 3)} = Avx.Shuffle({T("u", 1)}, {T("u", 3)}, 0xEE);");
                w.Line(Store($"Avx.Permute2x128({T("s", 0)}, {T("s", 1)}, 0x20)", 0));
                w.Line(Store($"Avx.Permute2x128({T("s", 2)}, {T("s", 3)}, 0x20)", 1));
                w.Line(Store($"Avx.Permute2x128({T("s", 0)}, {T("s", 1)}, 0x31)", 2));
                w.Line(Store($"Avx.Permute2x128({T("s", 2)}, {T("s", 3)}, 0x31)", 3));
                return;
        }
    }

    // Emits the blends that take position p from vector(source[p]) into a new local named result.
    private static string Blends(SourceWriter w, BatchWidth width, int[] source, System.Func<int, string> vector, string result)
    {
        int first = source[0];
        string current = vector(first);
        foreach (int v in source.Distinct().Where(v => v != first))
        {
            int mask = 0;
            for (int p = 0; p < source.Length; p++)
            {
                mask |= source[p] == v ? 1 << p : 0;
            }

            w.Line($"{(current == result ? "" : "var ")}{result} = Avx.Blend({current}, {vector(v)}, 0x{mask:X2});");
            current = result;
        }

        return current;
    }

    // The vector whose lane s is lane from[s] of value.
    private static string Permute(BatchWidth width, string value, int[] from)
    {
        if (width.IsDouble)
        {
            int control = 0;
            for (int s = 0; s < from.Length; s++)
            {
                control |= from[s] << (2 * s);
            }

            return $"Avx2.Permute4x64({value}, 0x{control:X2})";
        }

        return $"Avx2.PermuteVar8x32({value}, Vector256.Create({string.Join(", ", from.Select(SourceWriter.Int))}))";
    }
}
