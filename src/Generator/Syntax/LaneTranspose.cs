using System.Collections.Generic;
using System.Linq;

namespace Specialized.Generator;

/// <summary>
/// Moves a batch kernel's data between the systems' own layout and one-system-per-lane vectors:
/// W contiguous elements of each of W systems are loaded as W vectors and transposed in registers
/// (12 instructions per 4 doubles, 32 per 8 floats, against one load and insert per element; the
/// Vector512 transposes of 8 doubles and of 16 floats are in <see cref="LaneTranspose512"/>).
/// Systems shorter than one vector are interleaved by <see cref="LaneInterleave"/> where their
/// length divides the vector's, else gathered element by element.
/// </summary>
internal sealed class LaneTranspose
{
    private readonly string _reference;
    private readonly int _group;
    private readonly int _length;
    private readonly BatchWidth _width;
    private readonly HashSet<int> _loaded = new();
    private readonly Dictionary<int, int> _chunkOf = new();
    private readonly HashSet<int> _needed;

    /// <param name="reference">The role: the group's systems start at <c>{reference}{group}</c>, lane s's at element s·length of it.</param>
    /// <param name="length">Elements per system; no load reaches past the pass's systems.</param>
    /// <param name="width">The kernel's vector: its lanes are the systems per vector.</param>
    /// <param name="needed">The offsets the kernel reads; a chunk extracts only these.</param>
    /// <param name="group">Which of a pass's groups of W systems: its systems start at <c>{reference}{group}</c>.</param>
    public LaneTranspose(string reference, int length, BatchWidth width, IEnumerable<int> needed, int group = 0)
    {
        _group = group;
        _needed = new HashSet<int>(needed);
        _reference = reference;
        _length = length;
        _width = width;
    }

    /// <summary>Whether whole vectors fit in one system: below that, elements are gathered one by one.</summary>
    public bool Transposes => _length >= _width.Chunk;

    /// <summary>
    /// The expression for the vector of element <paramref name="offset"/> of every lane's system.
    /// Emits the load and transpose of the chunk holding it the first time one of its elements is asked for.
    /// </summary>
    public string Element(SourceWriter w, int offset)
    {
        if (LaneInterleave.Applies(_length, _width))
        {
            if (_loaded.Add(0))
            {
                string?[] outputs = Enumerable.Range(0, _length).Select(k => _needed.Contains(k) ? Name(k) : null).ToArray();
                LaneInterleave.EmitLoads(w, _width, Base, _length, _reference + "i", outputs);
            }

            return Name(offset);
        }

        if (!Transposes)
        {
            return $"{_width.Factory}.Create({string.Join(", ", Enumerable.Range(0, _width.Lanes).Select(s => KernelSyntax.Element(Base, s * _length + offset)))})";
        }

        if (!_chunkOf.TryGetValue(offset, out int start))
        {
            // The chunk starts at the element asked for, moved back where it would read past the system.
            start = System.Math.Min(offset, _length - _width.Chunk);
            for (int k = start; k < start + _width.Chunk; k++)
            {
                if (!_chunkOf.ContainsKey(k))
                {
                    _chunkOf[k] = start;
                }
            }
        }

        if (_loaded.Add(start))
        {
            string[] rows = Enumerable.Range(0, _width.Chunk).Select(Row).ToArray();
            for (int s = 0; s < _width.Chunk; s++)
            {
                if (_width.PairsSystems)
                {
                    var (lower, upper) = LaneTranspose512.PairedSystems(s);
                    // Not Vector512.Create(lower, upper): the JIT inlines five methods for each, which at n = 15
                    // exhausts its inlining budget for the kernel, and the calls left over spill every vector.
                    w.Line($"{rows[s]} = Avx512F.InsertVector256(Vector256.LoadUnsafe(ref {Base}, {SourceWriter.Int(lower * _length + start)}).ToVector512Unsafe(), Vector256.LoadUnsafe(ref {Base}, {SourceWriter.Int(upper * _length + start)}), 1);");
                }
                else
                {
                    w.Line($"{rows[s]} = {_width.Factory}.LoadUnsafe(ref {Base}, {SourceWriter.Int(s * _length + start)});");
                }
            }

            // Elements the kernel never reads, or an earlier chunk already holds, are not extracted.
            string?[] outputs = Enumerable.Range(start, _width.Chunk)
                .Select(k => _chunkOf[k] == start && _needed.Contains(k) ? Name(k) : null)
                .ToArray();
            Emit(w, _width, rows, outputs, declareOutputs: true);
        }

        return Name(offset);
    }

    /// <summary>
    /// Declares the temporaries every transpose shares, once per kernel: reusing them keeps the
    /// method's locals few enough for the JIT to track them all.
    /// </summary>
    public static void DeclareTemporaries(SourceWriter w, BatchWidth width)
    {
        var names = Enumerable.Range(0, width.Chunk).Select(Row).Concat(Enumerable.Range(0, TemporaryCount(width)).Select(Temporary));
        w.Line($"{width.Type} {string.Join(", ", names)};");
    }

    /// <summary>The shared temporary that holds lane s's row before a transpose.</summary>
    public static string Row(int lane) => "lr" + SourceWriter.Int(lane);

    /// <summary>The shared temporary k of the transposes.</summary>
    public static string Temporary(int k) => "lt" + SourceWriter.Int(k);

