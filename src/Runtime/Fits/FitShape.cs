using System;
using System.Numerics;

namespace Specialized;

/// <summary>The argument checks every least-squares entry point makes before it reads an element.</summary>
internal static class FitShape
{
    /// <summary>Checks one fit; <paramref name="wLength"/> is -1 for an unweighted fit.</summary>
    public static void Check<T>(int aLength, int bLength, int wLength, int xLength, int rows, int cols, T ridge, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(rows, cols, layout);
        CheckRidge(ridge);
        if ((long)rows * cols > aLength)
        {
            throw new ArgumentException($"The matrix span holds {aLength} elements; rows x cols = {rows} x {cols} needs {(long)rows * cols}.", "a");
        }

        if (rows > bLength)
        {
            throw new ArgumentException($"The observation span holds {bLength} elements; it needs rows = {rows}.", "b");
        }

        if (wLength >= 0 && rows > wLength)
        {
            throw new ArgumentException($"The weight span holds {wLength} elements; it needs rows = {rows}.", "w");
        }

        if (cols > xLength)
        {
            throw new ArgumentException($"The solution span holds {xLength} elements; it needs cols = {cols}.", "x");
        }
    }

    public static void CheckSizes(int rows, int cols, MatrixLayout layout)
    {
        if (rows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be zero or positive.");
        }

        if (cols < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, "cols must be zero or positive.");
        }

        if (rows < cols)
        {
            throw new ArgumentException($"A least-squares fit needs at least as many rows as columns; rows = {rows}, cols = {cols}.", nameof(rows));
        }

        CheckLayout(layout);
    }

    public static void CheckLayout(MatrixLayout layout)
    {
        if (layout is not (MatrixLayout.RowMajor or MatrixLayout.ColumnMajor))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout.");
        }
    }

    /// <summary>A ridge must be a finite number ≥ 0: anything else is a caller's mistake, not a numerical failure.</summary>
    public static void CheckRidge<T>(T ridge)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(ridge >= T.Zero && T.IsFinite(ridge)))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "ridge must be finite and zero or positive.");
        }
    }
}
