using System.Numerics;

namespace Specialized;

/// <summary>
/// One <see cref="RadialKernel"/> evaluated from squared distances, with the two constants
/// <see cref="RadialKernelMath.Constants"/> gives for it (γ folded in, and log₂e where an exponential is taken).
/// </summary>
internal interface IRadialShape
{
    static abstract TV Evaluate<TV, T, TS>(TV squaredDistance, TV c1, TV c2)
        where TV : struct
        where T : unmanaged, IFloatingPointIeee754<T>
        where TS : ISimd<TV, T>;
}
