#!/usr/bin/env bash
# Tools the burst stage's benchmark needs (not its tests): wrk, the anchor next to autocannon (npm).
# Idempotent: installs only what is missing, runs `apt-get update` at most once.
set -euo pipefail
if dpkg -s wrk >/dev/null 2>&1; then
  echo "burst: wrk present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends wrk
echo "burst: installed wrk"
