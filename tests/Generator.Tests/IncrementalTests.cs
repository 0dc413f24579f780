using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Specialized.Generator.Tests;

/// <summary>The pipeline caches: an unrelated edit re-runs nothing, and the model holds no compilation objects.</summary>
public class IncrementalTests
{
    private const string Solvers = """
        using System;
        using Specialized;
        namespace Demo;
        /// <summary>Solvers under test.</summary>
        public static partial class Fits
        {
            [SpdSolve(MaxN = 3)] public static partial bool Solve(Span<double> a, Span<double> b, int n);
            [SpdSolve(MaxN = 2)] public static partial SolveResult Keep(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n, int nrhs);
            [SpdSolve(MaxN = 2)] public static partial void Factored(ReadOnlySpan<double> factor, Span<double> b, int n);
            [SpdFactor(MaxN = 4)] public static partial bool Factor(Span<double> a, int n);
            [SpdInverse(MaxN = 2)] public static partial SolveResult Invert(ReadOnlySpan<float> a, Span<float> inverse, int n);
        }
        """;

    private const string Unrelated = """
        namespace Demo;
        /// <summary>Other code.</summary>
        public static class Other
        {
            /// <summary>Adds.</summary>
            /// <param name="x">A value.</param>
            /// <returns>x plus one.</returns>
            public static int AddOne(int x) => x + 1;
        }
        """;

    private static readonly string[] s_steps =
    [
        SpdSolveGenerator.ParseStep,
        SpdSolveGenerator.FactorParseStep,
        SpdSolveGenerator.InverseParseStep,
        SpdSolveGenerator.CollectStep,
    ];

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        Compilation first = GeneratorHarness.Compile(Solvers, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var before = GeneratorHarness.Sources(driver.GetRunResult());

        SyntaxTree unrelated = first.SyntaxTrees.Last();
        Compilation second = first.ReplaceSyntaxTree(
            unrelated,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("x + 1", "x + 2"), GeneratorHarness.ParseOptions, unrelated.FilePath));
        driver = driver.RunGenerators(second);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        foreach (string step in s_steps)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            var reasons = run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(before, GeneratorHarness.Sources(driver.GetRunResult()));
    }

    [Fact]
    public void Editing_a_solver_reruns_only_what_changed()
    {
        Compilation first = GeneratorHarness.Compile(Solvers, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        SyntaxTree solvers = first.SyntaxTrees.First();
        Compilation second = first.ReplaceSyntaxTree(
            solvers,
            CSharpSyntaxTree.ParseText(Solvers.Replace("MaxN = 3", "MaxN = 4"), GeneratorHarness.ParseOptions, solvers.FilePath));
        driver = driver.RunGenerators(second);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        var parse = run.TrackedSteps[SpdSolveGenerator.ParseStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, parse);
        Assert.Contains(IncrementalStepRunReason.Unchanged, parse);
        Assert.Contains("case 4:", GeneratorHarness.Sources(driver.GetRunResult())["Demo.Fits.Solve.InPlace.Double.g.cs"]);

        // The factor's MaxN = 4 is untouched: its parse step is cached.
        var factorParse = run.TrackedSteps[SpdSolveGenerator.FactorParseStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.All(factorParse, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{SpdSolveGenerator.FactorParseStep}: {r}"));
    }

    [Fact]
    public void Editing_a_factor_reruns_its_parse_step_only()
    {
        Compilation first = GeneratorHarness.Compile(Solvers, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        SyntaxTree solvers = first.SyntaxTrees.First();
        Compilation second = first.ReplaceSyntaxTree(
            solvers,
            CSharpSyntaxTree.ParseText(Solvers.Replace("[SpdFactor(MaxN = 4)]", "[SpdFactor(MaxN = 5)]"), GeneratorHarness.ParseOptions, solvers.FilePath));
        driver = driver.RunGenerators(second);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, run.TrackedSteps[SpdSolveGenerator.FactorParseStep].SelectMany(s => s.Outputs).Select(o => o.Reason));
        foreach (string step in new[] { SpdSolveGenerator.ParseStep, SpdSolveGenerator.InverseParseStep })
        {
            Assert.All(
                run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason),
                r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.Contains("case 5:", GeneratorHarness.Sources(driver.GetRunResult())["Demo.Fits.Factor.Factor.Double.g.cs"]);
    }

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_or_compilations()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Solvers));
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        var values = s_steps
            .SelectMany(step => run.TrackedSteps[step])
            .SelectMany(s => s.Outputs)
            .Select(o => o.Value)
            .ToArray();
        Assert.NotEmpty(values);
        foreach (object value in values)
        {
            AssertNoCompilationObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), path: value.GetType().Name);
        }
    }

    private static void AssertNoCompilationObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or Location or SemanticModel,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                AssertNoCompilationObjects(item, seen, $"{path}[{i++}]");
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilationObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }
}
