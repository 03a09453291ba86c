// Prints the size of every file in dist/ (raw, gzip, brotli) and the first
// load's brotli total: index.html + JS + wasm + CSS. With --check, exits 1
// when that total is over the CI budget. Sizes are deterministic, so this is
// safe to assert; timings are not (see scripts/bench.mjs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const BUDGET_KB = 200; // CI fails above this
const TARGET_KB = 120; // product target, reported only
const dist = new URL("../dist/", import.meta.url).pathname;

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const rows = [];
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const data = readFileSync(path);
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  rows.push({ name, raw: data.length, gz, br });
}
console.log("file".padEnd(44) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
for (const r of rows) console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));

const firstLoad = rows.filter((r) => /\.(html|js|wasm|css)$/.test(r.name) && r.name !== "embed.js");
const total = firstLoad.reduce((s, r) => s + r.br, 0);
console.log(`\nfirst load (${firstLoad.map((r) => r.name).join(", ")})`);
console.log(`brotli total: ${(total / 1024).toFixed(1)} KB  (CI budget ${BUDGET_KB} KB, target ${TARGET_KB} KB${total / 1024 <= TARGET_KB ? ", met" : ", not met"})`);
if (process.argv.includes("--check") && total / 1024 > BUDGET_KB) {
  console.error(`FAIL: first-load brotli total ${(total / 1024).toFixed(1)} KB exceeds the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
