#!/usr/bin/env bash
# run-batch.sh — the batched-solve suite (BatchSolve<double> and BatchSolve<float>) against its
# peers and floors, with the FMA peak probe, then the markdown tables.
#
# Usage:  bench/run-batch.sh [--no-install] [BenchmarkDotNet arguments ...]
#
#   1. bench/install-peers.sh (apt packages + bench/native build), unless --no-install or SKIP_INSTALL=1;
#   2. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter '*BatchSolve*' '*FmaPeak*'
#      --inProcess (N in 8..16 x double/float: Batch at Count 256 (in cache), 10,000 and 1,000,000;
#      Single and StreamProbe at 10,000 and 1,000,000; EigenFixed and OpenBlas at 10,000; AllCores and
#      StreamProbeAllCores at 1,000,000; FmaPeak), artifacts in bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   3. bench/batch-table.py on the results (ns per system, ratios to the floors and to the FMA peak).
#
# The cases run in one process (--inProcess): about 200 of them, each its own process, would take
# over half an hour. SPECIALIZED_BENCH_N=8,12 narrows the sizes. The 1,000,000-system cases hold
# 2 GB (double, n = 16).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
run_suite batch batch-table.py '*BatchSolve*' '*FmaPeak*' -- "$@" --inProcess
