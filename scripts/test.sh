#!/usr/bin/env bash
# README "test" command: all three test tiers, plus the size budget, then
# the cross-engine checks (smoke suites and wasm browser tests in Firefox).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== 1/3 native unit and property tests (cargo test)"
cargo test

echo "== 2/3 browser tests (wasm-bindgen-test in headless Chromium)"
# The pure modules' unit tests are native-only (they ran above), so on wasm
# this runs the tests/web_*.rs files.
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target wasm32-unknown-unknown --tests

echo "== release build (shared by the budget check and every end-to-end test)"
bash scripts/build.sh
node scripts/size-report.mjs --check

echo "== 3/3 end-to-end tests (Playwright + axe against dist/)"
node --test --test-concurrency=1 tests/e2e/

echo "== every engine: smoke suites in Firefox ESR and WebKitGTK (WebDriver against dist/)"
node --test --test-concurrency=1 tests/smoke/

echo "== every engine: browser tests in Firefox (Intl numbers, storage faults and writes, blocked storage)"
# The same wasm test binaries as tier 2 (already compiled), in headless
# Firefox ESR through geckodriver (webdriver-firefox.json names the binary
# and, like tests/smoke/engines.mjs, keeps Firefox from calling home):
# the files whose outcome depends most on the engine, Intl's number formats
# (web_numbers) and storage (web_shell: damaged, newer and full storage,
# debounced writes, the write on leaving the page, another tab's change;
# web_storage_missing). About 25 s each, mostly loading the debug wasm.
GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver-firefox.json" \
  MOZ_REMOTE_SETTINGS_DEVTOOLS=1 WASM_BINDGEN_TEST_TIMEOUT=180 LANG=en_US.UTF-8 \
  cargo test --target wasm32-unknown-unknown --test web_numbers --test web_shell --test web_storage_missing
