#!/usr/bin/env bash
# The layering rule of docs/architecture.md, checked: every #include "..." in
# the tree under ROOT must point to a folder that its own folder may use.
# Layers, bottom to top: compiler/ -> dialects/ -> driver/script -> driver.
# A folder that is not in the table below is an error too, so a new folder
# gets a place in the layers before it can build.
#   layering.sh ROOT    exit 0 when every include is allowed, 1 otherwise
set -euo pipefail
root=${1:?usage: layering.sh ROOT}
cd "$root"

# folder -> the folders its files may include (its own is always allowed).
declare -A may=(
  [grammar]=""
  [compiler/source]=""
  [compiler/dialect]="compiler/source"
  [compiler/sql]="compiler/source compiler/dialect"
  [compiler/ast]="compiler/source compiler/dialect compiler/sql"
  [compiler/parse]="compiler/source compiler/dialect compiler/sql compiler/ast grammar"
  [compiler/python]="compiler/source grammar"
  [compiler/config]="compiler/source compiler/dialect compiler/sql"
  [compiler/graph]="compiler/source compiler/dialect compiler/sql compiler/ast"
  [compiler/schema]="compiler/source compiler/dialect compiler/sql"
  [compiler/plan]="compiler/source compiler/dialect compiler/sql compiler/schema"
  [compiler/replay]="compiler/source compiler/dialect compiler/sql compiler/schema compiler/plan compiler/ast"
  [compiler/lint]="compiler/source compiler/dialect compiler/sql compiler/schema compiler/plan"
  [dialects]="compiler/source compiler/dialect compiler/sql compiler/schema compiler/plan"
  [driver/script]="compiler/source compiler/dialect compiler/sql compiler/schema compiler/plan compiler/ast
                   compiler/parse compiler/config compiler/graph compiler/replay compiler/lint dialects"
  [driver]="compiler/source compiler/dialect compiler/sql compiler/schema compiler/plan compiler/ast
            compiler/parse compiler/config compiler/graph compiler/replay compiler/lint compiler/python dialects
            driver/script"
)

# The layer a path belongs to: the longest table entry that is a prefix of it.
layer_of() {
  local path=$1 best="" l
  for l in "${!may[@]}"; do
    case "$path" in
      "$l"/*) [ ${#l} -gt ${#best} ] && best=$l ;;
    esac
  done
  echo "$best"
}

bad=0
while IFS= read -r file; do
  from=$(layer_of "$file")
  if [ -z "$from" ]; then
    echo "$file: error: this folder has no place in the layers (tests/layering/layering.sh)"
    bad=1
    continue
  fi
  while IFS=: read -r line target; do
    case "$target" in
      *..*) echo "$file:$line: error: relative include \"$target\": name it from the repository root"
            bad=1; continue ;;
    esac
    to=$(layer_of "$target")
    [ "$to" = "$from" ] && continue
    case " ${may[$from]//$'\n'/ } " in
      *" $to "*) continue ;;
    esac
    echo "$file:$line: error: $from may not include \"$target\" (${to:-outside the layers})"
    bad=1
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]+/[^"]+"' "$file" |
           sed -E 's/^([0-9]+):[^"]*"([^"]+)".*/\1:\2/')
done < <(find grammar compiler dialects driver -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.def' \) | sort)

if [ $bad -ne 0 ]; then
  echo "layering: an include points up or across the layers (docs/architecture.md)"
  exit 1
fi
echo "layering: every include in grammar/ compiler/ dialects/ driver/ is allowed"
