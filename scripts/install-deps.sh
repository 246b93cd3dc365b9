#!/usr/bin/env bash
# Installs the Debian 12 packages Strawman builds, runs and tests with.
# Safe to run again: it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsqlite3-dev libssl-dev libexpat1-dev
  libgraphviz-dev graphviz
  libimgui-dev libglfw3-dev libgl-dev libstb-dev fonts-dejavu-core
  libcli11-dev nlohmann-json3-dev
  doctest-dev libbenchmark-dev
  libhowardhinnant-date-dev tzdata
  zlib1g-dev
  libexpat1-dev
  sqlite3
  xvfb xauth libgl1-mesa-dri
  chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js and npm run the BPMN tools of the interop tests (scripts/install-interop.sh).
# A Node.js installed otherwise (NodeSource's nodejs carries its own npm) will do.
if ! command -v npm >/dev/null; then
  for p in nodejs npm; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "strawman: these Debian packages are missing: ${missing[*]}" >&2
  echo "strawman: run this script as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
