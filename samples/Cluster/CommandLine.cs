using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;

namespace Cluster;

/// <summary>The program's arguments, checked: one role and its options.</summary>
internal sealed record CommandLine
{
    public const string Usage = """
        usage:
          Cluster silo  [--port P] [--gateway G] [--primary P0] [--redis HOST:PORT]
          Cluster drive --systems N [--seed S] [--out DIR] [--gateways G1,G2,...] [--redis HOST:PORT]
          Cluster local --systems N [--seed S] [--out DIR] [--threads T]
        """;

    public const int DefaultSiloPort = 11111, DefaultGatewayPort = 30000, DefaultSeed = 2026;

    public required string Role { get; init; }

    public int SiloPort { get; init; } = DefaultSiloPort;

    public int GatewayPort { get; init; } = DefaultGatewayPort;

    public int PrimaryPort { get; init; } = DefaultSiloPort;

    public string? Redis { get; init; }

    public long Systems { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    public string? Out { get; init; }

    /// <summary>Where the results go: --out, or a directory named after N and S.</summary>
    public string OutDirectory => Out ?? $"cluster-results-{Systems}-{Seed}";

    public IReadOnlyList<IPEndPoint> Gateways { get; init; } = [new IPEndPoint(IPAddress.Loopback, DefaultGatewayPort)];

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <exception cref="FormatException">The arguments are not a valid command line; the message says why.</exception>
    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new FormatException("no role given");
        }

        string role = args[0];
        string[] allowed = role switch
        {
            "silo" => ["--port", "--gateway", "--primary", "--redis"],
            "drive" => ["--systems", "--seed", "--out", "--gateways", "--redis"],
            "local" => ["--systems", "--seed", "--out", "--threads"],
            _ => throw new FormatException($"unknown role '{role}': the roles are silo, drive and local"),
        };

        var values = new Dictionary<string, string>();
        for (int i = 1; i < args.Length; i += 2)
        {
            if (!allowed.Contains(args[i]))
            {
                throw new FormatException($"{role}: unknown option '{args[i]}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new FormatException($"{role}: {args[i]} needs a value");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw new FormatException($"{role}: {args[i]} given twice");
            }
        }

        if (role != "silo" && !values.ContainsKey("--systems"))
        {
            throw new FormatException($"{role}: --systems N is required");
        }

        if (values.ContainsKey("--gateways") && values.ContainsKey("--redis"))
        {
            throw new FormatException("drive: give --gateways (localhost clustering) or --redis (Redis membership), not both");
        }

        int siloPort = Port(values, "--port", DefaultSiloPort);
        return new CommandLine
        {
            Role = role,
            SiloPort = siloPort,
            GatewayPort = Port(values, "--gateway", DefaultGatewayPort),
            PrimaryPort = Port(values, "--primary", DefaultSiloPort),
            Redis = values.GetValueOrDefault("--redis") is string redis ? Endpoint(redis, "--redis", requireHost: true).Original : null,
            Systems = values.TryGetValue("--systems", out string? n) ? Number(n, "--systems", 0, long.MaxValue) : 0,
            Seed = values.TryGetValue("--seed", out string? s) ? (int)Number(s, "--seed", int.MinValue, int.MaxValue) : DefaultSeed,
            Out = values.GetValueOrDefault("--out"),
            Gateways = values.TryGetValue("--gateways", out string? g)
                ? g.Split(',', StringSplitOptions.TrimEntries).Select(e => Endpoint(e, "--gateways", requireHost: false).EndPoint).ToArray()
                : [new IPEndPoint(IPAddress.Loopback, DefaultGatewayPort)],
            Threads = values.TryGetValue("--threads", out string? t) ? (int)Number(t, "--threads", 1, 4096) : Environment.ProcessorCount,
        };
    }

    private static int Port(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out string? text) ? (int)Number(text, name, 1, 65535) : fallback;

    private static long Number(string text, string name, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
        {
            throw new FormatException($"{name} must be an integer in {min}..{max}, not '{text}'");
        }

        return value;
    }

    /// <summary>PORT (on this machine) or HOST:PORT.</summary>
    private static (IPEndPoint EndPoint, string Original) Endpoint(string text, string name, bool requireHost)
    {
        int colon = text.LastIndexOf(':');
        string host = colon < 0 ? "127.0.0.1" : text[..colon];
        string port = colon < 0 ? text : text[(colon + 1)..];
        if ((requireHost && colon < 0) || host.Length == 0)
        {
            throw new FormatException($"{name} wants HOST:PORT, not '{text}'");
        }

        int number = (int)Number(port, name, 1, 65535);
        IPAddress address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out IPAddress? parsed) ? parsed
            : Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new FormatException($"{name}: cannot resolve '{host}'");
        return (new IPEndPoint(address, number), text);
    }
}
