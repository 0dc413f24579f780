using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace Specialized.Generator.Tests;

/// <summary>
/// Compares generated text with a checked-in Snapshots/NAME.verified.cs. On a mismatch it writes
/// NAME.received.cs beside it (git ignores those) and fails with a line diff; with
/// SPECIALIZED_ACCEPT_SNAPSHOTS=1 it overwrites the verified file instead.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "SPECIALIZED_ACCEPT_SNAPSHOTS";

    public static void Matches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        string verifiedPath = Path.Combine(folder, name + ".verified.cs");
        string receivedPath = Path.Combine(folder, name + ".received.cs");
        actual = Normalize(actual);
        string? expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        string reason = expected is null ? $"No snapshot {verifiedPath} yet." : $"Snapshot {verifiedPath} differs:\n{Diff(expected, actual)}";
        throw new Xunit.Sdk.XunitException($"{reason}\nReceived: {receivedPath}\nAccept with {AcceptVariable}=1 after reading the diff.");
    }

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n");

    /// <summary>The first differing lines with two lines of context, enough to see what moved.</summary>
    private static string Diff(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        int first = 0;
        while (first < e.Length && first < a.Length && e[first] == a[first])
        {
            first++;
        }

        var text = new StringBuilder();
        int from = Math.Max(0, first - 2);
        for (int i = from; i < first; i++)
        {
            text.Append("  ").Append(i + 1).Append(": ").AppendLine(e[i]);
        }

        for (int i = first; i < Math.Min(e.Length, first + 8); i++)
        {
            text.Append("- ").Append(i + 1).Append(": ").AppendLine(e[i]);
        }

        for (int i = first; i < Math.Min(a.Length, first + 8); i++)
        {
            text.Append("+ ").Append(i + 1).Append(": ").AppendLine(a[i]);
        }

        text.Append($"(expected {e.Length} lines, received {a.Length})");
        return text.ToString();
    }
}
