#!/usr/bin/env bash
# Tools the trust stage's tests and bench need: Knot DNS (authoritative server on loopback),
# python3-spf (ships the RFC 7208 test suite; pyspf cross-checks the SPF lookup counts), openssl (local CA),
# sslscan and testssl.sh (bench).
# Idempotent: installs only what is missing, runs `apt-get update` at most once.
set -euo pipefail
need=()
for pkg in knot openssl sslscan testssl.sh python3-spf; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${#need[@]}" -eq 0 ]; then
  echo "trust: tools present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}"
# The Debian knot package starts a system knotd; tests run their own on a high port.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet knot 2>/dev/null; then
  $SUDO systemctl stop knot || true
fi
echo "trust: installed ${need[*]}"
