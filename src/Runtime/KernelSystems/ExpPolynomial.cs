using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// The vectorized exponential: 2^t = 2^n · 2^f with n = round(t) and f in [−1/2, 1/2], 2^f by a
/// polynomial whose coefficients interpolate it at the Chebyshev nodes of [−1/2, 1/2] (near-minimax),
/// of the least degree whose interpolation error is below the precision's rounding: 5 for float
/// (1.0e-7 relative before rounding), 11 for double (4e-18). With rounding, the relative error
/// against exp stays within <see cref="SingleMaxRelativeError"/> and <see cref="DoubleMaxRelativeError"/>
/// (tested over the arguments used, 2^t down to the smallest normal number).
/// </summary>
internal static class ExpPolynomial
{
    /// <summary>Largest relative error of the float exponential against exp in double.</summary>
    public const double SingleMaxRelativeError = 2.5e-7;

    /// <summary>Largest relative error of the double exponential against exp in double.</summary>
    public const double DoubleMaxRelativeError = 1e-15;

    /// <summary>2^t for t ≤ 0; arguments below the smallest normal power give a result between 0 and that power.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp2<TV, T, TS>(TV t)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T>
    {
        t = TS.ClampExponent(t);
        TV n = TS.Round(t);
        TV f = TS.Subtract(t, n);
        TV p;
        if (typeof(T) == typeof(float))
        {
            p = TS.MultiplyAdd(f, C(0.0013390863f), C(0.0096760318f));
            p = TS.MultiplyAdd(f, p, C(0.055503569f));
            p = TS.MultiplyAdd(f, p, C(0.24022107f));
            p = TS.MultiplyAdd(f, p, C(0.69314718f));
            p = TS.MultiplyAdd(f, p, C(1.0000001f));
        }
        else
        {
            p = TS.MultiplyAdd(f, C(4.4558179083360645e-10), C(7.074194297288521e-09));
            p = TS.MultiplyAdd(f, p, C(1.0178057087733941e-07));
            p = TS.MultiplyAdd(f, p, C(1.3215432535912375e-06));
            p = TS.MultiplyAdd(f, p, C(1.5252733841556773e-05));
            p = TS.MultiplyAdd(f, p, C(0.00015403530463724353));
            p = TS.MultiplyAdd(f, p, C(0.001333355814640647));
            p = TS.MultiplyAdd(f, p, C(0.009618129107587256));
            p = TS.MultiplyAdd(f, p, C(0.055504108664821625));
            p = TS.MultiplyAdd(f, p, C(0.24022650695910158));
            p = TS.MultiplyAdd(f, p, C(0.6931471805599453));
            p = TS.MultiplyAdd(f, p, C(1.0));
        }

        return TS.ScaleB(p, n);

        static TV C(double value) => TS.Splat(T.CreateTruncating(value));
    }
}
