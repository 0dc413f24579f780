using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized;

/// <summary>
/// The pair sums, specialized: vector width and element type (<typeparamref name="TS"/>), kernel
/// (<typeparamref name="TK"/>), dimension (<typeparamref name="TD"/>) and cutoff mask
/// (<typeparamref name="TC"/>) are all types, so each instantiation compiles to straight-line vector code.
/// Four rows go together against each vector of points (each point's coordinates and values loaded once
/// for the four), with up to four right-hand sides per pass, 16 accumulators in registers.
/// </summary>
internal sealed class PairSums<T, TV, TS, TK, TD, TC> : PairKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TV : struct
    where TS : ISimd<TV, T>
    where TK : IRadialShape
    where TD : IDimension
    where TC : ICutoff
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accumulate(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount,
        ReadOnlySpan<int> runs, ReadOnlySpan<T> v, ReadOnlySpan<int> columns, PairConstants<T> constants, Span<double> sums) =>
        Sweep<RowsOnly>(coords, stride, dimension, firstRow, rowCount, runs, v, columns, constants, sums, default, 0);

    // The passes of both entry points: up to four right-hand sides at a time, four rows at a time. With TB, runs is one
    // range from `from` and the rows are whole groups, so the points' sums of row i0..i0 + 3 go to columnSums.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep<TB>(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount, ReadOnlySpan<int> runs,
        ReadOnlySpan<T> v, ReadOnlySpan<int> columns, PairConstants<T> constants, Span<double> sums, Span<T> columnSums, int from)
        where TB : IPointSide
    {
        ref T c = ref MemoryMarshal.GetReference(coords);
        ref T vb = ref MemoryMarshal.GetReference(v);
        ref T sb = ref MemoryMarshal.GetReference(columnSums);
        int nrhs = columns.Length, width = TB.Value ? runs[1] - runs[0] : 0;
        Span<double> group = stackalloc double[RowGroup * 4];
        for (int q = 0; q < nrhs;)
        {
            int take = nrhs - q >= 4 ? 4 : nrhs - q >= 2 ? 2 : 1;
            int q1 = q + (take > 1 ? 1 : 0), q2 = q + (take > 2 ? 2 : 0), q3 = q + (take > 3 ? 3 : 0);
            ref T v0 = ref Unsafe.Add(ref vb, columns[q]);
            ref T v1 = ref Unsafe.Add(ref vb, columns[q1]);
            ref T v2 = ref Unsafe.Add(ref vb, columns[q2]);
            ref T v3 = ref Unsafe.Add(ref vb, columns[q3]);
            ref T s0 = ref Unsafe.Add(ref sb, q * width);
            ref T s1 = ref Unsafe.Add(ref sb, q1 * width);
            ref T s2 = ref Unsafe.Add(ref sb, q2 * width);
            ref T s3 = ref Unsafe.Add(ref sb, q3 * width);
            for (int r = 0; r < rowCount; r += RowGroup)
            {
                // A short last group repeats its last row; the repeats' sums are dropped.
                int last = firstRow + rowCount - 1;
                int i0 = firstRow + r, i1 = Math.Min(i0 + 1, last), i2 = Math.Min(i0 + 2, last), i3 = Math.Min(i0 + 3, last);
                switch (take)
                {
                    case 4:
                        Group<Rhs4, TB>(ref c, stride, dimension, i0, i1, i2, i3, runs, ref v0, ref v1, ref v2, ref v3, ref s0, ref s1, ref s2, ref s3, from, constants, group);
                        break;
                    case 2:
                        Group<Rhs2, TB>(ref c, stride, dimension, i0, i1, i2, i3, runs, ref v0, ref v1, ref v2, ref v3, ref s0, ref s1, ref s2, ref s3, from, constants, group);
                        break;
                    default:
                        Group<Rhs1, TB>(ref c, stride, dimension, i0, i1, i2, i3, runs, ref v0, ref v1, ref v2, ref v3, ref s0, ref s1, ref s2, ref s3, from, constants, group);
                        break;
                }

                for (int rr = 0; rr < RowGroup && r + rr < rowCount; rr++)
                {
                    for (int qq = 0; qq < take; qq++)
                    {
                        sums[(r + rr) * nrhs + q + qq] += group[rr * 4 + qq];
                    }
                }
            }

            q += take;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group<TR, TB>(ref T c, nint stride, int dimension, nint i0, nint i1, nint i2, nint i3, ReadOnlySpan<int> runs,
        ref T v0, ref T v1, ref T v2, ref T v3, ref T s0, ref T s1, ref T s2, ref T s3, nint from, PairConstants<T> constants, Span<double> result)
        where TR : IRhsCount
        where TB : IPointSide
    {
        TV c1 = TS.Splat(constants.C1), c2 = TS.Splat(constants.C2), cut = TS.Splat(constants.CutoffSquared);
        TV a00 = default, a01 = default, a02 = default, a03 = default, a10 = default, a11 = default, a12 = default, a13 = default, a20 = default, a21 = default, a22 = default, a23 = default, a30 = default, a31 = default, a32 = default, a33 = default;
        for (int run = 0; run + 1 < runs.Length; run += 2)
        {
            nint end = runs[run + 1];
            for (nint j = runs[run]; j < end; j += TS.Count)
            {
                TV x0 = At(ref c, stride, j, 0), x1 = At(ref c, stride, j, 1), x2 = At(ref c, stride, j, 2), x3 = At(ref c, stride, j, 3);
                TV x4 = At(ref c, stride, j, 4), x5 = At(ref c, stride, j, 5), x6 = At(ref c, stride, j, 6), x7 = At(ref c, stride, j, 7);
                TV k0 = Pair(ref c, stride, dimension, i0, j, x0, x1, x2, x3, x4, x5, x6, x7, c1, c2, cut);
                TV k1 = Pair(ref c, stride, dimension, i1, j, x0, x1, x2, x3, x4, x5, x6, x7, c1, c2, cut);
                TV k2 = Pair(ref c, stride, dimension, i2, j, x0, x1, x2, x3, x4, x5, x6, x7, c1, c2, cut);
                TV k3 = Pair(ref c, stride, dimension, i3, j, x0, x1, x2, x3, x4, x5, x6, x7, c1, c2, cut);
                TV w0 = TS.Load(ref Unsafe.Add(ref v0, j));
                a00 = TS.MultiplyAdd(k0, w0, a00);
                a10 = TS.MultiplyAdd(k1, w0, a10);
                a20 = TS.MultiplyAdd(k2, w0, a20);
                a30 = TS.MultiplyAdd(k3, w0, a30);
                if (TB.Value)
                {
                    Transposed(ref Unsafe.Add(ref s0, j - from), ref v0, i0, k0, k1, k2, k3);
                }
                if (TR.Value > 1)
                {
                    TV w1 = TS.Load(ref Unsafe.Add(ref v1, j));
                    a01 = TS.MultiplyAdd(k0, w1, a01);
                    a11 = TS.MultiplyAdd(k1, w1, a11);
                    a21 = TS.MultiplyAdd(k2, w1, a21);
                    a31 = TS.MultiplyAdd(k3, w1, a31);
                    if (TB.Value)
                    {
                        Transposed(ref Unsafe.Add(ref s1, j - from), ref v1, i0, k0, k1, k2, k3);
                    }
                }

                if (TR.Value > 2)
                {
                    TV w2 = TS.Load(ref Unsafe.Add(ref v2, j));
                    a02 = TS.MultiplyAdd(k0, w2, a02);
                    a12 = TS.MultiplyAdd(k1, w2, a12);
                    a22 = TS.MultiplyAdd(k2, w2, a22);
                    a32 = TS.MultiplyAdd(k3, w2, a32);
                    if (TB.Value)
                    {
                        Transposed(ref Unsafe.Add(ref s2, j - from), ref v2, i0, k0, k1, k2, k3);
                    }

                    TV w3 = TS.Load(ref Unsafe.Add(ref v3, j));
                    a03 = TS.MultiplyAdd(k0, w3, a03);
                    a13 = TS.MultiplyAdd(k1, w3, a13);
                    a23 = TS.MultiplyAdd(k2, w3, a23);
                    a33 = TS.MultiplyAdd(k3, w3, a33);
                    if (TB.Value)
                    {
                        Transposed(ref Unsafe.Add(ref s3, j - from), ref v3, i0, k0, k1, k2, k3);
                    }
                }
            }
        }

        // Only the sums of the right-hand sides this pass carries: a horizontal sum costs as much as a few pairs.
        result[0] = TS.Sum(a00);
        result[4] = TS.Sum(a10);
        result[8] = TS.Sum(a20);
        result[12] = TS.Sum(a30);
        if (TR.Value > 1)
        {
            result[1] = TS.Sum(a01);
            result[5] = TS.Sum(a11);
            result[9] = TS.Sum(a21);
            result[13] = TS.Sum(a31);
        }

        if (TR.Value > 2)
        {
            result[2] = TS.Sum(a02);
            result[6] = TS.Sum(a12);
            result[10] = TS.Sum(a22);
            result[14] = TS.Sum(a32);
            result[3] = TS.Sum(a03);
            result[7] = TS.Sum(a13);
            result[11] = TS.Sum(a23);
            result[15] = TS.Sum(a33);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AccumulateBoth(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount, int from, int end,
        ReadOnlySpan<T> v, ReadOnlySpan<int> columns, PairConstants<T> constants, Span<double> rowSums, Span<T> columnSums)
    {
        int nrhs = columns.Length, width = end - from;
        // The loops below read v and the coordinates unchecked: every index they form is within what this admits.
        if (rowCount % RowGroup != 0 || width % TS.Count != 0 || from < 0 || width < 0 || end > stride || firstRow < 0
            || rowCount > stride - firstRow || coords.Length < (long)dimension * stride || rowSums.Length < rowCount * nrhs
            || columnSums.Length < (long)nrhs * width)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount));
        }

        for (int q = 0; q < nrhs; q++)
        {
            if ((uint)columns[q] > (uint)(v.Length - stride))
            {
                throw new ArgumentOutOfRangeException(nameof(columns));
            }
        }

        Span<int> run = stackalloc int[] { from, end };
        Sweep<RowsAndPoints>(coords, stride, dimension, firstRow, rowCount, run, v, columns, constants, rowSums, columnSums, from);
    }

    /// <summary>The points' side of four rows' pairs: sum += k0·v[i0] + k1·v[i0 + 1] + k2·v[i0 + 2] + k3·v[i0 + 3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transposed(ref T sum, ref T v, nint i0, TV k0, TV k1, TV k2, TV k3)
    {
        TV s = TS.MultiplyAdd(k0, TS.Splat(Unsafe.Add(ref v, i0)), TS.Load(ref sum));
        s = TS.MultiplyAdd(k1, TS.Splat(Unsafe.Add(ref v, i0 + 1)), s);
        s = TS.MultiplyAdd(k2, TS.Splat(Unsafe.Add(ref v, i0 + 2)), s);
        s = TS.MultiplyAdd(k3, TS.Splat(Unsafe.Add(ref v, i0 + 3)), s);
        TS.Store(s, ref sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Near(ReadOnlySpan<T> coords, int stride, int dimension, int firstRow, int rowCount, int from, int end,
        PairConstants<T> constants, Span<int> kept)
    {
        ref T c = ref MemoryMarshal.GetReference(coords);
        TV cut = TS.Splat(constants.CutoffSquared);
        int count = 0;
        for (nint j = from; j < end; j += TS.Count)
        {
            TV x0 = At(ref c, stride, j, 0), x1 = At(ref c, stride, j, 1), x2 = At(ref c, stride, j, 2), x3 = At(ref c, stride, j, 3);
            TV x4 = At(ref c, stride, j, 4), x5 = At(ref c, stride, j, 5), x6 = At(ref c, stride, j, 6), x7 = At(ref c, stride, j, 7);
            ulong near = 0;
            for (int r = 0; r < rowCount; r++)
            {
                near |= TS.Bits(TS.LessOrEqual(Distance(ref c, stride, dimension, firstRow + r, j, x0, x1, x2, x3, x4, x5, x6, x7), cut));
            }

            int lanes = (int)Math.Min(TS.Count, end - j);
            if (lanes < 64)
            {
                near &= (1UL << lanes) - 1;
            }

            for (; near != 0; near &= near - 1)
            {
                kept[count++] = (int)j + BitOperations.TrailingZeroCount(near);
            }
        }

        return count;
    }

    /// <summary>Coordinate d of the vector of points from j, where the dimension has it (d is a constant at each call, so the test folds away).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV At(ref T c, nint stride, nint j, int d) => TD.Value > d || d == 0 ? TS.Load(ref Unsafe.Add(ref c, d * stride + j)) : default;

    /// <summary>k(‖pᵢ − pⱼ‖) for one row i against the vector of points from j, whose coordinates are x0..x7 (up to the dimension).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Pair(ref T c, nint stride, int dimension, nint i, nint j,
        TV x0, TV x1, TV x2, TV x3, TV x4, TV x5, TV x6, TV x7, TV c1, TV c2, TV cut)
    {
        TV s = Distance(ref c, stride, dimension, i, j, x0, x1, x2, x3, x4, x5, x6, x7);
        TV k = TK.Evaluate<TV, T, TS>(s, c1, c2);
        return TC.Enabled ? TS.Select(TS.LessOrEqual(s, cut), k) : k;
    }

    /// <summary>‖pᵢ − pⱼ‖² for one row i against the vector of points from j: the one formula both the sums and <see cref="Near"/> use, so a point
    /// <see cref="Near"/> leaves out is one the sums' mask drops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Distance(ref T c, nint stride, int dimension, nint i, nint j,
        TV x0, TV x1, TV x2, TV x3, TV x4, TV x5, TV x6, TV x7)
    {
        TV s;
        if (TD.Value == 0)
        {
            s = default;
            for (int d = 0; d < dimension; d++)
            {
                TV e = TS.Subtract(TS.Load(ref Unsafe.Add(ref c, d * stride + j)), TS.Splat(Unsafe.Add(ref c, d * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }
        }
        else
        {
            TV e = TS.Subtract(x0, TS.Splat(Unsafe.Add(ref c, i)));
            s = TS.Multiply(e, e);
            if (TD.Value > 1)
            {
                e = TS.Subtract(x1, TS.Splat(Unsafe.Add(ref c, 1 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }

            if (TD.Value > 2)
            {
                e = TS.Subtract(x2, TS.Splat(Unsafe.Add(ref c, 2 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }

            if (TD.Value > 3)
            {
                e = TS.Subtract(x3, TS.Splat(Unsafe.Add(ref c, 3 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }

            if (TD.Value > 4)
            {
                e = TS.Subtract(x4, TS.Splat(Unsafe.Add(ref c, 4 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }

            if (TD.Value > 5)
            {
                e = TS.Subtract(x5, TS.Splat(Unsafe.Add(ref c, 5 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }

            if (TD.Value > 6)
            {
                e = TS.Subtract(x6, TS.Splat(Unsafe.Add(ref c, 6 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }

            if (TD.Value > 7)
            {
                e = TS.Subtract(x7, TS.Splat(Unsafe.Add(ref c, 7 * stride + i)));
                s = TS.MultiplyAdd(e, e, s);
            }
        }

        return s;
    }
}
