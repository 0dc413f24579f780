namespace Specialized.Analyzers.Tests;

/// <summary>MathNet.Numerics interop, records and properties holding arrays, rows, and declarations.</summary>
internal static partial class AccuracyCorpus
{
    private static readonly Snippet[] Data =
    [
        new("mathnet: dense matrix values given to a row-major solver", """
            using MathNet.Numerics.LinearAlgebra.Double;

            static class Interop
            {
                public static SolveResult Solve(DenseMatrix m, double[] b, double[] x) => Spd.Solve({|SPD0202:m.Values|}, b, x, m.RowCount);
            }
            """),
        new("mathnet: dense matrix values given to a column-major solver", """
            using MathNet.Numerics.LinearAlgebra.Double;

            static class Interop
            {
                public static SolveResult Solve(DenseMatrix m, double[] b, double[] x) => Spd.SolveColumns(m.Values, b, x, m.RowCount);
            }
            """),
        new("mathnet: AsColumnMajorArray to a row-major solver", """
            using MathNet.Numerics.LinearAlgebra;

            static class Interop
            {
                public static bool Solve(Matrix<double> m, double[] b, double[] x) => Spd.Solve({|SPD0202:m.AsColumnMajorArray()|}, b, x, m.RowCount);
            }
            """),
        new("mathnet: ToRowMajorArray copied for every matrix", """
            using System.Collections.Generic;
            using MathNet.Numerics.LinearAlgebra;

            static class Interop
            {
                public static int Run(IEnumerable<Matrix<double>> matrices, double[] b, double[] x)
                {
                    int failed = 0;
                    foreach (Matrix<double> m in matrices)
                    {
                        double[] a = {|SPD0101:m.ToRowMajorArray()|};
                        if (!Spd.Solve(a, b, x, m.RowCount))
                        {
                            failed++;
                        }
                    }

                    return failed;
                }
            }
            """),
        new("mathnet: column-major storage data to a row-major solver", """
            using MathNet.Numerics.LinearAlgebra;
            using MathNet.Numerics.LinearAlgebra.Storage;

            static class Interop
            {
                public static SolveResult Solve(Matrix<double> m, double[] b, double[] x)
                {
                    var storage = (DenseColumnMajorMatrixStorage<double>)m.Storage;
                    return Spd.Solve({|SPD0202:storage.Data|}, b, x, m.RowCount);
                }
            }
            """),
        new("mathnet: ToColumnMajorArray once, to a column-major solver", """
            using MathNet.Numerics.LinearAlgebra;

            static class Interop
            {
                public static SolveResult Solve(Matrix<double> m, double[] b, double[] x) => Spd.SolveColumns(m.ToColumnMajorArray(), b, x, 4);
            }
            """),
        new("mathnet: single-precision storage solved in place by a row-major solver", """
            using MathNet.Numerics.LinearAlgebra;

            static class Interop
            {
                public static bool Solve(Matrix<float> m, float[] b) => Spd.SolveSingle({|SPD0202:m.AsColumnMajorArray()|}, b, m.RowCount);
            }
            """),
        new("mathnet: ToRowMajorArray to a row-major solver", """
            using MathNet.Numerics.LinearAlgebra;

            static class Interop
            {
                public static SolveResult Solve(Matrix<double> m, double[] b, double[] x) => Spd.Solve(m.ToRowMajorArray(), b, x, m.RowCount);
            }
            """),
        new("records: positional record holding the system", """
            record Problem(double[] A, double[] B, int N);

            static class Use
            {
                public static bool Solve(Problem p) => Spd.Solve(p.A, p.B, p.N);
            }
            """),
        new("records: record property declared column-major", """
            record Problem([property: MatrixLayout(MatrixLayout.ColumnMajor)] double[] A, double[] B, int N);

            static class Use
            {
                public static bool Solve(Problem p) => Spd.Solve({|SPD0202:p.A|}, p.B, p.N);
            }
            """),
        new("records: state copied with 'with' on every step", """
            record State(double[] Covariance, double[] Gain, int Step);

            static class Use
            {
                public static State Run(State state, int steps, int n)
                {
                    for (int i = 0; i < steps; i++)
                    {
                        state = {|SPD0101:state with { Step = i }|};
                        if (!Spd.Solve(state.Covariance, state.Gain, n))
                        {
                            break;
                        }
                    }

                    return state;
                }
            }
            """),
        new("records: row-major property matches the solver", """
            class Model
            {
                [MatrixLayout(MatrixLayout.RowMajor)]
                public double[] P { get; } = new double[16];

                public double[] K { get; } = new double[4];

                public bool Update() => Spd.Solve(P, K, 4);
            }
            """),
        new("records: column-major property solved column-major, result kept", """
            class Model
            {
                [MatrixLayout(MatrixLayout.ColumnMajor)]
                public double[] P { get; } = new double[64];

                public SolveResult Last { get; private set; }

                public void Update(double[] b, double[] x) => Last = Spd.SolveColumns(P, b, x, 8);
            }
            """),
        new("records: result of a property-backed solve ignored", """
            class Model
            {
                public double[] P { get; } = new double[16];

                public double[] K { get; } = new double[4];

                public void Update() => {|SPD0301:Spd.Solve(P, K, 4)|};
            }
            """),
        new("rows: element-wise through nested foreach with a counter", """
            static class Rows
            {
                public static bool Solve(double[][] rows, double[] b)
                {
                    int n = rows.Length;
                    var flat = new double[n * n];
                    int k = 0;
                    foreach (double[] row in rows)
                    {
                        foreach (double v in row)
                        {
                            flat[k++] = v;
                        }
                    }

                    return Spd.Solve({|SPD0201:flat|}, b, n);
                }
            }
            """),
        new("rows: a 2 x 2 matrix unrolled", """
            static class Rows
            {
                public static bool Solve(double[][] m, double[] b)
                {
                    var a = new double[4];
                    a[0] = m[0][0];
                    a[1] = m[0][1];
                    a[2] = m[1][0];
                    a[3] = m[1][1];
                    return Spd.Solve({|SPD0201:a|}, b, 2);
                }
            }
            """),
        new("rows: list of lists flattened", """
            using System.Collections.Generic;
            using System.Linq;

            static class Rows
            {
                public static bool Solve(List<List<double>> rows, double[] b) => Spd.Solve({|SPD0201:rows.SelectMany(r => r).ToArray()|}, b, rows.Count);
            }
            """),
        new("rows: flattened once before many solves", """
            using System.Linq;

            static class Rows
            {
                public static int Run(double[][] rows, double[][] rhs, double[] x)
                {
                    double[] a = rows.SelectMany(r => r).ToArray();
                    int failed = 0;
                    foreach (double[] b in rhs)
                    {
                        failed += Spd.Solve(a, b, x, rows.Length) ? 0 : 1;
                    }

                    return failed;
                }
            }
            """),
        new("rows: copied into a hoisted buffer on every time step", """
            static class Rows
            {
                public static int Run(double[][] rows, double[] b, double[] x, int steps)
                {
                    int n = rows.Length, failed = 0;
                    var a = new double[n * n];
                    for (int t = 0; t < steps; t++)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            rows[i].AsSpan().CopyTo(a.AsSpan(i * n, n));
                            rows[i][i] += 1e-3;
                        }

                        failed += Spd.Solve({|SPD0201:a|}, b, x, n) ? 0 : 1;
                    }

                    return failed;
                }
            }
            """),
        new("rows: a rectangular T[,] viewed as a row-major span", """
            using System.Runtime.InteropServices;

            static class Rows
            {
                public static SolveResult Solve(double[,] m, double[] b, double[] x) =>
                    Spd.Solve(MemoryMarshal.CreateSpan(ref m[0, 0], m.Length), b, x, m.GetLength(0));
            }
            """),
        new("rows: a T[,] given to a column-major solver", """
            using System.Runtime.InteropServices;

            static class Rows
            {
                public static SolveResult Solve(double[,] m, double[] b, double[] x) =>
                    Spd.SolveColumns({|SPD0202:MemoryMarshal.CreateSpan(ref m[0, 0], m.Length)|}, b, x, m.GetLength(0));
            }
            """),
        new("declaration: solver with a body", """
            static partial class Mine
            {
                [SpdSolve(MaxN = 4)]
                public static bool {|SPD0001:Solve|}(Span<double> a, Span<double> b, int n) => true;
            }
            """),
        new("declaration: arrays where spans are expected", """
            static partial class Mine
            {
                [SpdSolve]
                public static partial bool {|SPD0002:Solve|}(double[] a, double[] b, int n);
            }
            """),
        new("declaration: MaxN above 32", """
            static partial class Mine
            {
                [SpdFactor({|SPD0003:MaxN = 40|})]
                public static partial bool Factor(Span<double> a, int n);
            }
            """),
        new("declaration: least squares declared in a non-partial class", """
            static class Mine
            {
                [LeastSquares(MaxCols = 4)]
                public static partial SolveResult {|SPD0001:Fit|}(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);
            }
            """),
    ];
}
