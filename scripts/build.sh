#!/usr/bin/env bash
# Release build of the whole site into dist/: the root page (home, your
# data), then one page per tool, each with only its own code, so a visitor
# or an embedded widget downloads one tool, not four. Then prerenders each
# page's first screen, inlines the boot script, writes the service worker's
# precache list, and writes the CSP for every inline script into dist/_headers.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

trunk build index.html --release

mkdir -p build/pages
while IFS=: read -r slug name; do
  sed -e "s/@TOOL@/$slug/g" -e "s/@NAME@/$name/g" pages/tool.html.in > "build/pages/$slug.html"
  trunk build "build/pages/$slug.html" --release --dist "dist/$slug"
done <<'TOOLS'
audit:Self-audit scorecard
qualify:Qualification wizard
discovery:Discovery-call script
benchmarks:Stage benchmark calculator
TOOLS

# Each page's first screen is drawn by the app itself and written into its
# HTML (before the boot script is inlined, so the snapshot needs no CSP);
# the boot script goes into every page's <head>; the service worker gets this
# build's file list; the CSP is computed last, over the final pages.
node scripts/prerender.mjs dist
node scripts/inline-boot.mjs dist
node scripts/sw-build.mjs dist
node scripts/csp.mjs dist
