#!/usr/bin/env bash
# Installs what is needed, builds, and opens the editor on the demo network
# (created in ~/.local/share/strawman/demo.strawman on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
strawman: there is no display here, so the editor cannot open a window.
  To look at the editor on this machine, render it to a picture:
    xvfb-run -a build/cli/strawman gui ~/.local/share/strawman/demo.strawman --screenshot editor.png
  or run it inside a virtual display:  xvfb-run -a build/cli/strawman
MSG
  # Still create the demo network so the commands above work at once.
  demo=${XDG_DATA_HOME:-$HOME/.local/share}/strawman/demo.strawman
  if [ ! -f "$demo" ]; then
    mkdir -p "$(dirname "$demo")"
    build/cli/strawman demo "$demo"
  fi
  exit 1
fi
exec build/cli/strawman "$@"
