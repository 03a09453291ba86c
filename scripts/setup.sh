#!/usr/bin/env bash
# Installs everything Stagecraft needs to build and test, from the package
# registries only (crates.io, Debian, npm). Idempotent: whatever is already
# installed at the right version is skipped. Both README commands call it.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_MAJOR=132
# wasm-bindgen-cli must match the wasm-bindgen crate exactly, or the build
# fails later with a cryptic schema error. Cargo.lock is the source of truth.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
TRUNK_WB=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

[ -n "$WB_VERSION" ] || fail "Cargo.lock names no wasm-bindgen version."
[ "$WB_VERSION" = "$TRUNK_WB" ] || fail "Trunk.toml pins wasm_bindgen = \"$TRUNK_WB\" but Cargo.lock has $WB_VERSION: make them equal."

export PATH="$HOME/.cargo/bin:$PATH"

# Debian packages: the browsers and their drivers (Chromium for the tests,
# Firefox ESR and WebKitGTK for the cross-engine smoke suites, WebKit's
# MiniBrowser under Xvfb), and brotli for the size budget.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || missing+=(brotli)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
{ [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; } || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
command -v xauth >/dev/null 2>&1 || missing+=(xauth) # xvfb-run needs it; only a Recommends of xvfb
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (takes about 10 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WB_VERSION"; then
  say "cargo install wasm-bindgen-cli $WB_VERSION"
  # Not --locked: its lock file names a webpki-roots release the registry lacks.
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --force
fi
for bin in wasm-bindgen wasm-bindgen-test-runner; do
  "$bin" --version 2>/dev/null | grep -q "$WB_VERSION" || fail "$bin is not version $WB_VERSION (found: $("$bin" --version 2>&1 | head -1))."
done

# geckodriver drives Firefox (smoke suites, and the wasm browser tests'
# Firefox run through GECKODRIVER); it is on crates.io.
if ! geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
  say "cargo install geckodriver $GECKODRIVER_VERSION (takes about 5 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# npm: playwright-core (driving Debian's Chromium; never 'playwright install'),
# axe-core, and binaryen's wasm-opt (Debian's binaryen 108 breaks the wasm).
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/wasm-opt --version | grep -q "version $BINARYEN_MAJOR" ||
  fail "wasm-opt is not binaryen $BINARYEN_MAJOR: $(node_modules/.bin/wasm-opt --version)"

say "ready: trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, wasm-opt $BINARYEN_MAJOR, $(/usr/bin/chromium --version 2>/dev/null | head -1), $(/usr/bin/firefox-esr --version 2>/dev/null | head -1), geckodriver $GECKODRIVER_VERSION, WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"
