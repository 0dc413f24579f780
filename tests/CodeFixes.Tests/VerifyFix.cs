using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Specialized.Analyzers.Tests;

namespace Specialized.CodeFixes.Tests;

/// <summary>
/// Applies Specialized's code fixes with the standard Roslyn test harness (<see cref="SpecializedCodeFixTest"/>),
/// once per framework in <see cref="TestTargets"/>. A source marks the diagnostic to fix as <c>[|text|]</c>
/// (shorthand for <c>{|ID:text|}</c>) and every other diagnostic it raises with <c>{|ID:text|}</c>. The harness
/// applies the fix titled <c>title</c> until no fixable diagnostic is left, then runs every analyzer over the
/// result: the fixed sources must equal the expected text, and what the analyzers and compiler report on them must
/// be exactly their markup. The expected texts themselves may not mark the fixed rule, nor more diagnostics of any
/// other ID than the sources had: a fix leaves clean code and raises nothing new.
/// </summary>
internal static class VerifyFix
{
    /// <summary>
    /// Applies the fix titled <paramref name="title"/> (the <paramref name="index"/>-th offered, when given) to the
    /// diagnostics <paramref name="id"/> marked in the sources; <paramref name="expected"/> holds the expected text
    /// of each source, in order (null: the source as it was, less the fixed diagnostics' markup).
    /// </summary>
    public static async Task FixAsync(string id, string title, string[] markedSources, string?[] expected, int? index = null)
    {
        string[] sources = markedSources.Select(source => Expand(source, id)).ToArray();
        string[] fixedSources = sources.Select((source, i) => expected[i] ?? Unmark(source, id)).ToArray();
        AssertCleanFix(id, sources, fixedSources);

        foreach (TestTarget target in TestTargets.All)
        {
            var test = new SpecializedCodeFixTest(target, id) { CodeActionEquivalenceKey = title, CodeActionIndex = index };
            for (int i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"Test{i}.cs", sources[i]));
                test.FixedState.Sources.Add(($"Test{i}.cs", fixedSources[i]));
            }

            await test.RunAsync();
        }
    }

    /// <summary>The same, for a fix that edits only the first of one or more sources.</summary>
    public static Task FixAsync(string id, string title, string markedSource, string expected, params string[] otherSources) =>
        FixAsync(id, title, [markedSource, .. otherSources], [expected, .. otherSources.Select(_ => (string?)null)]);

    /// <summary>Asserts that no fix is offered for the diagnostics <paramref name="id"/> marked in the sources.</summary>
    public static async Task NoFixAsync(string id, params string[] markedSources)
    {
        string[] sources = markedSources.Select(source => Expand(source, id)).ToArray();
        foreach (TestTarget target in TestTargets.All)
        {
            // Fixed sources equal to the sources: the harness asserts that no fix is offered.
            var test = new SpecializedCodeFixTest(target, id);
            for (int i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"Test{i}.cs", sources[i]));
                test.FixedState.Sources.Add(($"Test{i}.cs", sources[i]));
            }

            await test.RunAsync();
        }
    }

    private static string Expand(string source, string id) => source.Replace("[|", "{|" + id + ":").Replace("|]", "|}");

    private static void AssertCleanFix(string id, string[] sources, string[] fixedSources)
    {
        Dictionary<string, int> before = Count(sources), after = Count(fixedSources);
        Assert.False(after.ContainsKey(id), $"The fixed code still has {id}.");
        foreach ((string other, int count) in after)
        {
            Assert.True(before.TryGetValue(other, out int had) && had >= count, $"The fix raises a new {other}.");
        }
    }

    private static Dictionary<string, int> Count(IEnumerable<string> sources) =>
        sources.SelectMany(source => Regex.Matches(source, @"\{\|([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value))
            .GroupBy(diagnostic => diagnostic)
            .ToDictionary(group => group.Key, group => group.Count());

    /// <summary><paramref name="source"/> without the <c>{|ID:…|}</c> markup of <paramref name="id"/> (other markup kept).</summary>
    private static string Unmark(string source, string id)
    {
        string open = "{|" + id + ":";
        var output = new StringBuilder(source.Length);
        var opened = new Stack<bool>();
        for (int i = 0; i < source.Length;)
        {
            if (string.CompareOrdinal(source, i, "{|", 0, 2) == 0)
            {
                bool drop = string.CompareOrdinal(source, i, open, 0, open.Length) == 0;
                opened.Push(drop);
                int colon = source.IndexOf(':', i);
                if (!drop)
                {
                    output.Append(source, i, colon + 1 - i);
                }

                i = colon + 1;
            }
            else if (string.CompareOrdinal(source, i, "|}", 0, 2) == 0 && opened.Count > 0)
            {
                if (!opened.Pop())
                {
                    output.Append("|}");
                }

                i += 2;
            }
            else
            {
                output.Append(source[i]);
                i++;
            }
        }

        return output.ToString();
    }
}
