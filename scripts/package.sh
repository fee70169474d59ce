#!/usr/bin/env bash
# scripts/package.sh [BUILD_DIR]
# Builds the static Release binary in BUILD_DIR (default build-package) and
# makes the Debian package there with CPack; prints the path of
# retort_<version>_amd64.deb. README "Installing the .deb".
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-package}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRETORT_TESTS=OFF -DRETORT_STATIC=ON >/dev/null
cmake --build "$build" >"$build/package-build.log" 2>&1 || { cat "$build/package-build.log" >&2; exit 1; }
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log" >&2; exit 1; }
version=$(sed -n 's/^project(retort VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb=$build/retort_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { echo "package.sh: $deb was not made" >&2; cat "$build/cpack.log" >&2; exit 1; }
echo "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
