#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing: redis-server
# (the fidelity test starts real servers), faketime (libfaketime: the bridge runs redis-server
# under a fake clock for the clock-jump fault) and chromium (Playwright drives Debian's build;
# no browser can be downloaded on these machines). Safe to run again: it checks first.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The bridge preloads libfaketimeMT.so.1 from package libfaketime, which faketime depends on.
has_libfaketime() { compgen -G '/usr/lib/*-linux-gnu/faketime/libfaketimeMT.so.1' >/dev/null; }
has_libfaketime || missing+=(faketime)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-liberation 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-liberation)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "ensure-system-deps: installing ${missing[*]} from Debian"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "ensure-system-deps: ${missing[*]} missing and not root (no sudo): install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v redis-server >/dev/null && has_libfaketime && [ -x /usr/bin/chromium ] || { echo "ensure-system-deps: install failed" >&2; exit 1; }
