#!/usr/bin/env bash
# ab.sh — an A/B of two builds in the same minutes: the timing probes of bench/Specialized.Benchmarks
# (`probe ...`, see bench/Specialized.Benchmarks/Probes/ProbeCommand.cs) built from a base commit and
# from the working tree, run one after the other ROUNDS times (default 3), each line prefixed with
# "base" or "new". This VM's speed moves from one minute to the next, so only builds alternated in
# the same minutes are compared.
#
# Usage:  bench/ab.sh BASE [ROUNDS] -- PROBE [key=value ...]
#   e.g.  bench/ab.sh HEAD~1 4 -- solve n=1000,3000
#         bench/ab.sh main -- fits shape=ragged type=float weighted=true
# BASE must already have the probe command. Both builds run with DOTNET_TieredCompilation=0.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { echo "usage: bench/ab.sh BASE [ROUNDS] -- PROBE [key=value ...]" >&2; exit 2; }
[[ $# -ge 3 ]] || usage
base="$1"; shift
rounds=3
if [[ "$1" != "--" ]]; then rounds="$1"; shift; fi
[[ "${1:-}" == "--" && $# -ge 2 ]] || usage
shift

work="$(mktemp -d)"
cleanup() { git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true; git -C "$repo" worktree prune; rm -rf "$work"; }
trap cleanup EXIT
git -C "$repo" worktree add --detach -q "$work/base" "$base"

build() { dotnet build "$1/bench/Specialized.Benchmarks" -c Release -o "$2" -nologo -v q > "$2.log" 2>&1 || { cat "$2.log" >&2; exit 1; }; }
build "$work/base" "$work/out-base"
build "$repo" "$work/out-new"

export DOTNET_TieredCompilation=0
for _ in $(seq 1 "$rounds"); do
  for build in base new; do
    "$work/out-$build/Specialized.Benchmarks" probe "$@" | sed "s/^/$build /"
  done
done
