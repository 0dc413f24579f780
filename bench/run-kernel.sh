#!/usr/bin/env bash
# run-kernel.sh — the KeOps KernelSolve workload: (0.8·I + K)·a = b in float, Gaussian kernel,
# points uniform in [0,1]³, γ = 1e4 and 5e3, tolerance 1e-6, N = 1e3 .. 1e6, against its peers,
# then the markdown table and the log-log plot.
#
# Usage:  bench/run-kernel.sh [--no-install] [BenchmarkDotNet arguments ...]
#
#   1. bench/install-peers.sh (apt packages, python3-scipy among them, + bench/native build),
#      unless --no-install or SKIP_INSTALL=1;
#   2. bench/kernel_scipy.py: scipy's cKDTree sparse matrix + cg on the same workload (N up to 1e5:
#      beyond, its distance matrix does not fit in memory here), median of KERNEL_SCIPY_RUNS runs
#      (default 3), into BenchmarkDotNet.Artifacts/results/kernel-scipy.csv;
#   3. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter '*KernelSolveBench*'
#      (Specialized, EveryPair to N = 1e5, DenseCholesky to N = 1e4, PairsOneCore at N = 1e5,
#      x 4 N x 2 γ), artifacts in bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   4. bench/kernel-table.py on the results (with the KeOps GPU figures quoted from its published run);
#   5. the plot, docs/plots/kernel-solve-time.png (bench/Specialized.Plots, from the kernel reports and
#      the kernel-scipy.csv beside them; the other suites' reports there are left out).
#
# SPECIALIZED_BENCH_KERNEL_N=1000,10000 narrows the sizes (both the benchmark and scipy read it).
# A full run takes about half an hour, most of it EveryPair at N = 1e5 and the N = 1e6 solves.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/suite.sh"

suite_peers() {
  local python=python3 csv="$1/results/kernel-scipy.csv"
  rm -f "$csv"
  if ! python3 -c 'import scipy' 2>/dev/null && [[ -x /usr/bin/python3 ]]; then python=/usr/bin/python3; fi
  "$python" "$bench/kernel_scipy.py" --runs "${KERNEL_SCIPY_RUNS:-3}" --out "$csv" \
    || echo "run-kernel: kernel_scipy.py failed; the table leaves scipy out" >&2
}

run_suite kernel kernel-table.py '*KernelSolveBench*' -- "$@"
dotnet run -c Release --project "$bench/Specialized.Plots" -- -o "$(dirname "$bench")/docs/plots" \
  "$bench"/Specialized.Benchmarks/BenchmarkDotNet.Artifacts/results/*KernelSolveBench*-report.csv
