#!/usr/bin/env bash
# README "test" command: all three test tiers, plus the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== 1/3 native unit and property tests (cargo test)"
cargo test

echo "== 2/3 browser tests (wasm-bindgen-test in headless Chromium)"
# Only the tests/web_*.rs files: the pure modules' unit tests already ran natively.
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target wasm32-unknown-unknown --test 'web_*'

echo "== release build (shared by the budget check and every end-to-end test)"
bash scripts/build.sh
node scripts/size-report.mjs --check

echo "== 3/3 end-to-end tests (Playwright + axe against dist/)"
node --test --test-concurrency=1 tests/e2e/
