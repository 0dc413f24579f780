using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Cluster;

/// <summary>The Orleans hosts of the two cluster roles: a silo, and the client `drive` talks through.</summary>
internal static class Hosting
{
    /// <summary>Every silo and client of one cluster must agree on these (Redis keys them too).</summary>
    public const string ClusterId = "specialized-cluster", ServiceId = "specialized-cluster";

    public static IHost Silo(CommandLine command)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder([]);
        QuietLogging(builder);
        builder.UseOrleans(silo =>
        {
            if (command.Redis is string redis)
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
                silo.UseRedisClustering(redis);
                // A Redis on this machine means a one-machine cluster: advertise loopback. Otherwise
                // advertise this host's address so silos on other machines can reach it.
                if (IsLoopback(redis))
                {
                    silo.ConfigureEndpoints(IPAddress.Loopback, command.SiloPort, command.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(command.SiloPort, command.GatewayPort, listenOnAnyHostAddress: true);
                }
            }
            else
            {
                IPEndPoint? primary = command.PrimaryPort == command.SiloPort ? null : new IPEndPoint(IPAddress.Loopback, command.PrimaryPort);
                silo.UseLocalhostClustering(command.SiloPort, command.GatewayPort, primary, ServiceId, ClusterId);
            }
        });
        return builder.Build();
    }

    /// <summary>Starts a client of the cluster (its services hold a <see cref="GatewayWatch"/>); fails within <paramref name="timeout"/> when no gateway answers.</summary>
    /// <exception cref="ClusterUnreachableException">No gateway could be reached.</exception>
    public static async Task<IHost> ConnectAsync(CommandLine command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder([]);
        QuietLogging(builder);
        var watch = new GatewayWatch();
        builder.Services.AddSingleton(watch);
        builder.UseOrleansClient(client =>
        {
            client.AddGatewayCountChangedHandler(watch.OnGatewayCountChanged);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
            if (command.Redis is string redis)
            {
                client.UseRedisClustering(redis);
            }
            else
            {
                client.UseStaticClustering([.. command.Gateways]);
            }

            // A gateway that died is retried and a new one found within seconds, not the default minute.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        });
        IHost host = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await host.StartAsync(deadline.Token);
            return host;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            string where = command.Redis is string r ? $"Redis membership at {r}" : $"gateways {string.Join(", ", command.Gateways)}";
            string why = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:F0} s" : e.GetBaseException().Message;
            throw new ClusterUnreachableException($"cannot reach the cluster through {where}: {why}", e);
        }
    }

    /// <summary>
    /// Warnings, and Orleans's errors only (a lost silo is expected here, not worth a stack trace),
    /// all on stderr: stdout carries the run's result line alone. These are defaults below the
    /// environment, so e.g. Logging__LogLevel__Orleans=Information shows more.
    /// </summary>
    private static void QuietLogging(HostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Orleans"] = "Error",
                // A client that cannot connect is reported once, by the program, not with the host's stack trace.
                ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "Critical",
            },
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static bool IsLoopback(string hostAndPort)
    {
        string host = hostAndPort[..hostAndPort.LastIndexOf(':')];
        return host == "localhost" || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
    }
}

/// <summary>No gateway of the cluster answered.</summary>
internal sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);
