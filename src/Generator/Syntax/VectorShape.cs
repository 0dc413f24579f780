using Specialized.Common;

namespace Specialized.Generator;

/// <summary>
/// The SIMD register a vector kernel keeps its columns in, and how the emitted code spells the
/// few operations it needs: a lane broadcast, a negated fused multiply-add and a square root.
/// The code is x86 (AVX2 + FMA): the dispatch tests <see cref="Supported"/> before it calls a
/// vector kernel and sends every n ≥ <see cref="MinOrder"/> to the runtime where it fails.
/// </summary>
internal sealed class VectorShape
{
    private static readonly VectorShape s_double256 = new(4, "Vector256<double>", "Vector256", "Avx.Sqrt");
    private static readonly VectorShape s_float256 = new(8, "Vector256<float>", "Vector256", "Avx.Sqrt");
    private static readonly VectorShape s_float128 = new(4, "Vector128<float>", "Vector128", "Sse.Sqrt");

    private VectorShape(int lanes, string type, string factory, string sqrt)
    {
        Lanes = lanes;
        Type = type;
        Factory = factory;
        SqrtMethod = sqrt;
    }

    public int Lanes { get; }

    /// <summary>The vector type, e.g. <c>Vector256&lt;double&gt;</c>.</summary>
    public string Type { get; }

    /// <summary>The static class with Create and LoadUnsafe.</summary>
    public string Factory { get; }

    private string SqrtMethod { get; }

    /// <summary>The hardware the emitted vector code needs; the JIT folds this to a constant.</summary>
    public const string Supported = "Fma.IsSupported && Avx2.IsSupported";

    /// <summary>
    /// The vector shape for a kernel of order n, or null where scalar code is faster: a column
    /// must fill at least one register, so sizes below the lane count stay scalar.
    /// </summary>
    public static VectorShape? For(ElementType element, int n) => element switch
    {
        _ when n < MinOrder => null,
        ElementType.Double => s_double256,
        ElementType.Float when n >= 8 => s_float256,
        _ => s_float128,
    };

    /// <summary>The smallest n with a vector kernel, for either element type.</summary>
    public const int MinOrder = 4;

    /// <summary>Every lane set to lane <paramref name="lane"/> of <paramref name="vector"/>.</summary>
    public string Broadcast(string vector, int lane)
    {
        string imm = SourceWriter.Int(lane * 0x55);
        return Lanes == 8
            ? $"Avx2.PermuteVar8x32({vector}, Vector256.Create({SourceWriter.Int(lane)}))"
            : Type == s_double256.Type ? $"Avx2.Permute4x64({vector}, {imm})" : $"Avx.Permute({vector}, {imm})";
    }

    /// <summary>c − a·b in one rounding.</summary>
    public static string MultiplySubtract(string a, string b, string c) => $"Fma.MultiplyAddNegated({a}, {b}, {c})";

    public string Sqrt(string vector) => $"{SqrtMethod}({vector})";
}
