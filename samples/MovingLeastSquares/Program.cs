using System;
using System.Globalization;
using MovingLeastSquares;

// Usage: MovingLeastSquares [particles]   (default 10,000)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int particles = args.Length > 0 ? int.Parse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture) : MovingLeastSquaresSample.DefaultParticles;
MovingLeastSquaresSample.Run(particles, Console.Out);
return 0;
