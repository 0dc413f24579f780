using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>exp(−γr²) = 2^(c1·r²), c1 = −γ·log₂e.</summary>
internal readonly struct GaussianShape : IRadialShape
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Evaluate<TV, T, TS>(TV squaredDistance, TV c1, TV c2)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T> =>
        ExpPolynomial.Exp2<TV, T, TS>(TS.Multiply(squaredDistance, c1));
}

/// <summary>exp(−γr) = 2^(c1·r), c1 = −γ·log₂e.</summary>
internal readonly struct LaplacianShape : IRadialShape
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Evaluate<TV, T, TS>(TV squaredDistance, TV c1, TV c2)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T> =>
        ExpPolynomial.Exp2<TV, T, TS>(TS.Multiply(TS.Sqrt(squaredDistance), c1));
}

/// <summary>(1 + s)·exp(−s), s = √3γr = c2·r, exp(−s) = 2^(c1·r), c1 = −√3γ·log₂e.</summary>
internal readonly struct Matern32Shape : IRadialShape
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Evaluate<TV, T, TS>(TV squaredDistance, TV c1, TV c2)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T>
    {
        TV r = TS.Sqrt(squaredDistance);
        TV e = ExpPolynomial.Exp2<TV, T, TS>(TS.Multiply(r, c1));
        return TS.Multiply(TS.MultiplyAdd(r, c2, TS.Splat(T.One)), e);
    }
}

/// <summary>(1 + s + s²/3)·exp(−s), s = √5γr = c2·r, exp(−s) = 2^(c1·r), c1 = −√5γ·log₂e.</summary>
internal readonly struct Matern52Shape : IRadialShape
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Evaluate<TV, T, TS>(TV squaredDistance, TV c1, TV c2)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T>
    {
        TV r = TS.Sqrt(squaredDistance);
        TV s = TS.Multiply(r, c2);
        TV e = ExpPolynomial.Exp2<TV, T, TS>(TS.Multiply(r, c1));
        TV one = TS.Splat(T.One);
        TV polynomial = TS.MultiplyAdd(s, TS.MultiplyAdd(s, TS.Splat(T.One / T.CreateTruncating(3)), one), one);
        return TS.Multiply(polynomial, e);
    }
}

/// <summary>1/√(1 + γr²), c1 = γ.</summary>
internal readonly struct InverseMultiquadricShape : IRadialShape
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Evaluate<TV, T, TS>(TV squaredDistance, TV c1, TV c2)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T>
    {
        TV one = TS.Splat(T.One);
        return TS.Divide(one, TS.Sqrt(TS.MultiplyAdd(squaredDistance, c1, one)));
    }
}
