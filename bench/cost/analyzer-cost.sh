#!/usr/bin/env bash
# Measures what Specialized's analyzers cost a build: writes a 200-file console project to a temp
# folder (ordinary code plus solver calls in loops, some of which the analyzers flag), references the
# repository's freshly built runtime, generator and analyzers, builds it with -p:ReportAnalyzer=true
# through the compiler server, and prints the compiler's analyzer report next to the Csc task time.
# Most files hold code the analyzers examine and pass (buffers allocated before the loop, results
# checked, layouts matching); every flagged-th file holds the mistakes instead (allocations in the
# loop, rows flattened per call, a layout mismatch, an ignored result: six warnings per file).
# Usage: bench/cost/analyzer-cost.sh [files=200] [builds=3] [flagged=10]   (the first build warms the
# compiler server; the last build's report is printed, then every later build's share and their median).
set -euo pipefail

files=${1:-200}
builds=${2:-3}
flagged=${3:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/specialized-analyzer-cost.XXXXXX")
# The generated project and its build logs are removed at the end unless KEEP=1.
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Runtime/Specialized.csproj" -c Release -f net10.0 -nologo -v:q >/dev/null
runtime="$root/src/Runtime/bin/Release/net10.0/Specialized.dll"
analyzers="$root/src/Analyzers/bin/Release/netstandard2.0/Specialized.Analyzers.dll"
generator="$root/src/Generator/bin/Release/netstandard2.0/Specialized.Generator.dll"

for name in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
    echo '<Project />' > "$work/$name"
done

cat > "$work/Cost.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Library</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$runtime" />
    <Analyzer Include="$analyzers" />
    <Analyzer Include="$generator" />
  </ItemGroup>
</Project>
XML

cat > "$work/Solvers.cs" <<'CS'
using Specialized;

namespace Cost;

internal static partial class Solvers
{
    [SpdSolve(MaxN = 8)]
    public static partial bool Solve(Span<double> a, Span<double> b, int n);

    [SpdSolve(MaxN = 8, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    [SpdFactor(MaxN = 8)]
    public static partial SolveResult Factor(Span<double> a, int n);

    [MatrixLayout(MatrixLayout.RowMajor)]
    public static readonly double[] Shared = new double[64];

    [MatrixLayout(MatrixLayout.ColumnMajor)]
    public static readonly double[] Columns = new double[64];
}
CS

# The two solver-calling methods of file $1: the mistakes in every flagged-th file, clean code elsewhere.
steps_and_rows() {
    if (( flagged > 0 && $1 % flagged == 0 )); then
cat <<'CS'
    public static double Steps(int steps, int n)
    {
        double sum = 0;
        for (int step = 0; step < steps; step++)
        {
            var a = new double[n * n];
            var b = new double[n];
            for (int i = 0; i < n; i++)
            {
                a[(i * n) + i] = 2 + step;
                b[i] = i;
            }

            if (Solvers.Solve(a, b, n))
            {
                sum += b[0];
            }
        }

        return sum;
    }

    public static double Rows(double[][] rows, double[] b, double[] x)
    {
        Solvers.Solve(rows.SelectMany(r => r).ToArray(), b, x, rows.Length);
        return Solvers.Solve(Solvers.Shared, b, x, 8) ? x[0] : double.NaN;
    }
CS
    else
cat <<'CS'
    public static double Steps(int steps, int n)
    {
        double sum = 0;
        var a = new double[n * n];
        var b = new double[n];
        for (int step = 0; step < steps; step++)
        {
            Array.Clear(a);
            for (int i = 0; i < n; i++)
            {
                a[(i * n) + i] = 2 + step;
                b[i] = i;
            }

            if (Solvers.Solve(a, b, n))
            {
                sum += b[0];
            }
        }

        return sum;
    }

    public static double Rows(double[] a, double[] b, double[] x, int n)
    {
        if (!Solvers.Solve(a, b, x, n))
        {
            return double.NaN;
        }

        return Solvers.Solve(Solvers.Columns, b, x, 8) ? x[0] : double.NaN;
    }
CS
    fi
}

for ((i = 0; i < files; i++)); do
cat > "$work/Workload$i.cs" <<CS
using System.Text;
using Specialized;

namespace Cost;

internal sealed record Sample$i(string Name, double Value, int Count);

internal static class Workload$i
{
$(steps_and_rows $i)

    public static void Batch(double[][] systems, int n)
    {
        Parallel.For(0, systems.Length, k =>
        {
            Span<double> a = stackalloc double[64];
            systems[k].AsSpan(0, n * n).CopyTo(a);
            _ = Solvers.Factor(a, n);
        });
    }

    public static Dictionary<string, double> Summarize(IEnumerable<Sample$i> samples)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Sample$i sample in samples.Where(s => s.Count > 0).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            totals[sample.Name] = totals.TryGetValue(sample.Name, out double total) ? total + sample.Value : sample.Value;
        }

        return totals;
    }

    public static string Describe(IReadOnlyList<Sample$i> samples)
    {
        var text = new StringBuilder();
        for (int i = 0; i < samples.Count; i++)
        {
            Sample$i s = samples[i];
            text.Append(s.Name).Append(": ").Append(s.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
            if (s.Count > 1)
            {
                text.Append(" x").Append(s.Count);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static double[] Smooth(ReadOnlySpan<double> values, int width)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int from = Math.Max(0, i - width), to = Math.Min(values.Length - 1, i + width);
            double sum = 0;
            for (int j = from; j <= to; j++)
            {
                sum += values[j];
            }

            result[i] = sum / (to - from + 1);
        }

        return result;
    }

    public static async Task<int> CountAsync(IAsyncEnumerable<Sample$i> samples, CancellationToken cancellationToken)
    {
        int count = 0;
        await foreach (Sample$i sample in samples.WithCancellation(cancellationToken))
        {
            count += sample.Count switch
            {
                < 0 => throw new ArgumentOutOfRangeException(nameof(samples)),
                0 => 0,
                _ => 1,
            };
        }

        return count;
    }

    public static (double Min, double Max) Range(double[] values) =>
        values.Length == 0 ? (double.NaN, double.NaN) : (values.Min(), values.Max());
}
CS
done

echo "Project: $work ($files workload files)"
for ((k = 1; k <= builds; k++)); do
    dotnet build "$work/Cost.csproj" -c Release --no-incremental -nologo -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary > "$work/build$k.log" 2>&1 \
        || { tail -40 "$work/build$k.log"; exit 1; }
done

log="$work/build$builds.log"
echo "--- build $builds of $builds: compiler analyzer report (seconds)"
grep -E "Total (analyzer|generator) execution time|^\s+[0-9.<]+\s+[0-9<]+\s+Specialized\." "$log" | sed 's/^ *//' | sort -u
echo "--- Csc task time (ms), from the performance summary"
grep -E "^\s+[0-9]+ ms\s+Csc\s" "$log" | sed 's/^ *//'
# The analyzers' own time varies by 2x from build to build on a small VM: one share per build after the
# first (which warms the compiler server), and their median.
echo "--- Specialized.Analyzers' share of the Csc task, builds 2..$builds"
for ((k = 2; k <= builds; k++)); do
    analyzers_s=$(grep -E "^\s+[0-9.]+\s+[0-9<]+\s+Specialized\.Analyzers, Version" "$work/build$k.log" | head -1 | awk '{print $1}')
    csc_ms=$(grep -E "^\s+[0-9]+ ms\s+Csc\s" "$work/build$k.log" | head -1 | awk '{print $1}')
    awk -v a="$analyzers_s" -v c="$csc_ms" -v k="$k" 'BEGIN { printf "build %d: %.3f s of %.2f s = %.1f%%\n", k, a, c / 1000, 100 * a * 1000 / c }'
done | tee "$work/shares.txt"
sort -t= -k2 -n "$work/shares.txt" | awk -F'= ' '{ v[NR] = $2 + 0 } END { if (NR) printf "median share: %.1f%% over %d builds\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), NR }'
