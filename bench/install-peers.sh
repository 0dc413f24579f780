#!/usr/bin/env bash
# install-peers.sh — install and build the native peers of bench/Specialized.Benchmarks.
#
# Usage:  bench/install-peers.sh            (as root, or with sudo available; idempotent)
#
#   1. apt-get installs libeigen3-dev (Eigen 3.4), liblapacke-dev + libopenblas-dev (OpenBLAS
#      behind LAPACKE), python3-numpy (the numpy peer, bench/numpy_normal.py), cmake and
#      g++, python3-scipy (the kernel-solve peer, bench/kernel_scipy.py) — skipped when all are
#      already installed;
#   2. builds bench/native (Eigen fixed/dynamic LLT, -O3 -march=native) into bench/native/build,
#      giving bench/native/build/libspecialized_peers.so, which the benchmarks load by absolute
#      path (or from $SPECIALIZED_NATIVE_PEERS when set).
#
# Environment: SKIP_APT=1 skips step 1 (packages installed some other way).
# The benchmarks run without any of this: missing peers are reported and left out of the run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
native="$here/native"
build="$native/build"
packages=(libeigen3-dev liblapacke-dev libopenblas-dev python3-numpy python3-scipy cmake g++)

if [[ "${SKIP_APT:-0}" != 1 ]]; then
  missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]})); then
    sudo=()
    if [[ $(id -u) != 0 ]]; then sudo=(sudo); fi
    echo "install-peers: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
  else
    echo "install-peers: packages already installed (${packages[*]})"
  fi
fi

# LAPACKE must reach OpenBLAS's LAPACK, not the reference one, through the liblapack.so.3 alternative.
lapack="$(readlink -f /usr/lib/x86_64-linux-gnu/liblapack.so.3 2>/dev/null || true)"
case "$lapack" in
  *openblas*) echo "install-peers: liblapack.so.3 -> $lapack" ;;
  *) echo "install-peers: warning: liblapack.so.3 -> ${lapack:-nothing}, not OpenBLAS; the benchmarks will skip the OpenBLAS peer" \
          "(update-alternatives --config liblapack.so.3-x86_64-linux-gnu)" >&2 ;;
esac

cmake -S "$native" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j 2
echo "install-peers: built $build/libspecialized_peers.so"
