namespace Specialized.Generator;

/// <summary>
/// The Vector512 lane transposes of <see cref="LaneTranspose"/>: 8 x 8 doubles in 24 instructions,
/// all shuffles with immediates (no index vectors to keep in registers), and 8 elements of 16
/// floats in as many, two systems per loaded vector.
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
        LaneTranspose.EmitPairsInterleaved(w, "Avx512F", inputs);
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

    /// <summary>
    /// The systems whose 8 floats fill the lower and upper halves of loaded vector r in
    /// <see cref="EmitPairs"/>. This order makes the last shuffle put system s in lane s.
    /// </summary>
    public static (int Lower, int Upper) PairedSystems(int r) => r < 4 ? (r, r + 4) : (r + 4, r + 8);

    /// <summary>
    /// Emits the transpose of 8 vectors of 16 floats: <paramref name="output"/>(k, value) for every k.
    /// Forward, input r holds 8 elements of each of the systems <see cref="PairedSystems"/>(r), and
    /// output k holds element k of systems 0..15 in lane order. Back, input k holds element k of
    /// systems 0..15, and output r holds system r's 8 elements in its lower half and system r + 8's
    /// in its upper half.
    /// </summary>
    /// <remarks>
    /// Each 128-bit block goes through the 4 x 4 steps of the 8-float transpose (pairs of rows
    /// interleaved, then quads gathered); the last step moves whole blocks: forward the even or odd
    /// blocks of two vectors (one shuffle with an immediate), back the blocks of the two halves
    /// interleaved, which needs a two-source permute by an index vector.
    /// </remarks>
    public static void EmitPairs(SourceWriter w, string[] inputs, System.Action<int, string> output, bool back)
    {
        static string T(int k) => LaneTranspose.Temporary(k);
        LaneTranspose.EmitPairsInterleaved(w, "Avx512F", inputs);
        LaneTranspose.EmitQuadsGathered(w, "Avx512F");
        for (int k = 0; k < 4; k++)
        {
            if (back)
            {
                output(k, $"Avx512F.PermuteVar16x32x2({T(8 + k)}, Vector512.Create(0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27), {T(12 + k)})");
                output(k + 4, $"Avx512F.PermuteVar16x32x2({T(8 + k)}, Vector512.Create(4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31), {T(12 + k)})");
            }
            else
            {
                output(k, $"Avx512F.Shuffle4x128({T(8 + k)}, {T(12 + k)}, 0x88)");
                output(k + 4, $"Avx512F.Shuffle4x128({T(8 + k)}, {T(12 + k)}, 0xDD)");
            }
        }
    }
}
