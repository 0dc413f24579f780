#!/usr/bin/env bash
# Measures what [SpdSolve(MaxN = 32)] methods cost a build: writes two library projects to a temp
# folder that differ only in one file holding ten annotated methods, references the repository's
# freshly built runtime and generator, and times `dotnet build --no-incremental` of each in turn
# (alternating, so a change in the machine's load falls on both), then prints the medians and their
# difference. The compiler server is on, as on a developer's machine by default; one untimed build of
# each warms it. SERVER=false builds without it (every build then starts a cold compiler, as in CI).
# Usage: [SERVER=false] bench/cost/build-cost.sh [same|mixed] [rounds=5]
#   same:  ten methods of one signature in ten classes (double, lower, row-major, in place)
#   mixed: ten different methods (double and float, all four storage pairs, nrhs, keep-inputs,
#          in-place, bool and SolveResult returns)
set -euo pipefail

mode=${1:-same}
rounds=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/specialized-build-cost.XXXXXX")
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Runtime/Specialized.csproj" -c Release -f net10.0 -nologo -v:q >/dev/null
dotnet build "$root/src/Generator/Specialized.Generator.csproj" -c Release -nologo -v:q >/dev/null
runtime="$root/src/Runtime/bin/Release/net10.0/Specialized.dll"
generator="$root/src/Generator/bin/Release/netstandard2.0/Specialized.Generator.dll"

for project in Without With; do
    mkdir -p "$work/$project"
    for name in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
        echo '<Project />' > "$work/$project/$name"
    done

    cat > "$work/$project/$project.csproj" <<XML
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
    <Analyzer Include="$generator" />
  </ItemGroup>
</Project>
XML

    cat > "$work/$project/Model.cs" <<'CS'
namespace Cost;

public static class Model
{
    public static double Energy(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v * v;
        }

        return sum;
    }
}
CS
done

if [[ "$mode" == same ]]; then
    for k in $(seq 1 10); do
        cat > "$work/With/Filter$k.cs" <<CS
namespace Cost;

public static partial class Filter$k
{
    [Specialized.SpdSolve(MaxN = 32)]
    public static partial bool Solve(Span<double> a, Span<double> b, int n);
}

CS
    done
else
    cat > "$work/With/Solvers.cs" <<'CS'
using Specialized;

namespace Cost;

public static partial class Solvers
{
    [SpdSolve(MaxN = 32)]
    public static partial bool Solve1(Span<double> a, Span<double> b, int n);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper)]
    public static partial bool Solve2(Span<double> a, Span<double> b, int n);

    [SpdSolve(MaxN = 32, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult Solve3(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult Solve4(Span<double> a, Span<double> b, int n, int nrhs);

    [SpdSolve(MaxN = 32)]
    public static partial bool Solve5(Span<float> a, Span<float> b, int n);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper)]
    public static partial SolveResult Solve6(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);

    [SpdSolve(MaxN = 32, Layout = MatrixLayout.ColumnMajor)]
    public static partial bool Solve7(Span<float> a, Span<float> b, int n, int nrhs);

    [SpdSolve(MaxN = 32, Triangle = Triangle.Upper, Layout = MatrixLayout.ColumnMajor)]
    public static partial bool Solve8(Span<float> a, Span<float> b, int n);

    [SpdSolve(MaxN = 32)]
    public static partial SolveResult Solve9(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x, int n, int nrhs);

    [SpdSolve(MaxN = 32, Layout = MatrixLayout.ColumnMajor)]
    public static partial SolveResult Solve10(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> x, int n);
}
CS
fi

build() {
    local start end
    start=$(date +%s.%N)
    dotnet build "$work/$1/$1.csproj" -c Release --no-incremental -nologo -v:q -p:UseSharedCompilation=${SERVER:-true} > "$work/$1.log" 2>&1 \
        || { tail -40 "$work/$1.log" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

echo "Project: $work ($mode, $rounds rounds, compiler server ${SERVER:-true})"
build Without >/dev/null
build With >/dev/null
generated=$(dotnet build "$work/With/With.csproj" -c Release --no-incremental -nologo -v:q -p:UseSharedCompilation=${SERVER:-true} \
    -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/generated" >/dev/null 2>&1 && du -cb "$work"/generated/*/*/*.cs | tail -1 | cut -f1)
echo "generated C#: $generated bytes in $(ls "$work"/generated/*/*/ | wc -l) files"
for ((k = 1; k <= rounds; k++)); do
    without=$(build Without)
    with=$(build With)
    echo "round $k: without $without s, with $with s, difference $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.2f", a - b }') s"
done | tee "$work/rounds.txt"
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
without=$(awk '{ print $4 }' "$work/rounds.txt" | median)
with=$(awk '{ print $7 }' "$work/rounds.txt" | median)
difference=$(awk '{ print $10 }' "$work/rounds.txt" | median)
echo "median: without $without s, with $with s; median difference $difference s over $rounds rounds"
