#!/usr/bin/env bash
# Installs what retort needs to build (and, with --test, what its test suite
# needs: the database engines, Alembic, and clang with the ASan, UBSan and
# libFuzzer runtimes of libclang-rt-14-dev for the sanitizer build), on
# Debian 12, as root.
set -euo pipefail
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

build_packages=(cmake ninja-build g++ libboost-program-options-dev libfmt-dev libyaml-cpp-dev
                tao-pegtl-dev catch2 python3)
test_packages=(sqlite3 libsqlite3-dev postgresql mariadb-server mariadb-client python3-alembic python3-psycopg2 python3-pymysql
               python3-yaml diffutils gdb clang-14 clang libclang-rt-14-dev graphviz groff-base man-db)

packages=("${build_packages[@]}")
[ $want_test = 1 ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  # Debian starts installed servers unless told not to; the tests start their own.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
