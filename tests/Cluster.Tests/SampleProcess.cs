using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Cluster.Tests;

/// <summary>The built sample (or another program) as a child process, its output kept line by line.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();

    private SampleProcess(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stdout)
                {
                    _stdout.Add(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string[] Stdout
    {
        get
        {
            lock (_stdout)
            {
                return [.. _stdout];
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Runs `dotnet Cluster.dll args`: the sample as built next to these tests.</summary>
    public static SampleProcess Sample(params string[] args) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "Cluster.dll"), .. args]);

    public static SampleProcess Program(string file, params string[] args) => new(file, args);

    /// <summary>Runs the sample to its end; fails the test if it takes longer than <paramref name="limit"/>.</summary>
    public static (int ExitCode, string[] Stdout, string Stderr) Run(TimeSpan limit, params string[] args)
    {
        using SampleProcess process = Sample(args);
        int code = process.WaitForExit(limit);
        return (code, process.Stdout, process.Stderr);
    }

    public void WaitForLine(string start, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!Stdout.Any(l => l.StartsWith(start, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"exited ({_process.ExitCode}) before printing '{start}': {Stderr}");
            }

            Assert.True(clock.Elapsed < limit, $"no line '{start}' within {limit}: {Stderr}");
            Thread.Sleep(20);
        }
    }

    public int WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            Kill();
            Assert.Fail($"still running after {limit}: {Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
