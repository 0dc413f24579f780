namespace Specialized.Generator;

/// <summary>
/// The Vector512 lane transpose of <see cref="LaneTranspose"/>: 8 x 8 doubles in 24 instructions,
/// all shuffles with immediates (no index vectors to keep in registers).
/// </summary>
internal static class LaneTranspose512
{
    /// <summary>The shared temporaries the transpose needs.</summary>
    public const int Temporaries = 16;

    /// <summary>
    /// Emits the transpose of <paramref name="inputs"/> into <paramref name="output"/>(k, value), called
    /// for every k: element k of every input, in input order.
    /// </summary>
    /// <remarks>
    /// Pairs of rows interleaved: block b of t(2p) holds element 2b of rows 2p and 2p + 1, t(2p + 1)
    /// element 2b + 1. Then two rounds of 128-bit block shuffles, each taking the even blocks (0x88)
    /// or the odd ones (0xDD) of two vectors: the first gathers rows 0..3 (t8..t11) and 4..7
    /// (t12..t15) of elements e and e + 4, the second joins the two halves.
    /// </remarks>
    public static void Emit(SourceWriter w, string[] inputs, System.Action<int, string> output)
    {
        static string T(int k) => LaneTranspose.Temporary(k);
        for (int p = 0; p < 4; p++)
        {
            w.Line($"{T(2 * p)} = Avx512F.UnpackLow({inputs[2 * p]}, {inputs[2 * p + 1]});");
            w.Line($"{T(2 * p + 1)} = Avx512F.UnpackHigh({inputs[2 * p]}, {inputs[2 * p + 1]});");
        }

        for (int half = 0; half < 2; half++)
        {
            int t = 4 * half;
            w.Line($"{T(8 + t)} = Avx512F.Shuffle4x128({T(t)}, {T(t + 2)}, 0x88);");
            w.Line($"{T(9 + t)} = Avx512F.Shuffle4x128({T(t)}, {T(t + 2)}, 0xDD);");
            w.Line($"{T(10 + t)} = Avx512F.Shuffle4x128({T(t + 1)}, {T(t + 3)}, 0x88);");
            w.Line($"{T(11 + t)} = Avx512F.Shuffle4x128({T(t + 1)}, {T(t + 3)}, 0xDD);");
        }

        // t(8 + q) holds elements e and e + 4 with e = 0, 2, 1, 3 for q = 0..3.
        int[] element = [0, 2, 1, 3];
        for (int q = 0; q < 4; q++)
        {
            output(element[q], $"Avx512F.Shuffle4x128({T(8 + q)}, {T(12 + q)}, 0x88)");
            output(element[q] + 4, $"Avx512F.Shuffle4x128({T(8 + q)}, {T(12 + q)}, 0xDD)");
        }
    }
}
