#!/usr/bin/env bash
# run-small.sh — the small-n factor+solve suite against its peers, then the markdown table.
#
# Usage:  bench/run-small.sh [--no-install] [BenchmarkDotNet arguments ...]
#
#   1. bench/install-peers.sh (apt packages + bench/native build), unless --no-install is given or
#      SKIP_INSTALL=1; if it fails the run goes on and the missing peers are skipped;
#   2. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter '*SmallSolve*'
#      (SmallSolveDouble and SmallSolveFloat: Generated, Fallback, EigenFixed, EigenDynamic,
#      OpenBlas, MathNet x 12 N in 1..32: 144 cases of ~3 s, about 10 minutes here), artifacts in
#      bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   3. bench/perf-table.py on the results.
#
# Extra arguments go to BenchmarkDotNet, e.g. `--job dry` for a smoke run. SPECIALIZED_BENCH_N=4,16
# narrows the sizes. Run one suite at a time: two at once on 2 cores measure each other.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
run_suite small perf-table.py '*SmallSolve*' -- "$@"
