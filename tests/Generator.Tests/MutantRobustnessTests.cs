using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Analyzers;
using Specialized.Generator.Tests.Mutation;
using Xunit.Abstractions;

namespace Specialized.Generator.Tests;

/// <summary>
/// Roslyn's rule, held on thousands of broken sources: the generator never throws (no exception in
/// its run result, so no CS8785) and no analyzer fails (no AD0001, no exception reported to the
/// host). The sources are deterministic mutants of every user source in the repository
/// (<see cref="SeedSources"/>, <see cref="SourceMutator"/>), plus the seeds themselves.
/// SPECIALIZED_LONG_FUZZ=1 makes ten times as many mutants.
/// </summary>
public class MutantRobustnessTests(ITestOutputHelper output)
{
    private static readonly int MutantCount = Environment.GetEnvironmentVariable("SPECIALIZED_LONG_FUZZ") == "1" ? 100_000 : 10_000;

    [Fact]
    public async Task Generator_and_analyzers_never_throw_on_mutated_sources()
    {
        IReadOnlyList<SeedSource> seeds = SeedSources.Load();
        ImmutableArray<DiagnosticAnalyzer> analyzers = AllAnalyzers();

        // One compilation's references and one parse options for every mutant: binding the BCL once is most of the saving.
        Compilation baseline = GeneratorHarness.Compile("global using System;\nglobal using Specialized;\n")
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new SpdSolveGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);

        var failures = new ConcurrentBag<(int Case, string Report)>();
        int generated = 0, reported = 0;
        var stopwatch = Stopwatch.StartNew();

        // Cases below seeds.Count are the seeds as they are; the rest are mutants of seed (case % seeds.Count).
        int total = seeds.Count + MutantCount;
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (k, cancellationToken) =>
        {
            SeedSource seed = seeds[k % seeds.Count];
            string text = k < seeds.Count ? seed.Text : SourceMutator.Mutate(seed.Text, new Random(k));
            Compilation compilation = baseline.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, "Mutant.cs", cancellationToken: cancellationToken));

            GeneratorDriverRunResult run = driver.RunGenerators(compilation, cancellationToken).GetRunResult();
            var problems = run.Results.Where(r => r.Exception is not null).Select(r => $"generator threw {r.Exception}").ToList();
            problems.AddRange(run.Diagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => d.ToString()));

            // The analyzers see the mutant without the generated code: CompileOutputTests holds that code to compiling
            // cleanly, and binding it again for every mutant would only cost time.
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
            problems.AddRange(exceptions);
            problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));

            if (problems.Count > 0)
            {
                failures.Add((k, $"case {k} ({(k < seeds.Count ? "" : "mutant of ")}{seed.Origin}):\n{string.Join("\n", problems)}\n--- source ---\n{text}"));
            }

            if (!run.GeneratedTrees.IsEmpty)
            {
                Interlocked.Increment(ref generated);
            }

            if (!diagnostics.IsEmpty)
            {
                Interlocked.Increment(ref reported);
            }
        });

        output.WriteLine($"{seeds.Count} seed sources + {MutantCount} mutants, {analyzers.Length} analyzers: {stopwatch.Elapsed.TotalSeconds:F1} s; "
            + $"the generator emitted for {generated}, the analyzers reported on {reported}.");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {total} sources broke the generator or an analyzer. The first:\n\n"
            + string.Join("\n\n", failures.OrderBy(f => f.Case).Take(3).Select(f => f.Report)));

        // A setup that binds nothing (a missing reference, a seed search gone wrong) would pass vacuously.
        // (Today about 14% and 48%: many seeds are test cases the generator is meant to reject.)
        Assert.True(generated > total / 20, $"The generator emitted for only {generated} of {total} sources.");
        Assert.True(reported > total / 10, $"The analyzers reported on only {reported} of {total} sources.");
    }

    // Every analyzer the assembly ships, found by reflection so a new one is covered without an edit here.
    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers()
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(SignatureAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.True(analyzers.Length >= 9, $"Found only {analyzers.Length} analyzers.");
        return analyzers;
    }
}
