using System.Threading.Tasks;

namespace Specialized.CodeFixes.Tests;

/// <summary>SPD0204's fix: raise MaxN (MaxCols) to the constant size, at most 32.</summary>
public class RaiseMaxNFixTests
{
    private const string Use = """
        static class Use
        {
            static bool Run(double[] a, double[] b) => Fits.Solve(a, b, [|12|]);
        }
        """;

    [Fact]
    public Task Replaces_MaxN() => VerifyFix.FixAsync("SPD0204", "Raise MaxN to 12", [Use, """
        static partial class Fits
        {
            [SpdSolve(MaxN = 8, Triangle = Triangle.Upper)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """], [null, """
        static partial class Fits
        {
            [SpdSolve(MaxN = 12, Triangle = Triangle.Upper)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """]);

    [Fact]
    public Task Adds_MaxN_to_a_bare_attribute() => VerifyFix.FixAsync("SPD0204", "Raise MaxN to 12", [Use, """
        static partial class Fits
        {
            [SpdSolve]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """], [null, """
        static partial class Fits
        {
            [SpdSolve(MaxN = 12)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """]);

    [Fact]
    public Task No_fix_above_32() => VerifyFix.NoFixAsync("SPD0204", """
        static class Use
        {
            static bool Run(double[] a, double[] b) => Fits.Solve(a, b, [|40|]);
        }
        """, """
        static partial class Fits
        {
            [SpdSolve(MaxN = 16)]
            public static partial bool Solve(Span<double> a, Span<double> b, int n);
        }
        """);
}
