#!/usr/bin/env bash
# Renders the README's pictures (docs/screenshots/: the editor's, and a map
# exported) from a fresh demo network, headless, with the program built in
# BUILD (default: build).
#   scripts/screenshots.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
S=$build/cli/strawman
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$S" demo "$work/demo.strawman" --key-file "$work/demo.key" > /dev/null
map() { "$S" map list "$work/demo.strawman" | awk -v t="$1" '$2 == t && /CT outpatient/ {print $1; exit}'; }
rpa=$(map RPA)
rn7=$(map RN7)
gui() { xvfb-run -a -s "-screen 0 1600x1000x24" "$S" gui "$work/demo.strawman" --size 1600x1000 "$@"; }

# RPA's straw man held against its own data: the steps it takes that are not drawn.
gui --map "$rpa" --diff-trust RPA --screenshot "$out/diff.png"
# RPA's straw man beside RN7's, what only one has highlighted.
gui --map "$rpa" --beside "$rn7" --screenshot "$out/beside.png"
# Workshop mode: large type, panels hidden, the map editable.
gui --map "$rpa" --workshop --screenshot "$out/workshop.png"
# The agreed standards, each checked on every trust's data, the Standards tab in front.
gui --map "$rpa" --standards --screenshot "$out/standards.png"
# The forum: RN7's map with its speech bubbles, the open proposal's card and
# its live tally, as a forum member who has not voted yet sees it.
gui --map "$rn7" --proposal 2 --as "Mark Ellis" --screenshot "$out/forum.png"
# Editing: a step added and connected, by a script of mouse and keyboard input.
cat > "$work/edit.script" <<'SCRIPT'
wheel 1 node:vet
drag handle:vet world:1000,230
type Second opinion
key enter
wait 2
SCRIPT
cp "$work/demo.strawman" "$work/edit.strawman"
xvfb-run -a -s "-screen 0 1600x1000x24" "$S" gui "$work/edit.strawman" --size 1600x1000 --map "$rpa" \
  --script "$work/edit.script" --screenshot "$out/editing.png"
# The same straw man exported for a board paper: the diff, the agreed standard's
# badge and the footer saying what it is (strawman export, no display needed).
"$S" export "$work/demo.strawman" "$rpa" --format png --diff-trust RPA --standards --title \
  -o "$out/export.png"
echo "written: $out/export.png $out/diff.png $out/beside.png $out/workshop.png $out/standards.png $out/forum.png $out/editing.png"
