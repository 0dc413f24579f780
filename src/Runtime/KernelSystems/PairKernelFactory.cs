using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized;

/// <summary>Picks the <see cref="PairSums{T, TV, TS, TK, TD, TC}"/> instantiation for the machine's widest vectors and the system's kernel, dimension and truncation.</summary>
internal static class PairKernelFactory
{
    /// <summary>The pair sums, and the lanes of their vectors (the grid pads columns to that).</summary>
    public static (PairKernel<T> Kernel, int Lanes) Create<T>(RadialKernel kernel, int dimension, bool cutoff)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512DQ.IsSupported)
        {
            return (ForWidth<T, Vector512<T>, Simd512<T>>(kernel, dimension, cutoff), Vector512<T>.Count);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return (ForWidth<T, Vector256<T>, Simd256<T>>(kernel, dimension, cutoff), Vector256<T>.Count);
        }

        return (ForWidth<T, Vector128<T>, Simd128<T>>(kernel, dimension, cutoff), Vector128<T>.Count);
    }

    private static PairKernel<T> ForWidth<T, TV, TS>(RadialKernel kernel, int dimension, bool cutoff)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : ISimd<TV, T> => kernel switch
        {
            RadialKernel.Gaussian => ForKernel<T, TV, TS, GaussianShape>(dimension, cutoff),
            RadialKernel.Laplacian => ForKernel<T, TV, TS, LaplacianShape>(dimension, cutoff),
            RadialKernel.Matern32 => ForKernel<T, TV, TS, Matern32Shape>(dimension, cutoff),
            RadialKernel.Matern52 => ForKernel<T, TV, TS, Matern52Shape>(dimension, cutoff),
            _ => ForKernel<T, TV, TS, InverseMultiquadricShape>(dimension, cutoff),
        };

    private static PairKernel<T> ForKernel<T, TV, TS, TK>(int dimension, bool cutoff)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : ISimd<TV, T>
        where TK : IRadialShape => dimension switch
        {
            1 => ForDimension<T, TV, TS, TK, Dimension1>(cutoff),
            2 => ForDimension<T, TV, TS, TK, Dimension2>(cutoff),
            3 => ForDimension<T, TV, TS, TK, Dimension3>(cutoff),
            4 => ForDimension<T, TV, TS, TK, Dimension4>(cutoff),
            5 => ForDimension<T, TV, TS, TK, Dimension5>(cutoff),
            6 => ForDimension<T, TV, TS, TK, Dimension6>(cutoff),
            7 => ForDimension<T, TV, TS, TK, Dimension7>(cutoff),
            8 => ForDimension<T, TV, TS, TK, Dimension8>(cutoff),
            _ => ForDimension<T, TV, TS, TK, DimensionAny>(cutoff),
        };

    private static PairKernel<T> ForDimension<T, TV, TS, TK, TD>(bool cutoff)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : ISimd<TV, T>
        where TK : IRadialShape
        where TD : IDimension => cutoff
            ? new PairSums<T, TV, TS, TK, TD, WithCutoff>()
            : new PairSums<T, TV, TS, TK, TD, NoCutoff>();
}
