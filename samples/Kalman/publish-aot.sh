#!/usr/bin/env bash
# publish-aot.sh — publish the Kalman sample as a NativeAOT binary and run it.
#
# Usage:  samples/Kalman/publish-aot.sh [steps]      (as root, or with sudo available)
#
#   1. NativeAOT links with the system C toolchain: `clang` or, failing that, `gcc` on PATH (with
#      binutils' ld.bfd and objcopy), and libc6-dev for -ldl -lrt -lm. When neither compiler is on
#      PATH, apt-get installs gcc and libc6-dev. zlib is not needed: the ILCompiler package ships libz.a.
#   2. dotnet publish -p:NativeAot=true (see Kalman.csproj: net9.0, x86-64-v3) with every trimming
#      and AOT warning an error, and the log checked for warnings besides.
#   3. runs the binary (default steps: the sample's 1,000,000).
#
# Environment: SKIP_APT=1 skips step 1. Output: samples/Kalman/bin/aot/Kalman.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/bin/aot"

if [[ "${SKIP_APT:-0}" != 1 ]] && ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  sudo=()
  if [[ $(id -u) != 0 ]]; then sudo=(sudo); fi
  echo "publish-aot: no clang or gcc on PATH; installing gcc and libc6-dev"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc libc6-dev
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet publish "$here/Kalman.csproj" -c Release -r linux-x64 -p:NativeAot=true -p:TreatWarningsAsErrors=true \
    -o "$out" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [[ $status -ne 0 ]]; then
  echo "publish-aot: dotnet publish failed (status $status)" >&2
  exit "$status"
fi
if grep -E -q ': warning [A-Z]+[0-9]+' "$log"; then
  echo "publish-aot: the publish printed warnings (zero allowed):" >&2
  grep -E ': warning [A-Z]+[0-9]+' "$log" | sort -u >&2
  exit 1
fi
echo "publish-aot: $out/Kalman, $(du -k "$out/Kalman" | cut -f1) KiB, no trimming or AOT warnings"

"$out/Kalman" "$@"
