#!/usr/bin/env bash
# run-large.sh — the runtime's factor+solve (n = 17..4000) against its peers, with the FMA peak
# probe in the same run, then the markdown table (GFLOP/s and % of peak).
#
# Usage:  bench/run-large.sh [--no-install] [BenchmarkDotNet arguments ...]
#
#   1. bench/install-peers.sh (apt packages + bench/native build), unless --no-install is given or
#      SKIP_INSTALL=1; if it fails the run goes on and the missing peers are skipped;
#   2. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter '*LargeSolve*' '*FmaPeak*'
#      (LargeSolveDouble and LargeSolveFloat: Specialized, TwoThreads from n = 512, Unblocked to
#      n = 1000, EigenDynamic to n = 3000, OpenBlas, MathNet to n = 400, x 15 N; FmaPeak: Double, Single),
#      artifacts in bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   3. bench/perf-table.py on the results.
#
# Extra arguments go to BenchmarkDotNet, e.g. `--job short`. SPECIALIZED_BENCH_N=100,1000 narrows
# the sizes. Run one suite at a time, on a quiet machine: two at once on 2 cores measure each other.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
run_suite large perf-table.py '*LargeSolve*' '*FmaPeak*' -- "$@"
