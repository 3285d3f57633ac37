#!/usr/bin/env bash
# Everything the test suite needs beyond Node and pnpm, from Debian's packages:
# Chromium for the browser test of the site, and a single-node Slurm cluster for the
# real-Slurm integration test. Idempotent; needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "setup-test-machine: installing Debian's chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
chromium --version

$SUDO bash scripts/setup-slurm.sh
