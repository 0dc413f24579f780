using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Specialized.Generator.Tests;

/// <summary>
/// The generated pivot test casts the pivot's bits to unsigned and subtracts one, which overflows for
/// a negative pivot (the cast) and for zero (the subtraction). A project built with overflow checks
/// (CheckForOverflowUnderflow) must still get a failure there, not an OverflowException, from every
/// kernel family: scalar (n ≤ 3), vector (4..16) and looped (17..MaxN).
/// </summary>
public class OverflowCheckedTests
{
    private const string Source = """
        using System;
        using Specialized;

        /// <summary>Solvers compiled with overflow checks.</summary>
        public static partial class Checked
        {
            /// <summary>Double, keep inputs.</summary>
            [SpdSolve(MaxN = 20)] public static partial SolveResult SolveDouble(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

            /// <summary>Float, keep inputs.</summary>
            [SpdSolve(MaxN = 20)] public static partial SolveResult SolveFloat(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);

            /// <summary>Double, factor only.</summary>
            [SpdFactor(MaxN = 20)] public static partial SolveResult FactorDouble(Span<double> a, int n);
        }
        """;

    private static readonly Lazy<Type> s_checked = new(Load);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(20)]
    public void Bad_pivots_fail_without_overflow_exception(int n)
    {
        var a = new double[n * n];
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            b[i] = 1;
        }

        foreach (double pivot in new[] { -0.0, 0.0, -1.0, double.NegativeInfinity, double.PositiveInfinity, double.NaN })
        {
            a[0] = pivot;
            Assert.Equal(SolveResult.Failed(0), Invoke("SolveDouble", a, b, new double[n], n));
            Assert.Equal(SolveResult.Failed(0), Invoke("SolveFloat", Single(a), Single(b), new float[n], n));
            Assert.Equal(SolveResult.Failed(0), Invoke("FactorDouble", (double[])a.Clone(), n));
        }

        // The same system with a positive pivot solves: x = b / 2.
        a[0] = 2;
        var x = new double[n];
        Assert.Equal(SolveResult.Succeeded, Invoke("SolveDouble", a, b, x, n));
        Assert.All(x, value => Assert.Equal(0.5, value));
        var xf = new float[n];
        Assert.Equal(SolveResult.Succeeded, Invoke("SolveFloat", Single(a), Single(b), xf, n));
        Assert.All(xf, value => Assert.Equal(0.5f, value));
    }

    private static float[] Single(double[] values) => values.Select(v => (float)v).ToArray();

    /// <summary>Arrays convert implicitly to the span parameters only at compile time, so they are wrapped here.</summary>
    private static SolveResult Invoke(string name, params object[] args)
    {
        MethodInfo method = s_checked.Value.GetMethod(name)!;
        return name switch
        {
            "SolveDouble" => method.CreateDelegate<SolveDouble>()((double[])args[0], (double[])args[1], (double[])args[2], (int)args[3]),
            "SolveFloat" => method.CreateDelegate<SolveFloat>()((float[])args[0], (float[])args[1], (float[])args[2], (int)args[3]),
            _ => method.CreateDelegate<FactorDouble>()((double[])args[0], (int)args[1]),
        };
    }

    private delegate SolveResult SolveDouble(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    private delegate SolveResult SolveFloat(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);

    private delegate SolveResult FactorDouble(Span<double> a, int n);

    private static Type Load()
    {
        CSharpCompilation input = GeneratorHarness.Compile(Source);
        input = input.WithOptions(input.Options.WithOverflowChecks(true).WithOptimizationLevel(OptimizationLevel.Release));
        var (output, _) = GeneratorHarness.Run(input);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("OverflowChecked", isCollectible: true).LoadFromStream(stream).GetType("Checked")!;
    }
}
