#!/usr/bin/env bash
# Builds release, then reports sizes and cold-load timings. Reports only:
# nothing here fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bash scripts/build.sh
node scripts/size-report.mjs
node scripts/bench.mjs "${LOADS:-7}"
node scripts/bench-widgets.mjs
