using System;

namespace MovingLeastSquares;

/// <summary>
/// The known surface the point cloud is sampled from: a height field z = f(x, y) over the unit
/// square, smooth but curved enough (a few bumps across the square) that a plane would not do.
/// </summary>
internal static class Surface
{
    public static double Height(double x, double y) => 0.25 * Math.Sin(2 * Math.PI * x) * Math.Cos(Math.PI * y) + 0.1 * x * y;
}