    private static int TemporaryCount(BatchWidth width) => width.IsWide ? LaneTranspose512.Temporaries : width.IsDouble ? 4 : 16;

    /// <summary>
    /// Emits the transpose from one system per lane back to rows of systems, for the stores:
    /// <paramref name="outputs"/>[r] gets element r of every input; where the width
    /// <see cref="BatchWidth.PairsSystems"/>, its lower half belongs to system r and its upper half to
    /// system r + 8.
    /// </summary>
    public static void EmitBack(SourceWriter w, BatchWidth width, string[] inputs, string[] outputs)
    {
        if (width.PairsSystems)
        {
            LaneTranspose512.EmitPairs(w, inputs, (k, value) => w.Line($"{outputs[k]} = {value};"), back: true);
            return;
        }

        Emit(w, width, inputs, outputs, declareOutputs: false);
    }

    private string Base => _reference + SourceWriter.Int(_group);

    private string Name(int offset) => $"{_reference}{(_group == 0 ? "" : SourceWriter.Int(_group))}e{SourceWriter.Int(offset)}";

    /// <summary>
    /// Emits the transpose of a lanes x lanes block: <paramref name="outputs"/>[k] gets element k of
    /// every input, in input order; a null output is not computed. With <paramref name="declareOutputs"/>
    /// each output is a new local, otherwise an existing one.
    /// </summary>
    public static void Emit(SourceWriter w, BatchWidth width, string[] inputs, string?[] outputs, bool declareOutputs)
    {
        string T(int k) => Temporary(k);
        void Output(int k, string value)
        {
            if (outputs[k] is { } name)
            {
                w.Line($"{(declareOutputs ? "var " : "")}{name} = {value};");
            }
        }

        if (width.PairsSystems)
        {
            LaneTranspose512.EmitPairs(w, inputs, Output, back: false);
            return;
        }

        if (width.IsWide)
        {
            LaneTranspose512.Emit(w, inputs, Output);
            return;
        }

        if (width.IsDouble)
        {
            // (r0, r1) interleaved by element pairs, then the 128-bit halves exchanged.
            w.Line($"{T(0)} = Avx.UnpackLow({inputs[0]}, {inputs[1]});");
            w.Line($"{T(1)} = Avx.UnpackHigh({inputs[0]}, {inputs[1]});");
            w.Line($"{T(2)} = Avx.UnpackLow({inputs[2]}, {inputs[3]});");
            w.Line($"{T(3)} = Avx.UnpackHigh({inputs[2]}, {inputs[3]});");
            Output(0, $"Avx.Permute2x128({T(0)}, {T(2)}, 0x20)");
            Output(1, $"Avx.Permute2x128({T(1)}, {T(3)}, 0x20)");
            Output(2, $"Avx.Permute2x128({T(0)}, {T(2)}, 0x31)");
            Output(3, $"Avx.Permute2x128({T(1)}, {T(3)}, 0x31)");
            return;
        }

        // Pairs of rows interleaved, then quads gathered within each 128-bit half, then the halves exchanged.
        EmitPairsInterleaved(w, "Avx", inputs);
        EmitQuadsGathered(w, "Avx");
        for (int k = 0; k < 4; k++)
        {
            Output(k, $"Avx.Permute2x128({T(8 + k)}, {T(12 + k)}, 0x20)");
            Output(k + 4, $"Avx.Permute2x128({T(8 + k)}, {T(12 + k)}, 0x31)");
        }
    }

    /// <summary>
    /// The first step of the 8-row transposes: temporaries 2p and 2p + 1 get rows 2p and 2p + 1
    /// interleaved element by element, low and high halves of each 128-bit block.
    /// </summary>
    /// <param name="isa">The class of the instructions: Avx for Vector256, Avx512F for Vector512.</param>
    public static void EmitPairsInterleaved(SourceWriter w, string isa, string[] inputs)
    {
        for (int p = 0; p < 4; p++)
        {
            w.Line($"{Temporary(2 * p)} = {isa}.UnpackLow({inputs[2 * p]}, {inputs[2 * p + 1]});");
            w.Line($"{Temporary(2 * p + 1)} = {isa}.UnpackHigh({inputs[2 * p]}, {inputs[2 * p + 1]});");
        }
    }

    /// <summary>
    /// The second step for floats: temporaries 8..15 gather, in each 128-bit block, one element of
    /// four rows (8..11 rows 0..3, 12..15 rows 4..7) from the interleaved pairs.
    /// </summary>
    public static void EmitQuadsGathered(SourceWriter w, string isa)
    {
        for (int q = 0; q < 2; q++)
        {
            int t = 4 * q;
            w.Line($"{Temporary(8 + t)} = {isa}.Shuffle({Temporary(t)}, {Temporary(t + 2)}, 0x44);");
            w.Line($"{Temporary(9 + t)} = {isa}.Shuffle({Temporary(t)}, {Temporary(t + 2)}, 0xEE);");
            w.Line($"{Temporary(10 + t)} = {isa}.Shuffle({Temporary(t + 1)}, {Temporary(t + 3)}, 0x44);");
            w.Line($"{Temporary(11 + t)} = {isa}.Shuffle({Temporary(t + 1)}, {Temporary(t + 3)}, 0xEE);");
        }
    }
}
