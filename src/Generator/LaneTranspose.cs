using System.Collections.Generic;
using System.Linq;
using Specialized.Common;

namespace Specialized.Generator;

/// <summary>
/// Moves a batch kernel's data between the systems' own layout and one-system-per-lane vectors:
/// W contiguous elements of each of W systems are loaded as W vectors and transposed in registers
/// (12 instructions per 4 doubles, 32 per 8 floats, against one load and insert per element).
/// Systems shorter than one vector fall back to element-wise gathers and stores.
/// </summary>
internal sealed class LaneTranspose
{
    private readonly string _reference;
    private readonly int _length;
    private readonly int _lanes;
    private readonly bool _isDouble;
    private readonly HashSet<int> _loaded = new();
    private readonly Dictionary<int, int> _chunkOf = new();

    /// <param name="reference">The lane references' prefix: lane s reads from <c>{reference}{s}</c>.</param>
    /// <param name="length">Elements per system; no load reaches past them.</param>
    /// <param name="lanes">Systems per vector.</param>
    /// <param name="element">The element type.</param>
    public LaneTranspose(string reference, int length, int lanes, ElementType element)
    {
        _reference = reference;
        _length = length;
        _lanes = lanes;
        _isDouble = element == ElementType.Double;
    }

    /// <summary>Whether whole vectors fit in one system: below that, elements are gathered one by one.</summary>
    public bool Transposes => _length >= _lanes;

    /// <summary>
    /// The expression for the vector of element <paramref name="offset"/> of every lane's system.
    /// Emits the load and transpose of the chunk holding it the first time one of its elements is asked for.
    /// </summary>
    public string Element(SourceWriter w, int offset)
    {
        if (!Transposes)
        {
            return $"Vector256.Create({string.Join(", ", Enumerable.Range(0, _lanes).Select(s => KernelSyntax.Element(_reference + SourceWriter.Int(s), offset)))})";
        }

        if (!_chunkOf.TryGetValue(offset, out int start))
        {
            // The chunk starts at the element asked for, moved back where it would read past the system.
            start = System.Math.Min(offset, _length - _lanes);
            for (int k = start; k < start + _lanes; k++)
            {
                if (!_chunkOf.ContainsKey(k))
                {
                    _chunkOf[k] = start;
                }
            }
        }

        if (_loaded.Add(start))
        {
            string[] rows = Enumerable.Range(0, _lanes).Select(s => $"{_reference}r{SourceWriter.Int(start)}_{SourceWriter.Int(s)}").ToArray();
            for (int s = 0; s < _lanes; s++)
            {
                w.Line($"var {rows[s]} = Vector256.LoadUnsafe(ref {_reference}{SourceWriter.Int(s)}, {SourceWriter.Int(start)});");
            }

            // Elements an earlier chunk already holds get a throwaway name; the JIT drops their shuffles.
            string[] outputs = Enumerable.Range(start, _lanes)
                .Select(k => _chunkOf[k] == start ? Name(k) : $"{_reference}u{SourceWriter.Int(start)}_{SourceWriter.Int(k)}")
                .ToArray();
            Emit(w, rows, outputs, $"{_reference}t{SourceWriter.Int(start)}_", _isDouble);
        }

        return Name(offset);
    }

    private string Name(int offset) => $"{_reference}e{SourceWriter.Int(offset)}";

    /// <summary>
    /// Emits the transpose of a lanes x lanes block: <paramref name="outputs"/>[k] gets element k of
    /// every input, in input order. Temporaries are named from <paramref name="scratch"/>.
    /// </summary>
    public static void Emit(SourceWriter w, string[] inputs, string[] outputs, string scratch, bool isDouble)
    {
        string T(int k) => scratch + SourceWriter.Int(k);
        if (isDouble)
        {
            // (r0, r1) interleaved by element pairs, then the 128-bit halves exchanged.
            w.Line($"var {T(0)} = Avx.UnpackLow({inputs[0]}, {inputs[1]});");
            w.Line($"var {T(1)} = Avx.UnpackHigh({inputs[0]}, {inputs[1]});");
            w.Line($"var {T(2)} = Avx.UnpackLow({inputs[2]}, {inputs[3]});");
            w.Line($"var {T(3)} = Avx.UnpackHigh({inputs[2]}, {inputs[3]});");
            w.Line($"var {outputs[0]} = Avx.Permute2x128({T(0)}, {T(2)}, 0x20);");
            w.Line($"var {outputs[1]} = Avx.Permute2x128({T(1)}, {T(3)}, 0x20);");
            w.Line($"var {outputs[2]} = Avx.Permute2x128({T(0)}, {T(2)}, 0x31);");
            w.Line($"var {outputs[3]} = Avx.Permute2x128({T(1)}, {T(3)}, 0x31);");
            return;
        }

        // Pairs of rows interleaved, then quads gathered within each 128-bit half, then the halves exchanged.
        for (int p = 0; p < 4; p++)
        {
            w.Line($"var {T(2 * p)} = Avx.UnpackLow({inputs[2 * p]}, {inputs[2 * p + 1]});");
            w.Line($"var {T(2 * p + 1)} = Avx.UnpackHigh({inputs[2 * p]}, {inputs[2 * p + 1]});");
        }

        for (int q = 0; q < 2; q++)
        {
            int t = 4 * q;
            w.Line($"var {T(8 + t)} = Avx.Shuffle({T(t)}, {T(t + 2)}, 0x44);");
            w.Line($"var {T(9 + t)} = Avx.Shuffle({T(t)}, {T(t + 2)}, 0xEE);");
            w.Line($"var {T(10 + t)} = Avx.Shuffle({T(t + 1)}, {T(t + 3)}, 0x44);");
            w.Line($"var {T(11 + t)} = Avx.Shuffle({T(t + 1)}, {T(t + 3)}, 0xEE);");
        }

        for (int k = 0; k < 4; k++)
        {
            w.Line($"var {outputs[k]} = Avx.Permute2x128({T(8 + k)}, {T(12 + k)}, 0x20);");
            w.Line($"var {outputs[k + 4]} = Avx.Permute2x128({T(8 + k)}, {T(12 + k)}, 0x31);");
        }
    }
}
