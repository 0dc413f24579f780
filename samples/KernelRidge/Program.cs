using System;
using System.Globalization;
using KernelRidge;

// Usage: KernelRidge [N] [M]   dense fit of N points (default 4,000; up to 10,000), then the matrix-free
// solve of M points (default 1,000,000; 0 skips it).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int n = args.Length > 0 ? int.Parse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture) : KernelRidgeSample.DefaultN;
int m = args.Length > 1 ? int.Parse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture) : MatrixFreeSample.DefaultN;
KernelRidgeSample.Run(n, Console.Out);
if (m > 0)
{
    MatrixFreeSample.Run(m, Console.Out);
}

return 0;
