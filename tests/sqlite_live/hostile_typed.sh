#!/usr/bin/env bash
# hostile_typed.sh RETORT SAMPLES_DIR
# samples/hostile_literals on SQLite: the typed columns (integers at the
# 64-bit limits, numerics, booleans as 1/0, dates and timestamps as text)
# read back as the .mig file says, with the storage class SQLite's affinity
# gives them (docs/sqlite.md). Text and binary columns are compared byte
# for byte by tests/live/hostile_literals.sh. Expected values by hand.
source "$(dirname "$0")/../live/lib.sh"
live_init sqlite "$1"
gen "$2/hostile_literals" upgrade base:heads >"$WORK/up.sql" || fail "retort upgrade failed"
new_db hostile_typed; db=$DB
apply_or_fail "$db" "$WORK/up.sql" "hostile literals"
got=$(engine_query "$db" "SELECT id, quote(qty), quote(big), quote(price), typeof(price), quote(flag), quote(day), quote(stamp), typeof(payload)
                          FROM hostile_values ORDER BY id")
T=$'\t'
want="1${T}-7${T}9223372036854775807${T}12345678.1234${T}real${T}1${T}'2024-02-29'${T}'2024-01-15 12:00:00'${T}blob
2${T}0${T}-9000000000000000000${T}-0.0001${T}real${T}0${T}'1999-12-31'${T}'1999-12-31 23:59:59'${T}blob
3${T}2147483647${T}1${T}1500${T}integer${T}1${T}'2000-01-01'${T}'2000-01-01 00:00:00'${T}blob
4${T}-2147483648${T}42${T}0${T}integer${T}0${T}'2024-01-15'${T}'2024-06-30 08:15:30'${T}blob
5${T}NULL${T}NULL${T}NULL${T}null${T}NULL${T}NULL${T}NULL${T}null
6${T}6${T}6${T}6.5${T}real${T}1${T}'2024-03-01'${T}'2024-03-01 06:06:06'${T}blob
7${T}7${T}7${T}7.25${T}real${T}0${T}'2024-03-02'${T}'2024-03-02 07:07:07'${T}blob
8${T}8${T}8${T}-100${T}integer${T}1${T}'2024-03-03'${T}'2024-03-03 08:08:08'${T}blob
9${T}9${T}9${T}99999999.9999${T}real${T}0${T}'2024-03-04'${T}'2024-03-04 09:09:09'${T}blob"
if [ "$got" != "$want" ]; then
  diff -u <(echo "$want") <(echo "$got") >&2 || true
  fail "typed hostile values differ (- the .mig, + SQLite)"
fi
echo "ok: typed hostile values read back as written on sqlite"
