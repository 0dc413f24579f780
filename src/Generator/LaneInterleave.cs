using System.Collections.Generic;

namespace Specialized.Generator;

/// <summary>
/// Moves the data of W systems that are each shorter than a vector, L elements with L dividing W
/// (L = 1, 2 and, in floats, 4), between one contiguous run of L vectors and L vectors of one
/// element per lane: L loads or stores and a few shuffles, against W·L element loads or stores.
/// </summary>
/// <remarks>
/// In floats, each 128-bit half of a loaded vector holds 4 / L systems and <c>Avx.Permute2x128</c>
/// pairs the halves that belong together; the unpacks and shuffles then sort the elements within
/// halves. In doubles only L = 2 is short of a vector (W = 4): a half is one system.
/// </remarks>
internal static class LaneInterleave
{
    /// <summary>Whether the run of W systems of <paramref name="length"/> elements interleaves this way.</summary>
    public static bool Applies(int length, BatchWidth width) =>
        !width.IsWide && length < width.Lanes && width.Lanes % length == 0;

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
}
