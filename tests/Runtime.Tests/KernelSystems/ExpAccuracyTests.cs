using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Runtime.Tests.KernelSystems;

/// <summary>The vectorized exponential within its stated relative error, at every width the machine runs.</summary>
public class ExpAccuracyTests
{
    [Fact]
    public void Single_within_stated_error()
    {
        if (Avx512DQ.IsSupported)
        {
            Check<float, Vector512<float>, Simd512<float>>(ExpPolynomial.SingleMaxRelativeError, -126);
        }

        Check<float, Vector256<float>, Simd256<float>>(ExpPolynomial.SingleMaxRelativeError, -126);
        Check<float, Vector128<float>, Simd128<float>>(ExpPolynomial.SingleMaxRelativeError, -126);
    }

    [Fact]
    public void Double_within_stated_error()
    {
        if (Avx512DQ.IsSupported)
        {
            Check<double, Vector512<double>, Simd512<double>>(ExpPolynomial.DoubleMaxRelativeError, -1022);
        }

        Check<double, Vector256<double>, Simd256<double>>(ExpPolynomial.DoubleMaxRelativeError, -1022);
        Check<double, Vector128<double>, Simd128<double>>(ExpPolynomial.DoubleMaxRelativeError, -1022);
    }

    [Fact]
    public void Far_below_the_range_is_tiny_and_never_nan()
    {
        foreach (double t in new[] { -127.0, -1e4, -1e30, double.NegativeInfinity })
        {
            float f = ExpPolynomial.Exp2<Vector256<float>, float, Simd256<float>>(Vector256.Create((float)t)).ToScalar();
            Assert.True(f >= 0 && f <= 1.2e-38f, $"{t}: {f}");
            if (Avx512DQ.IsSupported)
            {
                f = ExpPolynomial.Exp2<Vector512<float>, float, Simd512<float>>(Vector512.Create((float)t)).ToScalar();
                Assert.True(f >= 0 && f <= 1.2e-38f, $"{t}: {f}");
            }
        }
    }

    private static void Check<T, TV, TS>(double bound, double lowest)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TS : ISimd<TV, T>
    {
        var values = new T[TS.Count];
        double worst = 0;
        var random = new Random(11);
        for (int k = 0; k < 200_000; k++)
        {
            // Spread over the whole range, with extra density near 0 where kernels matter most.
            double t = k % 2 == 0 ? lowest * random.NextDouble() : -4 * random.NextDouble();
            T tt = T.CreateTruncating(t);
            TV result = ExpPolynomial.Exp2<TV, T, TS>(TS.Splat(tt));
            System.Runtime.CompilerServices.Unsafe.WriteUnaligned(ref System.Runtime.CompilerServices.Unsafe.As<T, byte>(ref values[0]), result);
            double exact = Math.Pow(2, double.CreateTruncating(tt));
            worst = Math.Max(worst, Math.Abs(double.CreateTruncating(values[0]) - exact) / exact);
        }

        Assert.True(worst <= bound, $"{typeof(TV).Name}: {worst:G3} > {bound:G3}");
    }
}
