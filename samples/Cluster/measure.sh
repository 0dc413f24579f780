#!/usr/bin/env bash
# Measures the cluster sample on this machine (figures in README.md come from it):
#  1. `local --threads 2` against a localhost cluster of two single-core silos (each pinned to its
#     own core, ProcessorCount 1), same N, taking turns twice: wall time and CPU time of each;
#  2. a third cluster run in which the second silo is SIGKILLed once a third of the batches are
#     recorded: when it died, and when the driver sent its batches again.
# Usage: samples/Cluster/measure.sh [N]   (default 200000). Needs taskset (util-linux) and 2 cores.
set -euo pipefail
n="${1:-200000}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dotnet build "$repo/samples/Cluster/Cluster.csproj" -c Release -v q -nologo >/dev/null
dll="$repo/samples/Cluster/bin/Release/net10.0/Cluster.dll"
work="$(mktemp -d)"
tick="$(getconf CLK_TCK)"
silos=()
cleanup() { for pid in "${silos[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
timed() { /usr/bin/time -f "wall %e s, cpu %U+%S s" "$@"; }
recorded() { find "$1/batches" -name '*.bin' 2>/dev/null | wc -l; }

start_silo() { # core port gateway
    DOTNET_PROCESSOR_COUNT=1 taskset -c "$1" dotnet "$dll" silo --port "$2" --gateway "$3" --primary 21111 >"$work/silo-$2.out" 2>"$work/silo-$2.err" &
    silos+=("$!")
    until grep -q "silo up" "$work/silo-$2.out" 2>/dev/null; do sleep 0.2; done
}
start_silo 0 21111 31000
start_silo 1 21112 31001

for round in 1 2; do
    echo "== round $round: local --threads 2, N=$n"
    timed dotnet "$dll" local --systems "$n" --out "$work/local-$round" --threads 2 2>&1 | grep -E "^(systems=|wall)"
    echo "== round $round: drive, two single-core silos, N=$n"
    before=$(( $(ticks "${silos[0]}") + $(ticks "${silos[1]}") ))
    timed dotnet "$dll" drive --systems "$n" --out "$work/drive-$round" --gateways 31000,31001 2>&1 | grep -E "^(systems=|wall)"
    after=$(( $(ticks "${silos[0]}") + $(ticks "${silos[1]}") ))
    echo "silos' cpu during the run: $(awk -v d=$((after - before)) -v t="$tick" 'BEGIN { printf "%.2f", d / t }') s"
    diff -r "$work/local-$round" "$work/drive-$round" >/dev/null && echo "local and drive results: identical bytes"
done

echo "== kill: drive N=$n, second silo SIGKILLed at a third of the batches"
dotnet "$dll" drive --systems "$n" --out "$work/kill" --gateways 31000,31001 >"$work/kill.out" 2>"$work/kill.err" &
drive=$!
until grep -q " batches into " "$work/kill.err" 2>/dev/null; do sleep 0.05; done
total="$(sed -n 's/.* in \([0-9,]*\) batches into .*/\1/p' "$work/kill.err" | tr -d ,)"
until [[ "$(recorded "$work/kill")" -ge $((total / 3)) ]]; do sleep 0.05; done
kill -9 "${silos[1]}"
echo "killed the second silo at $(date -u +%H:%M:%S.%3N) with $(recorded "$work/kill")/$total batches recorded"
wait "$drive" || true
grep -E "re-sending|backing up" "$work/kill.err" || echo "no batch was sent again"
tail -n 1 "$work/kill.out"
