#!/usr/bin/env bash
# docs/diagnostics.md and compiler/source/diag_codes.def name the same codes.
set -euo pipefail
root=${1:?usage: diag_codes_documented.sh SOURCE_DIR}
listed=$(sed -nE 's/^RETORT_DIAG\(([a-z_0-9]+),.*/\1/p' "$root/compiler/source/diag_codes.def" | sort)
documented=$(sed -nE 's/^\| `([a-z_0-9]+)` \|.*/\1/p' "$root/docs/diagnostics.md" | sort)
[ -n "$listed" ] || { echo "no codes found in diag_codes.def"; exit 1; }
missing=$(comm -23 <(echo "$listed") <(echo "$documented"))
extra=$(comm -13 <(echo "$listed") <(echo "$documented"))
status=0
[ -z "$missing" ] || { echo "codes missing from docs/diagnostics.md:"; echo "$missing"; status=1; }
[ -z "$extra" ] || { echo "docs/diagnostics.md names codes that diag_codes.def does not have:"; echo "$extra"; status=1; }
[ $status -eq 0 ] && echo "diag_codes_documented: $(echo "$listed" | wc -l) codes, each documented once"
exit $status
