using System;

namespace Specialized.Runtime.Tests.Fuzz;

/// <summary>How many elements a span needs, in terms of the call's shape.</summary>
internal enum Need
{
    /// <summary>n x n.</summary>
    Matrix,

    /// <summary>n x nrhs.</summary>
    RightHandSides,

    /// <summary>count matrices of n x n.</summary>
    Matrices,

    /// <summary>count vectors of n.</summary>
    Vectors,
}

/// <summary>One span parameter of a fuzzed call: its name, what it needs, and whether the call may write it.</summary>
internal readonly record struct Role(string Name, Need Need, bool Written);

/// <summary>The scalar arguments a call takes besides n.</summary>
[Flags]
internal enum Uses
{
    Nothing = 0,
    Nrhs = 1,
    Storage = 2,
    Degree = 4,
    Batch = 8,
}

/// <summary>The scalar arguments of one fuzzed call; those a call does not take keep their neutral values.</summary>
internal readonly record struct FuzzShape(int N, int Nrhs, int Count, Triangle Triangle, MatrixLayout Layout, int Degree)
{
    public long Needs(Need need) => need switch
    {
        Need.Matrix => (long)N * N,
        Need.RightHandSides => (long)N * Nrhs,
        Need.Matrices => (long)Count * N * N,
        _ => (long)Count * N,
    };

    /// <summary>Whether the scalars alone are acceptable (the spans may still be short).</summary>
    public bool IsValid(Uses uses) =>
        N >= 0
        && (!uses.HasFlag(Uses.Nrhs) || Nrhs >= 0)
        && (!uses.HasFlag(Uses.Storage) || (Enum.IsDefined(Triangle) && Enum.IsDefined(Layout)))
        && (!uses.HasFlag(Uses.Degree) || Degree >= 1);

    /// <summary>
    /// Mostly small n (the unrolled sizes), a quarter up to 70 (past every MaxN, into the fallback),
    /// a few up to 300 (the blocked kernel's tiles) and a few negative; batches stay at n ≤ 20 but
    /// sometimes hold enough systems for <see cref="ParallelBatch"/> to split them. Now and then an
    /// undefined triangle or layout, a negative nrhs or a degree of parallelism of 0.
    /// </summary>
    public static FuzzShape Draw(Random random, Uses uses)
    {
        int n = random.Next(100) switch
        {
            < 3 => -random.Next(1, 4),
            < 70 => random.Next(0, 13),
            < 97 => random.Next(13, 71),
            _ => random.Next(71, 301),
        };
        int count = 0;
        if (uses.HasFlag(Uses.Batch))
        {
            n %= 21;
            count = n is > 0 and <= 3 && random.Next(20) == 0 ? random.Next(2 * ParallelBatch.MinSystemsPerItem, 5000) : random.Next(0, 20);
        }

        int nrhs = !uses.HasFlag(Uses.Nrhs) ? 1 : random.Next(50) == 0 ? -1 : random.Next(0, n > 70 ? 4 : 12);
        Triangle triangle = random.Next(30) == 0 ? (Triangle)random.Next(2, 9) : (Triangle)random.Next(2);
        MatrixLayout layout = random.Next(30) == 0 ? (MatrixLayout)(-random.Next(1, 3)) : (MatrixLayout)random.Next(2);
        int degree = !uses.HasFlag(Uses.Degree) ? 1 : random.Next(30) == 0 ? 0 : random.Next(1, 5);
        return uses.HasFlag(Uses.Storage)
            ? new FuzzShape(n, nrhs, count, triangle, layout, degree)
            : new FuzzShape(n, nrhs, count, Triangle.Lower, MatrixLayout.RowMajor, degree);
    }
}
