#!/usr/bin/env bash
# Installs the BPMN tools the test suite opens our BPMN files with (bpmn-moddle,
# bpmnlint, bpmn-js, jsdom) into tests/interop/node_modules, exactly as the
# committed package-lock.json says. Fast when they are already there: npm ci runs
# only when the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../tests/interop"
if ! command -v npm >/dev/null; then
  echo "strawman: npm is missing (scripts/install-deps.sh installs nodejs and npm)" >&2
  exit 1
fi
stamp=node_modules/.strawman-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
