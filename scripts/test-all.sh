#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine with Node 20 and runs every check: installs the
# system packages the tests drive for real (Chromium, Kamailio, rtpengine, sipp, sox),
# npm ci, build, typecheck, lint, then `npm test`. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium kamailio kamailio-websocket-modules rtpengine-daemon sip-tester sox faketime iproute2 util-linux)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
npm run build
npm run typecheck
npm run lint
npm test
