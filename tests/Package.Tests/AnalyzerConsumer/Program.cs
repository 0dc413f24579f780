// The analyzer consumer of the package test (tests/Package.Tests): code that makes the packaged
// analyzers warn, built in a fresh project that references only the packed Specialized package.
// Every line that must carry a warning ends with a comment naming it; the test compares the
// warnings of the build with these comments, by line, and requires that nothing else is reported.

using System.Linq;
using Specialized;

internal static partial class Kalman
{
    [MatrixLayout(MatrixLayout.ColumnMajor)]
    private static readonly double[] Covariance = BuildCovariance();

    [SpdSolve(MaxN = 4)]
    public static partial bool Solve(Span<double> a, Span<double> b, int n);

    [SpdFactor(MaxN = 4)]
    public static partial SolveResult Factor(Span<double> a, int n);

    public static double Run(int steps)
    {
        double sum = 0;
        for (int step = 0; step < steps; step++)
        {
            var a = new double[16]; // SPD0101
            var b = new double[] { 1, 2, 3, 4 }; // SPD0101
            for (int i = 0; i < 4; i++)
            {
                a[(i * 4) + i] = 2 + step;
            }

            if (Solve(a, b, 4))
            {
                sum += b[0];
            }
        }

        return sum;
    }

    public static bool Step() => Factor(Covariance, 4); // SPD0202

    public static double FromRows(double[][] rows)
    {
        double[] b = [1, 2, 3, 4];
        Solve(rows.SelectMany(row => row).ToArray(), b, 4); // SPD0201 SPD0301
        return b[0];
    }

    private static double[] BuildCovariance()
    {
        var covariance = new double[16];
        for (int i = 0; i < 4; i++)
        {
            covariance[(i * 4) + i] = 1;
        }

        return covariance;
    }
}

internal static class Program
{
    private static void Main()
    {
        Console.WriteLine(Kalman.Run(3));
        Console.WriteLine(Kalman.Step());
        Console.WriteLine(Kalman.FromRows([[4, 0, 0, 0], [0, 4, 0, 0], [0, 0, 4, 0], [0, 0, 0, 4]]));
    }
}
