using System;

namespace Specialized;

/// <summary>The kernels in double, one pair at a time: for the truncation radius, and the constants the vector shapes take.</summary>
internal static class RadialKernelMath
{
    /// <summary>k(r) in double, straight from its definition.</summary>
    public static double Value(RadialKernel kernel, double gamma, double r) => kernel switch
    {
        RadialKernel.Gaussian => Math.Exp(-gamma * r * r),
        RadialKernel.Laplacian => Math.Exp(-gamma * r),
        RadialKernel.Matern32 => (1 + Math.Sqrt(3) * gamma * r) * Math.Exp(-Math.Sqrt(3) * gamma * r),
        RadialKernel.Matern52 => (1 + Math.Sqrt(5) * gamma * r + 5 * gamma * gamma * r * r / 3) * Math.Exp(-Math.Sqrt(5) * gamma * r),
        _ => 1 / Math.Sqrt(1 + gamma * r * r),
    };

    /// <summary>The constants c1, c2 of the kernel's <see cref="IRadialShape"/>.</summary>
    public static (double C1, double C2) Constants(RadialKernel kernel, double gamma) => kernel switch
    {
        RadialKernel.Gaussian or RadialKernel.Laplacian => (-gamma * Math.Log2(Math.E), 0),
        RadialKernel.Matern32 => (-Math.Sqrt(3) * gamma * Math.Log2(Math.E), Math.Sqrt(3) * gamma),
        RadialKernel.Matern52 => (-Math.Sqrt(5) * gamma * Math.Log2(Math.E), Math.Sqrt(5) * gamma),
        _ => (gamma, 0),
    };

    /// <summary>
    /// The distance beyond which k &lt; <paramref name="truncation"/> (every kernel decreases in r), by
    /// bisection in double; infinity when <paramref name="truncation"/> is 0 or k never gets that small in range.
    /// </summary>
    public static double CutoffRadius(RadialKernel kernel, double gamma, double truncation)
    {
        if (truncation <= 0)
        {
            return double.PositiveInfinity;
        }

        double hi = 1 / gamma;
        while (Value(kernel, gamma, hi) >= truncation)
        {
            hi *= 2;
            if (double.IsInfinity(hi))
            {
                return double.PositiveInfinity;
            }
        }

        double lo = 0;
        for (int i = 0; i < 200 && lo < hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (Value(kernel, gamma, mid) >= truncation)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }
}
