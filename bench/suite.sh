# suite.sh — what bench/run-small.sh, run-batch.sh and run-large.sh share; sourced, not run.
#
# run_suite NAME TABLE FILTER... -- [--no-install] [BenchmarkDotNet arguments ...]
#   1. bench/install-peers.sh (apt packages + bench/native build), unless --no-install is given or
#      SKIP_INSTALL=1; if it fails the run goes on and the missing peers are skipped;
#   (OPENBLAS_CORETYPE is set from /proc/cpuinfo's instruction sets unless given: OpenBLAS falls
#   back to its SSE3 kernels on a CPU model it does not know, as on some VMs;)
#   2. suite_peers ARTIFACTS, when the sourcing script defines it (peers outside BenchmarkDotNet,
#      such as run-lsq.sh's numpy, writing next to the BenchmarkDotNet results);
#   3. dotnet run -c Release --project bench/Specialized.Benchmarks -- --filter FILTER...,
#      artifacts in bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts;
#   4. bench/TABLE on the results;
#   5. for the suites that have plots (small, large, batch), bench/Specialized.Plots draws them from
#      the results into BenchmarkDotNet.Artifacts/plots (PNG; copy to docs/plots to publish).
# Run one suite at a time, on a quiet machine: two at once on 2 cores measure each other.

run_suite() {
  local name="$1" table="$2"
  shift 2
  local filters=()
  while [[ $# -gt 0 && "$1" != -- ]]; do filters+=("$1"); shift; done
  [[ "${1:-}" == -- ]] && shift

  local here repo artifacts install=1
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  repo="$(dirname "$here")"
  artifacts="$here/Specialized.Benchmarks/BenchmarkDotNet.Artifacts"
  if [[ "${1:-}" == --no-install ]]; then install=0; shift; fi
  if [[ "${SKIP_INSTALL:-0}" == 1 ]]; then install=0; fi

  if ((install)); then
    "$here/install-peers.sh" || echo "run-$name: install-peers.sh failed; running with the peers that are there" >&2
  fi

  # OpenBLAS's DYNAMIC_ARCH picks its kernels by CPU model and falls back to Prescott (SSE3) on a
  # model it does not know, as on some VMs; name the core from the instruction sets the CPU lists.
  if [[ -z "${OPENBLAS_CORETYPE:-}" && -r /proc/cpuinfo ]]; then
    local flags
    flags=$(grep -m1 '^flags' /proc/cpuinfo)
    if [[ " $flags " == *" avx512f "* && " $flags " == *" avx512bw "* && " $flags " == *" avx512vl "* ]]; then
      export OPENBLAS_CORETYPE=SkylakeX
    elif [[ " $flags " == *" avx2 "* && " $flags " == *" fma "* ]]; then
      export OPENBLAS_CORETYPE=Haswell
    fi
    [[ -n "${OPENBLAS_CORETYPE:-}" ]] && echo "run-$name: OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE (from /proc/cpuinfo)" >&2
  fi

  cd "$repo"
  if declare -F suite_peers >/dev/null; then
    suite_peers "$artifacts"
  fi
  dotnet run -c Release --project bench/Specialized.Benchmarks -- \
    --filter "${filters[@]}" --artifacts "$artifacts" "$@"
  python3 "$here/$table" "$artifacts/results"
  case "$name" in
    small|large|batch)
      dotnet run -c Release --project bench/Specialized.Plots -- -o "$artifacts/plots" "$artifacts/results" ;;
  esac
}
