#!/usr/bin/env bash
# The test command of the README: every test, the browser tests included (Tests/LeadAlign.Tests/Browser drive a headless
# Chromium). On Debian it first installs Debian's chromium package when /usr/bin/chromium is missing and LEADALIGN_CHROMIUM
# names no browser (as root, or with sudo). Elsewhere install Chromium or Google Chrome yourself and set LEADALIGN_CHROMIUM
# to its executable. Any arguments go to dotnet test (for example --filter Browser).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${LEADALIGN_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      as_root=()
    elif command -v sudo >/dev/null 2>&1; then
      as_root=(sudo)
    else
      echo "build/test.sh: /usr/bin/chromium is missing and installing it needs root (or sudo): run 'apt-get install chromium' as root, or set LEADALIGN_CHROMIUM." >&2
      exit 1
    fi
    echo "build/test.sh: installing Debian's chromium package for the browser tests (apt-get)."
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  else
    echo "build/test.sh: no /usr/bin/chromium and no apt-get: install Chromium or Google Chrome and set LEADALIGN_CHROMIUM to its executable; the browser tests fail without one." >&2
  fi
fi

exec dotnet test LeadAlign.sln -c Release "$@"
