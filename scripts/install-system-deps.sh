#!/usr/bin/env bash
# Debian packages the browser tests need: Chromium (Playwright cannot download
# its own browser here). Installs them when missing and we are root; otherwise
# says exactly what to run.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The browser tests need Debian's ${missing[*]}. Run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
