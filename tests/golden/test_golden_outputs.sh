#!/usr/bin/env bash
# The test: a fresh demo network's CLI outputs are byte for byte the golden
# copy (demo_outputs.sh says how to record it again). A difference prints as a
# unified diff and fails.
set -euo pipefail
exe=$1
golden=$2
here=$(dirname "$0")
now=$(mktemp -d)
trap 'rm -rf "$now"' EXIT
"$here/demo_outputs.sh" "$exe" "$now"
diff -r -u "$golden" "$now"
