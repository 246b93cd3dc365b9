#!/usr/bin/env bash
# Writes what the `strawman` command prints on a fresh demo network into a
# folder, one file per command: the golden copy in tests/golden/demo/ is what
# the test suite compares it with, byte for byte (test_golden_outputs.sh). A
# change that alters any of it on purpose records it again with
#   tests/golden/demo_outputs.sh build/cli/strawman tests/golden/demo
# and says in its commit message what changed and why.
set -euo pipefail

exe=$(realpath "$1")
out=$2
mkdir -p "$out"
out=$(realpath "$out")
rm -f "$out"/*.txt "$out"/*.json "$out"/*.csv "$out"/*.dot

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The pseudonym key is made in ~/.config/strawman/keys on first use: a home of
# its own keeps the run from touching the user's.
export HOME=$work
cd "$work"
ws=demo.strawman

run() { # FILE ARGS...: stdout into FILE; a failing command fails the run
    local file=$1
    shift
    "$exe" "$@" > "$out/$file"
}

run demo.txt demo "$ws"
run map-list.txt map list "$ws"
run map-list.json map list "$ws" --json
run trust-list.txt trust list "$ws"
run member-list.txt member list "$ws"
run process-list.txt process list "$ws"
run import-list.txt import list "$ws"
# When each import was made is the time of this run: recorded as a placeholder.
sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/<import time>/' "$out/import-list.txt"

# Ids and codes from the listings just recorded (first column; the map list
# has a header line).
maps=$(awk 'NR > 1 { print $1 }' "$out/map-list.txt")
trusts=$(awk '{ print $1 }' "$out/trust-list.txt")

for m in $maps; do
    run "map-$m.dot" map export "$ws" "$m" --format dot
    run "map-$m.json" map export "$ws" "$m" --format json
done
for t in $trusts; do
    run "log-stats-$t.txt" log stats "$ws" --trust "$t"
    run "log-stats-$t.json" log stats "$ws" --trust "$t" --json
    run "codes-$t.txt" codes list "$ws" --trust "$t"
    for m in $maps; do
        run "diff-$m-$t.txt" diff "$ws" "$m" --trust "$t"
        run "diff-$m-$t.json" diff "$ws" "$m" --trust "$t" --json
    done
done
run diff-filtered.json diff "$ws" 1 --trust RPA --modality CT --from 2025-04-01 --to 2025-06-30 \
    --interval RCV:VET --json
run compare.txt compare "$ws" --process "CT outpatient pathway" --interval RCV:VET --interval CMP:VER
run compare.json compare "$ws" --process "CT outpatient pathway" --interval RCV:VET --interval CMP:VER --json
run diff-filtered.csv diff "$ws" 1 --trust RPA --modality CT --from 2025-04-01 --to 2025-06-30 \
    --interval RCV:VET --format csv
run compare.csv compare "$ws" --process "CT outpatient pathway" --interval RCV:VET --interval CMP:VER --format csv
run discover.txt discover "$ws" --trust RPA --process "CT outpatient pathway" --min-frequency 0.05
discovered=$("$exe" map list "$ws" | awk 'NR > 1 && $1 > max { max = $1 } END { print max }')
run map-discovered.dot map export "$ws" "$discovered" --format dot
