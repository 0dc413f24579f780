using Specialized.Common;

namespace Specialized.Generator;

/// <summary>How the emitted code spells the element type's keyword, literals and square root and fused multiply-add.</summary>
internal sealed class ScalarSyntax
{
    public static readonly ScalarSyntax Double = new("double", "1.0", "0.0", "global::System.Math.Sqrt", "global::System.Math.FusedMultiplyAdd");
    public static readonly ScalarSyntax Float = new("float", "1.0f", "0.0f", "global::System.MathF.Sqrt", "global::System.MathF.FusedMultiplyAdd");

    private ScalarSyntax(string keyword, string one, string zero, string sqrt, string fusedMultiplyAdd)
    {
        FusedMultiplyAdd = fusedMultiplyAdd;
        Keyword = keyword;
        One = one;
        Zero = zero;
        Sqrt = sqrt;
    }

    public string Keyword { get; }

    public string One { get; }

    public string Zero { get; }

    public string Sqrt { get; }

    /// <summary>a·b + c in one rounding; only emitted on paths that checked for FMA hardware.</summary>
    public string FusedMultiplyAdd { get; }

    public static ScalarSyntax For(ElementType element) => element == ElementType.Float ? Float : Double;
}
