#!/usr/bin/env bash
# run-batch.sh — the batched-solve suite (BatchSolve<double> and BatchSolve<float>) against its
# peers, then the markdown tables.
#
# Usage:  bench/run-batch.sh [--no-install] [BenchmarkDotNet arguments ...]
#
#   1. bench/install-peers.sh (apt packages + bench/native build), unless --no-install or SKIP_INSTALL=1;
#   2. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter '*BatchSolve*'
#      (Batch, Single, AllCores, EigenFixed, OpenBlas, ReadProbe, ReadProbeAllCores x N in {2,3,4,6,8,10,12,16} x Count in
#      {10,000, 1,000,000} x double/float), artifacts in bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   3. bench/batch-table.py on the results (ns per system).
#
# SPECIALIZED_BENCH_N=4,8 narrows the sizes. The 1,000,000-system cases hold 2 GB (double, n = 16).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
run_suite batch batch-table.py '*BatchSolve*' -- "$@"
