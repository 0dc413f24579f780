using System.Numerics;
using System.Runtime.CompilerServices;

namespace Specialized;

/// <summary>
/// The vectorized exponential: 2^t = 2^n · 2^f with n = ⌊t⌋ and f in [0, 1], 2^f by a
/// polynomial whose coefficients interpolate it at the Chebyshev nodes of [0, 1] (near-minimax),
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
        TV f = TS.SplitPower(t, out TV n);
        TV p;
        if (typeof(T) == typeof(float))
        {
            p = TS.MultiplyAdd(f, C(0.0018937540582203076), C(0.008949590423295236));
            p = TS.MultiplyAdd(f, p, C(0.0558603370772849));
            p = TS.MultiplyAdd(f, p, C(0.24014181820142738));
            p = TS.MultiplyAdd(f, p, C(0.693154489663234));
            p = TS.MultiplyAdd(f, p, C(0.9999998983500242));
        }
        else
        {
            p = TS.MultiplyAdd(f, C(6.301478117433779e-10), C(6.538608553499254e-09));
            p = TS.MultiplyAdd(f, p, C(1.0258188854184174e-07));
            p = TS.MultiplyAdd(f, p, C(1.320769749209033e-06));
            p = TS.MultiplyAdd(f, p, C(1.5253231141364262e-05));
            p = TS.MultiplyAdd(f, p, C(0.0001540350928370369));
            p = TS.MultiplyAdd(f, p, C(0.0013333558734919516));
            p = TS.MultiplyAdd(f, p, C(0.00961812909724503));
            p = TS.MultiplyAdd(f, p, C(0.0555041086659012));
            p = TS.MultiplyAdd(f, p, C(0.24022650695904277));
            p = TS.MultiplyAdd(f, p, C(0.6931471805599465));
            p = TS.MultiplyAdd(f, p, C(1.0));
        }

        return TS.ScaleB(p, n);

        static TV C(double value) => TS.Splat(T.CreateTruncating(value));
    }
}
