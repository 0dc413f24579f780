#!/usr/bin/env bash
# run-lsq.sh — the moving-least-squares suite (LeastSquaresFits<double> and <float>: 10,000 fits of
# rows x 6, rows 1000 and rows spread over 200..1000) against its peers, numpy included, then one
# markdown table.
#
# Usage:  bench/run-lsq.sh [--no-install] [BenchmarkDotNet arguments ...]
#
#   1. bench/install-peers.sh (apt packages, python3-numpy among them, + bench/native build),
#      unless --no-install or SKIP_INSTALL=1;
#   2. bench/numpy_normal.py: the published numpy normal equations on the same shapes, median of
#      NUMPY_RUNS runs (default 5), into BenchmarkDotNet.Artifacts/results/numpy-normal.csv;
#   3. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter '*LeastSquaresFits*'
#      (Generated, AllCores, Runtime, MathNetQr, MathNetNormal, OpenBlas, ReadProbe x both shapes
#      x double/float), artifacts in bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   4. bench/lsq-table.py on the results (ms per job, ratios, the read probe's GB/s, the targets).
#
# SPECIALIZED_BENCH_FITS=1000 shrinks the job for a quick check of the pipeline (both steps read it).
# A 10,000-fit job of 1000 x 6 doubles is 480 MB; one copy per benchmark process.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/suite.sh"

suite_peers() {
  local python=python3 csv="$1/results/numpy-normal.csv"
  rm -f "$csv"
  # python3-numpy is Debian's: on a PATH whose python3 is another build, use Debian's interpreter.
  if ! python3 -c 'import numpy' 2>/dev/null && [[ -x /usr/bin/python3 ]]; then python=/usr/bin/python3; fi
  "$python" "$bench/numpy_normal.py" --runs "${NUMPY_RUNS:-5}" --out "$csv" \
    || echo "run-lsq: numpy_normal.py failed; the table leaves numpy out" >&2
}

run_suite lsq lsq-table.py '*LeastSquaresFits*' -- "$@"
