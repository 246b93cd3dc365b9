#!/usr/bin/env bash
# Exports every map of the demo network, and maps made for the purpose
# (decisions, bars, loops, lanes, notes: tests/data/bpmn/maps/*.dot, laid out by
# Strawman; "-tb" ones top to bottom), as
# BPMN, and opens each file with the BPMN tools (check-bpmn.mjs).
# Usage: check_exports.sh STRAWMAN_EXE
set -euo pipefail
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/bpmn-js" ]; then
  echo "the BPMN tools are not installed: run scripts/install-interop.sh" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work
ws=$work/demo.sqlite
"$exe" demo "$ws" >/dev/null
for m in $("$exe" map list "$ws" --json | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).map(m=>m.id).join(" ")))'); do
  "$exe" export "$ws" "$m" -o "$work/demo-map-$m.bpmn"
done
for dot in "$here"/../data/bpmn/maps/*.dot; do
  name=$(basename "$dot" .dot)
  id=$("$exe" map import "$ws" "$dot" --trust network --process "Interop $name" --add-activities)
  case $name in *-tb) "$exe" map layout "$ws" "$id" --direction TB >/dev/null ;; esac
  "$exe" export "$ws" "$id" --format bpmn -o "$work/$name.bpmn"
done
# And the hand-written files in the shapes bpmn.io and Signavio save, so the
# import tests read files these tools accept.
node "$here/check-bpmn.mjs" "$work"/*.bpmn "$here/../data/bpmn/bpmnio-lanes.bpmn" \
  "$here/../data/bpmn/signavio-parallel.bpmn"
