using System.Threading.Tasks;

namespace Specialized.Analyzers.Tests;

/// <summary>Half-typed and broken code, as the IDE sees it between keystrokes: no analyzer may throw (AD0001).</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("[SpdSolve(MaxN = )] public static partial bool Solve(Span<double> a, Span<")]
    [InlineData("[SpdSolve(MaxN = \"8\")] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(MaxN = n)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(MaxN = 1, MaxN = 99)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(Triangle = 5)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(Triangle = MatrixLayout.ColumnMajor)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(Bogus = 1)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(3)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(MaxN = 4,)] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve(")]
    [InlineData("[SpdSolve]")]
    [InlineData("[SpdSolve] public static partial")]
    [InlineData("[SpdSolve] public static partial bool Solve(")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n, );")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n)")]
    [InlineData("[SpdSolve] public static partial Missing Solve(Span<Unknown> a, Span<double> b, Nope n);")]
    [InlineData("[SpdSolve] public static partial bool (Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n, __arglist);")]
    [InlineData("[SpdSolve] public static partial bool Solve(double* a, delegate*<int, void> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n = \"x\");")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n); [SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve, SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n) { [LeastSquares(MaxCols = 0)] void Local( }")]
    [InlineData("[SpdSolve] public static Fits operator +(Fits left, Fits right) => left;")]
    [InlineData("[SpdSolve] public Fits() { }")]
    [InlineData("[SpdSolve] ~Fits() { }")]
    [InlineData("public static event Action E { [SpdSolve] add { } remove { } }")]
    [InlineData("public int this[int i] { [SpdSolve(MaxN = 0)] get => i; }")]
    [InlineData("[SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n) => Func<int>(() => [SpdInverse] static () => 1);")]
    [InlineData("Func<Span<double>, bool> f = [SpdSolve(MaxN = 0)] static (Span<double> a) => true;")]
    public Task Member_of_a_partial_class(string member) => Verify.NoCrashAsync($$"""
        static partial class Fits
        {
            {{member}}
        }
        """);

    [Theory]
    [InlineData("[SpdSolve] class Fits { }")]
    [InlineData("[SpdSolve] static partial bool Solve(Span<double> a, Span<double> b, int n);")]
    [InlineData("[assembly: SpdSolve(MaxN = 0)]")]
    [InlineData("class Fits { [return: SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n); }")]
    [InlineData("class Fits { public static partial bool Solve([SpdSolve] Span<double> a, Span<double> b, int n); }")]
    [InlineData("partial class Fits<T> where T : Fits<T> { [SpdSolve] public static partial T Solve(Span<T> a, Span<T> b, T n); }")]
    [InlineData("partial class { [SpdSolve] public static partial bool Solve(Span<double> a, Span<double> b, int n); }")]
    [InlineData("partial class Fits { [SpdSolve] static void M() { [SpdSolve] static partial bool Local(Span<double> a, Span<double> b, int n); } }")]
    [InlineData("delegate bool Solver([SpdSolve] Span<double> a);")]
    [InlineData("{|SPD0001:Solve|}")]
    public Task Top_level(string source) => Verify.NoCrashAsync(source);
}
