using System;
using System.Globalization;
using Kalman;

// Usage: Kalman [steps]   (default 1,000,000)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
long steps = args.Length > 0 ? long.Parse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture) : KalmanSample.DefaultSteps;
KalmanSample.Run(steps, Console.Out);
return 0;
