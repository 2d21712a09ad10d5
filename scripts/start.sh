#!/usr/bin/env bash
# Sets up and runs the web host for a first look: installs npm dependencies when needed,
# builds, and serves Relance on loopback with a data folder inside the checkout (sample leads
# on a fresh folder with no SIP account: see `relance web --demo`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
exec node bin/relance.mjs web --demo --data-dir "${RELANCE_DATA_DIR:-.relance-data}" "$@"
