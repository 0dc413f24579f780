using System;
using System.Globalization;
using System.IO;
using System.Linq;
using All;
using Kalman;
using KernelRidge;
using MixedSizes;
using MovingLeastSquares;
using Spectre.Console;

// Usage: All [sample ...]   runs every sample with its defaults, or the ones named (mixed, kalman, ridge, ridge-free, mls).
// Each sample runs under a progress bar; its report is printed when it ends. Exit code 1 if any check failed.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Sample[] samples =
[
    new("mixed", "Mixed sizes: SPD solves of order 1..400", (output, progress) => MixedSizesSample.Run(MixedSizesSample.DefaultCount, output, progress)),
    new("kalman", "Kalman filter: 10 x 10 solves per step", (output, progress) => KalmanSample.Run(KalmanSample.DefaultSteps, output, progress)),
    new("ridge", "Kernel ridge / Gaussian process", (output, progress) => KernelRidgeSample.Run(KernelRidgeSample.DefaultN, output, progress)),
    new("ridge-free", "Kernel ridge, matrix-free: 10⁶ points", (output, progress) => MatrixFreeSample.Run(MatrixFreeSample.DefaultN, output, progress)),
    new("mls", "Moving least squares: weighted 6-column fits", (output, progress) => MovingLeastSquaresSample.Run(MovingLeastSquaresSample.DefaultParticles, output, progress)),
];

string[] unknown = args.Where(a => !samples.Any(s => s.Name.Equals(a, StringComparison.OrdinalIgnoreCase))).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown sample(s): {string.Join(", ", unknown)}; the samples are {string.Join(", ", samples.Select(s => s.Name))}");
    return 2;
}

Sample[] chosen = args.Length == 0 ? samples : samples.Where(s => args.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
int failed = 0;
foreach (Sample sample in chosen)
{
    AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(sample.Title)}[/]").LeftJustified());
    var report = new StringWriter(CultureInfo.InvariantCulture);
    Exception? failure = null;
    AnsiConsole.Progress()
        .AutoClear(true)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
        .Start(context =>
        {
            ProgressTask task = context.AddTask(Markup.Escape(sample.Name), maxValue: 1);
            try
            {
                sample.Run(report, new TaskProgress(task));
            }
            catch (InvalidOperationException e)
            {
                failure = e;
            }

            task.StopTask();
        });

    Console.Write(report.ToString());
    if (failure is not null)
    {
        failed++;
        AnsiConsole.MarkupLine($"[red]FAILED:[/] {Markup.Escape(failure.Message)}");
    }

    Console.WriteLine();
}

AnsiConsole.MarkupLine(failed == 0
    ? $"[green]{chosen.Length} sample(s) ran, every check passed[/]"
    : $"[red]{failed} of {chosen.Length} sample(s) failed a check[/]");
return failed == 0 ? 0 : 1;
