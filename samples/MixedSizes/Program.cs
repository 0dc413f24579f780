using System;
using System.Globalization;
using MixedSizes;

// Usage: MixedSizes [count]   (default 100,000 systems)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : MixedSizesSample.DefaultCount;
MixedSizesSample.Run(count, Console.Out);
return 0;
