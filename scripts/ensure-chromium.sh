#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (Playwright's own browser download cannot work here).
# Installs it when missing and we are allowed to; otherwise says exactly what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[desired-state] Installing Debian's chromium for the e2e tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[desired-state] e2e tests need Chromium at $CHROMIUM: run 'sudo apt-get install -y chromium'," >&2
echo "                or set CHROMIUM_PATH to a Chromium/Chrome binary." >&2
exit 1
