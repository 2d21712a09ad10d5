#!/usr/bin/env bash
# npm test: unit and end-to-end tests in a private network namespace where only loopback
# exists, so nothing a test starts (Chromium, Kamailio, rtpengine, sipp) can reach the network.
# Extra arguments go to vitest (e.g. `npm test -- --project unit`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f out/cli/index.js ] || [ ! -f out/renderer/index.html ]; then
  echo "npm test: the app is not built; run 'npm run build' first (or scripts/test-all.sh)." >&2
  exit 2
fi
mkdir -p .tmp
rm -f .tmp/vitest.json

if [ "$(id -u)" = 0 ]; then ns=(unshare --net); else ns=(unshare --map-root-user --net); fi
status=0
"${ns[@]}" bash -c 'ip link set lo up && exec npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@"' _ "$@" || status=$?
node scripts/test-summary.mjs .tmp/vitest.json || status=1
exit "$status"
