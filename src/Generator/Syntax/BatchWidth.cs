using Specialized.Common;

namespace Specialized.Generator;

/// <summary>
/// The vector a batch kernel holds one system per lane in: a Vector256 (4 doubles, 8 floats) on every
/// AVX2 + FMA machine, and from n = <see cref="WideMinOrder"/> also a Vector512 (8 doubles, 16 floats)
/// that the dispatch prefers where it is hardware accelerated. Spells the few vector operations the
/// kernel needs at that width.
/// </summary>
/// <remarks>
/// Double, measured at 10,000 systems on an AVX-512 Xeon: 8 doubles per pass beat 4 by 3-24% from
/// n = 9, by up to 17% at n = 8, tied at n = 4..7 and lost at 2..3. Each pivot's division is on the
/// kernel's critical path and takes about twice as long on a Vector512, which eats most of the halved
/// instruction count at small n. Float, on the AMD EPYC of docs/performance.md, 256 systems in cache:
/// 16 floats per pass took 5.2-22.3 ns per system at n = 8..16 against 7.3-28.3 for 8.
/// </remarks>
internal sealed class BatchWidth
{
    private static readonly BatchWidth s_double256 = new(ElementType.Double, 256);
    private static readonly BatchWidth s_float256 = new(ElementType.Float, 256);
    private static readonly BatchWidth s_double512 = new(ElementType.Double, 512);
    private static readonly BatchWidth s_float512 = new(ElementType.Float, 512);

    private BatchWidth(ElementType element, int bits)
    {
        IsDouble = element == ElementType.Double;
        IsWide = bits == 512;
        Keyword = ScalarSyntax.For(element).Keyword;
        Factory = "Vector" + SourceWriter.Int(bits);
        Type = $"{Factory}<{Keyword}>";
        Lanes = bits / (IsDouble ? 64 : 32);
        PairsSystems = IsWide && !IsDouble;
        Chunk = PairsSystems ? Lanes / 2 : Lanes;
    }

    /// <summary>The smallest n with a Vector512 kernel: one row of the system fills a <see cref="Chunk"/>, so the stores transpose whole.</summary>
    public const int WideMinOrder = 8;

    /// <summary>The hardware test the dispatch makes before it calls a Vector512 kernel; the JIT folds it to a constant (it implies Avx512F).</summary>
    public const string WideSupported = "Vector512.IsHardwareAccelerated";

    public bool IsDouble { get; }

    /// <summary>True for Vector512.</summary>
    public bool IsWide { get; }

    /// <summary>Systems per vector.</summary>
    public int Lanes { get; }

    /// <summary>
    /// True for 16 floats: a transpose loads 8 elements of each of two systems into one vector (see
    /// <see cref="LaneTranspose512"/>), so systems from n = 8 have whole chunks, as with 8 doubles.
    /// </summary>
    public bool PairsSystems { get; }

    /// <summary>The contiguous elements of one system a transpose takes: a vector's worth, or half of one where <see cref="PairsSystems"/>.</summary>
    public int Chunk { get; }

    /// <summary>
    /// The most systems of order n the dispatch gives this kernel, or null for no limit: 16 floats from
    /// n = <see cref="PairedStreamMinOrder"/> only while the batch's matrices fit in
    /// <see cref="PairedStreamBytes"/>, beyond which the Vector256 kernel takes the batch.
    /// </summary>
    /// <remarks>
    /// Measured on the AMD EPYC of docs/performance.md, float, n = 16, ns per system, 16 lanes against
    /// 8: 32.7-33.4 against 37.0-37.7 at 20,000 systems, but 55-59 against 39 at 50,000, 59-62 against
    /// 37-39 at 200,000 and 52-71 against 37-39 at 1,000,000 (n = 15: 49-50 against 39-40); in cache
    /// 17.8-22.3 against 28.0-28.3. Why the wide passes stop overlapping memory there is not measured.
    /// </remarks>
    public int? StreamedMaxSystems(int n) =>
        PairsSystems && n >= PairedStreamMinOrder ? PairedStreamBytes / (n * n * sizeof(float)) : null;

    /// <summary>The smallest n whose 16-float kernel is limited to batches that fit in <see cref="PairedStreamBytes"/>.</summary>
    public const int PairedStreamMinOrder = 14;

    /// <summary>
    /// The matrix bytes up to which the 16-float kernels from n = <see cref="PairedStreamMinOrder"/> take a
    /// batch: half a typical L3. The runtime's <c>ParallelBatch</c> holds the same two numbers, to keep
    /// the parts of a larger batch above this size.
    /// </summary>
    public const int PairedStreamBytes = 16 << 20;

    /// <summary>Bits per lane of the word that records failed pivots: 16 lanes get 4, enough for n ≤ 16.</summary>
    public int PivotBits => Lanes > 8 ? 4 : 8;

    public string Keyword { get; }

    /// <summary>The vector type, e.g. <c>Vector512&lt;double&gt;</c>.</summary>
    public string Type { get; }

    /// <summary>The static class with Create, LoadUnsafe and the comparisons.</summary>
    public string Factory { get; }

    /// <summary>The Vector256 width every size has.</summary>
    public static BatchWidth Narrow(ElementType element) => element == ElementType.Double ? s_double256 : s_float256;

    /// <summary>The Vector512 width for n, or null where n has no Vector512 kernel (see the remarks).</summary>
    public static BatchWidth? Wide(ElementType element, int n) => n < WideMinOrder ? null : element == ElementType.Double ? s_double512 : s_float512;

    /// <summary>
    /// Groups of <see cref="Lanes"/> systems a pass of the kernel for n interleaves: two for the
    /// Vector512 kernels up to <see cref="GroupedMaxOrder"/>, whose passes are too short for the
    /// processor to overlap one pass's chain of divisions with the next pass's work; else one (the
    /// Vector256 kernels take the Vector512 kernels' last systems, and above that order two groups'
    /// accumulators no longer fit in the registers).
    /// </summary>
    public int Groups(int n) => IsWide && IsDouble && n <= GroupedMaxOrder ? 2 : 1;

    /// <summary>The largest n whose Vector512 kernel interleaves two groups.</summary>
    public const int GroupedMaxOrder = 11;

    /// <summary>c − a·b in one rounding.</summary>
    public string MultiplySubtract(string a, string b, string c) =>
        IsWide ? $"Avx512F.FusedMultiplyAddNegated({a}, {b}, {c})" : VectorShape.MultiplySubtract(a, b, c);

    /// <summary>The lanes set in a comparison's result, as a uint (bit s for lane s).</summary>
    public string LaneMask(string comparison) =>
        IsWide ? $"(uint){comparison}.ExtractMostSignificantBits()" : $"{comparison}.ExtractMostSignificantBits()";
}
