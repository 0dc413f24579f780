using System.Linq;
using System.Text.RegularExpressions;

namespace Specialized.Generator.Tests;

/// <summary>
/// The prefetch hints of the generated code, which no result can show: a batch pass asks for the next
/// pass's lines in the order that pass reads them, and a row-major fit asks for the start of A before its
/// kernel, whose own hints run 4 KiB ahead, and for b (and w) as many rows ahead, never past the rows.
/// </summary>
public class PrefetchHintTests
{
    private static readonly Regex s_hint = new(@"KernelHints\.Prefetch\(in Unsafe\.Add\(ref (an|bn|xn), (\d+)\)\);|KernelHints\.Prefetch\(in (an|bn|xn)\);", RegexOptions.Compiled);

    [Theory]
    [InlineData("double", 16, "Batch16Wide", 8)]
    [InlineData("double", 9, "Batch9Wide", 16)]
    [InlineData("float", 12, "Batch12", 8)]
    [InlineData("float", 13, "Batch13Wide", 16)]
    public void A_pass_asks_for_right_hand_sides_first_then_each_systems_lines_in_read_order(string type, int n, string kernel, int systems)
    {
        string body = KernelBody(Generate($"[SpdSolve(MaxN = 16)] public static partial void Solve(ReadOnlySpan<{type}> a, ReadOnlySpan<{type}> b, Span<{type}> x, Span<SolveResult> results, int n);"), kernel);
        var hints = s_hint.Matches(body).Select(m => m.Groups[1].Success ? (Role: m.Groups[1].Value, Offset: int.Parse(m.Groups[2].Value)) : (Role: m.Groups[3].Value, Offset: 0)).ToList();

        int perLine = 64 / (type == "double" ? 8 : 4);
        int size = n * n;
        var matrix = hints.Where(h => h.Role == "an").Select(h => h.Offset).ToList();
        Assert.True(hints.FindLastIndex(h => h.Role == "bn") < hints.FindIndex(h => h.Role == "an"), "b's hints come first");
        Assert.True(hints.FindLastIndex(h => h.Role == "an") < hints.FindIndex(h => h.Role == "xn"), "x's hints come last");

        // Every line of the pass's matrices once: one hint per 64 bytes from the start, and the last element.
        var expected = Enumerable.Range(0, (systems * size + perLine - 1) / perLine).Select(k => k * perLine).Append(systems * size - 1).Distinct().OrderBy(o => o);
        Assert.Equal(expected, matrix.OrderBy(o => o));

        // Read order: by place within a system, then by system.
        var keys = matrix.Select(o => ((o % size) * systems) + (o / size)).ToList();
        Assert.Equal(keys.OrderBy(k => k), keys);
    }

    [Theory]
    [InlineData("double", "RowMajor", 512, 8)]
    [InlineData("float", "RowMajor", 1024, 16)]
    public void A_row_major_fit_asks_for_the_first_4_KiB_of_A_before_the_kernel(string type, string layout, int limit, int step)
    {
        string source = Generate($"[LeastSquares(MaxCols = 4, Layout = MatrixLayout.{layout})] public static partial SolveResult Fit(ReadOnlySpan<{type}> a, ReadOnlySpan<{type}> b, Span<{type}> x, int rows, int cols);");
        string dispatch = KernelBody(source, "Dispatch");
        string loop = $"for (int k = 0; k < rows * cols && k < {limit}; k += {step})";

        Assert.Contains(loop, dispatch);
        Assert.Contains("KernelHints.Prefetch(in Unsafe.Add(ref ra, k));", dispatch);
        Assert.True(dispatch.IndexOf(loop, System.StringComparison.Ordinal) < dispatch.IndexOf("switch (cols)", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("double", false)]
    [InlineData("double", true)]
    [InlineData("float", false)]
    [InlineData("float", true)]
    public void A_row_major_fit_asks_for_b_and_w_as_far_ahead_as_A_and_only_within_the_rows(string type, bool weighted)
    {
        string w = weighted ? $"ReadOnlySpan<{type}> w, " : "";
        string source = Generate($"[LeastSquares(MaxCols = 8)] public static partial SolveResult Fit(ReadOnlySpan<{type}> a, ReadOnlySpan<{type}> b, {w}Span<{type}> x, int rows, int cols);");
        int aheadBytes = 4096, size = type == "double" ? 8 : 4;
        string[] streams = weighted ? ["b", "w"] : ["b"];
        for (int cols = 1; cols <= 8; cols++)
        {
            string kernel = KernelBody(source, $"Fit{cols}");
            int guard = int.Parse(Regex.Match(kernel, @"int prefetchRows = rows - (\d+);").Groups[1].Value);
            foreach (string stream in streams)
            {
                var ahead = Regex.Matches(kernel, $@"KernelHints\.Prefetch\(in Unsafe\.Add\(ref {stream}, i \+ (\d+)\)\);").Select(m => int.Parse(m.Groups[1].Value)).ToList();
                int rowsAhead = Assert.Single(ahead);

                // As many rows ahead as A's hints (4 KiB of A), and inside the test i < rows − guard, so i + rowsAhead < rows.
                Assert.InRange(rowsAhead * cols * size, aheadBytes - (cols * size), aheadBytes);
                Assert.True(rowsAhead <= guard, $"cols = {cols}: {stream} asked for {rowsAhead} rows ahead, past the {guard} rows the loop keeps clear");
                int hint = kernel.IndexOf($"ref {stream}, i + {rowsAhead}", System.StringComparison.Ordinal);
                Assert.InRange(kernel.LastIndexOf("if (i < prefetchRows)", hint, System.StringComparison.Ordinal), 0, hint);

            }
        }

        // The rows of A's first 4 KiB (k < rows · cols, so k / cols < rows), before the kernel.
        string dispatch = KernelBody(source, "Dispatch");
        int head = dispatch.IndexOf($"for (int k = 0; k < rows * cols && k < {aheadBytes / size}; k += {64 / size})", System.StringComparison.Ordinal);
        Assert.True(head >= 0, "the dispatch has the head loop");
        string headLoop = dispatch.Substring(head, dispatch.IndexOf('}', head) - head);
        foreach (string stream in streams)
        {
            Assert.Contains($"KernelHints.Prefetch(in Unsafe.Add(ref r{stream}, k / cols));", headLoop);
        }
    }

    [Fact]
    public void A_column_major_fit_gives_no_head_hints()
    {
        string source = Generate("[LeastSquares(MaxCols = 4, Layout = MatrixLayout.ColumnMajor)] public static partial SolveResult Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int rows, int cols);");

        Assert.DoesNotContain("KernelHints.Prefetch(in Unsafe.Add(ref ra, k));", KernelBody(source, "Dispatch"));
    }

    private static string Generate(string declaration)
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile($$"""
            using System;
            using Specialized;
            namespace Demo;
            /// <summary>Solvers under test.</summary>
            public static partial class Solvers
            {
                /// <summary>The method under test.</summary>
                {{declaration}}
            }
            """));
        Assert.Empty(GeneratorHarness.Problems(output));
        return Assert.Single(GeneratorHarness.Sources(result)).Value;
    }

    // The text of one generated method, from its declaration to the next method's summary.
    private static string KernelBody(string source, string method)
    {
        var declaration = new Regex($@"public static \w+ {method}\(");
        int start = declaration.Match(source) is { Success: true } match ? match.Index : -1;
        Assert.True(start >= 0, $"{method} is generated");
        int end = source.IndexOf("/// <summary>", start, System.StringComparison.Ordinal);
        return end < 0 ? source.Substring(start) : source.Substring(start, end - start);
    }
}
