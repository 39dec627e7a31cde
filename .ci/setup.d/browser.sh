#!/usr/bin/env bash
# Debian's Chromium for the HTML report test (driven by puppeteer-core, which downloads no browser).
# Idempotent: installs only when missing.
set -euo pipefail
if dpkg -s chromium >/dev/null 2>&1; then
  echo "browser: chromium present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium
echo "browser: installed chromium"
