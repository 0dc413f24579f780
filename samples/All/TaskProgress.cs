using System;
using Spectre.Console;

namespace All;

/// <summary>Moves a progress bar straight from the sample's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class TaskProgress(ProgressTask task) : IProgress<double>
{
    public void Report(double value) => task.Value = Math.Clamp(value, 0, 1) * task.MaxValue;
}
