using System;
using System.Globalization;
using KernelRidge;

// Usage: KernelRidge [N]   (default 4,000 points; up to 10,000)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int n = args.Length > 0 ? int.Parse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture) : KernelRidgeSample.DefaultN;
KernelRidgeSample.Run(n, Console.Out);
return 0;
