using BenchmarkDotNet.Running;

namespace Specialized.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switches, e.g. --filter '*').</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
