#!/usr/bin/env bash
# package.sh SOURCE_DIR STATIC_TREE
# Makes the .deb with scripts/package.sh in the static tree that the
# static_binary test built (so only the man page, the completion and CPack
# run here), then checks it: dpkg-deb -I (name, version, architecture, no
# dependencies), dpkg-deb -c (binary, man page, completion, docs), an
# install with dpkg into an empty root, and the installed binary, man page
# and completion at work.
set -uo pipefail
src=$1 tree=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

deb=$(bash "$src/scripts/package.sh" "$tree") || { echo "FAIL: scripts/package.sh" >&2; exit 1; }
version=$(sed -n 's/^project(retort VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(basename "$deb")" = "retort_${version}_amd64.deb" ] || fail "package name $(basename "$deb")"

dpkg-deb -I "$deb" >"$tmp/info" || fail "dpkg-deb -I"
for field in "Package: retort" "Version: $version" "Architecture: amd64" "Section: devel"; do
  grep -qx " $field" "$tmp/info" || fail "dpkg-deb -I lacks '$field': $(cat "$tmp/info")"
done
grep -qE "^ (Pre-)?Depends:" "$tmp/info" && fail "the package declares dependencies: $(cat "$tmp/info")"

dpkg-deb -c "$deb" | awk '{ print $NF }' >"$tmp/files" || fail "dpkg-deb -c"
for f in ./usr/bin/retort ./usr/share/man/man1/retort.1.gz ./usr/share/bash-completion/completions/retort \
         ./usr/share/doc/retort/README.md ./usr/share/doc/retort/cli.md ./usr/share/doc/retort/language.md; do
  grep -qx -- "$f" "$tmp/files" || fail "the package lacks $f"
done

# An empty root, as on a machine that has nothing: dpkg installs into it.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-not-root --force-script-chrootless -i "$deb" >"$tmp/dpkg.log" 2>&1 \
  || { fail "dpkg -i into an empty root"; cat "$tmp/dpkg.log" >&2; }
dpkg --root="$root" -s retort 2>/dev/null | grep -qx "Status: install ok installed" || fail "dpkg -s retort"
bin=$root/usr/bin/retort
"$bin" --version | grep -qE "^retort $version \(commit " || fail "the installed retort --version: $("$bin" --version 2>&1)"
ldd "$bin" >/dev/null 2>&1 && fail "the installed retort is not static"
"$bin" -C "$src/samples/school" upgrade base:heads -d sqlite --check "$src/golden/school/sqlite/upgrade.sql" >/dev/null \
  || fail "the installed retort does not make the school golden"

# The man page: groff reads it without a warning, and it holds every command's help.
zcat "$root/usr/share/man/man1/retort.1.gz" >"$tmp/retort.1" || fail "the man page is not gzip"
groff -man -Tutf8 -ww -z "$tmp/retort.1" 2>"$tmp/groff.err" || fail "groff refused the man page"
[ -s "$tmp/groff.err" ] && fail "groff warned: $(cat "$tmp/groff.err")"
MANWIDTH=100 man -l "$tmp/retort.1" 2>/dev/null >"$tmp/man.txt"
for text in "offline SQL migration compiler" "usage: retort upgrade" "usage: retort history" "--graph" \
            "postgresql | sqlite | mysql | mariadb"; do
  grep -qF -- "$text" "$tmp/man.txt" || fail "the man page lacks '$text'"
done
while read -r command; do
  grep -q "^   $command\$" "$tmp/man.txt" || grep -q "^ *$command\$" "$tmp/man.txt" || fail "the man page has no section for $command"
done < <("$bin" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')

# The completion, as bash runs it: commands, options, dialects, formats, revisions.
cat >"$tmp/complete.sh" <<'SH'
source "$1"
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _retort; echo "${COMPREPLY[*]}"; }
SH
check_completion() {  # want, words...
  local want=$1
  shift
  local got
  got=$(cd "$src/samples/branchy" && bash -c 'source "$0"; shift; t "$@"' "$tmp/complete.sh" \
        "$root/usr/share/bash-completion/completions/retort" "$@")
  [ "$got" = "$want" ] || fail "completing '$*': got '$got', want '$want'"
}
check_completion "upgrade" "$bin" up
check_completion "history heads" "$bin" h
check_completion "postgresql sqlite mysql mariadb" "$bin" upgrade -d ""
check_completion "text json dot mermaid" "$bin" history --format ""
check_completion "--graph" "$bin" history --gr
check_completion "2a9d4f6c8e31" "$bin" upgrade 2a
check_completion "reports" "$bin" upgrade rep
check_completion "e5c9a1d3f7b0" "$bin" -C "$src/samples/school" show e5

[ $failures = 0 ] && echo "package: all passed ($deb)"
exit $((failures > 0))
