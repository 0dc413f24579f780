using System;
using System.IO;

namespace All;

/// <summary>One runnable sample: its name on the command line, what it shows, and how to run it with its defaults.</summary>
internal sealed record Sample(string Name, string Title, Action<TextWriter, IProgress<double>> Run);
