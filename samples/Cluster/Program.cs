using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

// The cluster sample: silo (a worker), drive (sends the batches to the workers, records the
// answers) and local (the same batches in this process). See README.md for the command lines.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (command.Role == "silo")
{
    using IHost silo = Hosting.Silo(command);
    try
    {
        await silo.StartAsync(stop.Token);
    }
    catch (Exception e) when (!stop.IsCancellationRequested)
    {
        Console.Error.WriteLine($"error: the silo did not start: {e.GetBaseException().Message}");
        return 1;
    }

    Console.WriteLine($"silo up: port {command.SiloPort}, gateway {command.GatewayPort}" + (command.Redis is null ? "" : $", membership in Redis at {command.Redis}"));
    await silo.WaitForShutdownAsync(stop.Token);
    return 0;
}

var plan = BatchPlan.Create(command.Systems);
var tally = new Tally();
ResultStore store;
try
{
    store = ResultStore.Open(command.OutDirectory, plan, command.Seed, tally);
}
catch (ForeignDirectoryException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 3;
}

var progress = new ProgressLine(Console.Error, plan, tally);
Console.Error.WriteLine($"{command.Role}: {plan.Systems:N0} systems in {plan.Count:N0} batches into {command.OutDirectory}; {tally.Recorded:N0} recorded before");
try
{
    if (command.Role == "local")
    {
        LocalRunner.Run(plan, command.Seed, store, tally, command.Threads, progress, stop.Token);
    }
    else
    {
        using IHost client = await Hosting.ConnectAsync(command, TimeSpan.FromSeconds(10), stop.Token);
        var driver = new Driver(
            client.Services.GetRequiredService<IClusterClient>(), plan, command.Seed, store, tally, new DriveOptions(), Console.Error,
            client.Services.GetRequiredService<GatewayWatch>());
        await driver.RunAsync(progress, stop.Token);
        await client.StopAsync(CancellationToken.None);
    }
}
catch (ClusterUnreachableException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 4;
}
catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or AggregateException)
{
    Console.Error.WriteLine("stopped; a run with the same arguments resumes from what is recorded");
}

progress.Report(force: true);
(string line, bool passed) = tally.Summary(plan, progress.Seconds);
Console.WriteLine(line);
return passed ? 0 : 1;
