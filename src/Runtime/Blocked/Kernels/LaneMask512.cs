using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace Specialized;

/// <summary>
/// The first <c>count</c> lanes of a <see cref="Vector512{T}"/> read from and written to memory, the others neither read
/// nor written: the edges of a tile. From .NET 9 these are AVX-512 masked moves; .NET 8 has no masked load or store
/// intrinsic, so there they are element loops. Callers check <c>Avx512F.IsSupported</c> and keep count in 1..Count.
/// </summary>
internal static unsafe class LaneMask512
{
    /// <summary>Lanes below <paramref name="count"/> from <paramref name="address"/>, zero above.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load<T>(T* address, int count)
        where T : unmanaged, INumberBase<T>
    {
#if NET9_0_OR_GREATER
        Vector512<T> mask = Mask<T>(count);
        return typeof(T) == typeof(double)
            ? Avx512F.MaskLoad((double*)address, mask.AsDouble(), Vector512<double>.Zero).As<double, T>()
            : Avx512F.MaskLoad((float*)address, mask.AsSingle(), Vector512<float>.Zero).As<float, T>();
#else
        Vector512<T> value = Vector512<T>.Zero;
        for (int lane = 0; lane < count; lane++)
        {
            value = value.WithElement(lane, address[lane]);
        }

        return value;
#endif
    }

    /// <summary>Writes the lanes of <paramref name="value"/> below <paramref name="count"/> to <paramref name="address"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(T* address, int count, Vector512<T> value)
        where T : unmanaged, INumberBase<T>
    {
#if NET9_0_OR_GREATER
        Vector512<T> mask = Mask<T>(count);
        if (typeof(T) == typeof(double))
        {
            Avx512F.MaskStore((double*)address, mask.AsDouble(), value.AsDouble());
        }
        else
        {
            Avx512F.MaskStore((float*)address, mask.AsSingle(), value.AsSingle());
        }
#else
        for (int lane = 0; lane < count; lane++)
        {
            address[lane] = value.GetElement(lane);
        }
#endif
    }

#if NET9_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Mask<T>(int count)
        where T : unmanaged, INumberBase<T> => Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(count)));
#endif
}
