using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Test matrices and right-hand sides shared by every generated method (38 methods ask for the
/// same few dozen matrices, so each is built once), and the switch from a method name to a
/// typed test body.
/// </summary>
internal static class GeneratedTestData
{
    private static readonly ConcurrentDictionary<(int Type, int N, Precision Precision), TestMatrix> s_matrices = new();

    private static readonly ConcurrentDictionary<(int Type, int N, Precision Precision, int Nrhs), RightHandSide> s_rightHandSides = new();

    /// <summary>The dchkpo types that are SPD at n (1, 2, 6, 7, 8, 9).</summary>
    public static IEnumerable<int> SpdTypes(int n) =>
        Enumerable.Range(1, 9).Where(t => TestMatrix.Applies(t, n) && TestMatrix.ZeroedIndexFor(t, n) < 0);

    /// <summary>The dchkpo types that are not SPD at n (3, 4, 5 where dchkpo runs them).</summary>
    public static IEnumerable<int> NotSpdTypes(int n) =>
        Enumerable.Range(3, 3).Where(t => TestMatrix.Applies(t, n));

    /// <summary>dchkpo matrix <paramref name="type"/> at order n, with the seed the runtime tests use.</summary>
    public static TestMatrix Matrix(int type, int n, Precision precision) =>
        s_matrices.GetOrAdd((type, n, precision), key => TestMatrix.Create(key.Type, key.N, key.Precision, TestData.Seed(key.N, key.Type)));

    /// <summary>X* and B = A·X* for the cached matrix, n x nrhs.</summary>
    public static RightHandSide RightHandSide(TestMatrix matrix, int nrhs) =>
        s_rightHandSides.GetOrAdd((matrix.Type, matrix.N, matrix.Precision, nrhs), key => matrix.CreateRightHandSide(key.Nrhs, TestData.Seed(key.N, key.Nrhs)));

    /// <summary>Runs the double or float test body for the named method.</summary>
    public static void Run(string name, Action<GeneratedSolver<double>> forDouble, Action<GeneratedSolver<float>> forSingle)
    {
        switch (SolverRegistry.Get(name))
        {
            case GeneratedSolver<double> solver:
                forDouble(solver);
                break;
            case GeneratedSolver<float> solver:
                forSingle(solver);
                break;
            default:
                throw new NotSupportedException(name);
        }
    }

    /// <summary>The buffers of one call, and what they held before it.</summary>
    public sealed class Buffers<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Buffers(T[] a, T[] b, T[] x)
        {
            A = a;
            B = b;
            X = x;
            ABefore = (T[])a.Clone();
            BBefore = (T[])b.Clone();
            XBefore = (T[])x.Clone();
        }

        public T[] A { get; }

        public T[] B { get; }

        public T[] X { get; }

        public T[] ABefore { get; }

        public T[] BBefore { get; }

        public T[] XBefore { get; }

        public Outcome Call(GeneratedSolver<T> solver, int n, int nrhs) => solver.Invoke(A, B, X, n, nrhs);

        /// <summary>Where the solution landed: b for the in-place forms, x otherwise.</summary>
        public T[] Solution(GeneratedSolver<T> solver) => solver.Form == GeneratedForm.InPlace ? B : X;
    }
}
