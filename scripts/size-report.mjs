// Prints the size of every file in dist/ (raw, gzip, brotli) and, for each
// page of the site (the root and one per tool), its first load: index.html
// plus the JS, wasm and CSS it loads. With --check, exits 1 when any page's
// first load is over the CI budget. Sizes are deterministic, so this is safe
// to assert; timings are not (see scripts/bench.mjs).
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

// The root page is what a visitor loads first (home, "Start the 2-minute
// audit"): CI holds it to 200 KB. Each tool page carries one tool's views on
// top of the shared runtime; it has its own, larger budget so it can't grow
// unnoticed either. The product target for every page is 120 KB (reported).
const ROOT_BUDGET_KB = 200;
const TOOL_BUDGET_KB = 240;
const TARGET_KB = 120;
const dist = new URL("../dist/", import.meta.url).pathname;

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const sizes = (path) => {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gz: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push({ name: relative(dist, path), ...sizes(path) });
  }
};
walk(dist);
console.log("file".padEnd(50) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
for (const f of files) console.log(f.name.padEnd(50) + kb(f.raw) + kb(f.gz) + kb(f.br));

// A page's first load: its HTML and what that HTML references.
const pages = ["", ...readdirSync(dist).filter((d) => existsSync(join(dist, d, "index.html")))];
let over = [];
console.log("\nfirst load per page (HTML + JS + wasm + CSS, brotli):");
for (const page of pages) {
  const html = readFileSync(join(dist, page, "index.html"), "utf8");
  const refs = new Set([join(page, "index.html")]);
  for (const m of html.matchAll(/(?:href|src)="([^"#:]+\.(?:js|wasm|css))"/g)) refs.add(join(page, m[1]));
  for (const m of html.matchAll(/['"](\.\/[^'"]+\.(?:js|wasm))['"]/g)) refs.add(join(page, m[1]));
  let total = 0;
  for (const ref of refs) {
    const f = files.find((x) => x.name === ref);
    if (f) total += f.br;
  }
  const totalKb = total / 1024;
  const budget = page ? TOOL_BUDGET_KB : ROOT_BUDGET_KB;
  if (totalKb > budget) over.push(`${page || "(root)"} ${totalKb.toFixed(1)} KB > ${budget} KB`);
  console.log(
    `  ${(page || "(root)").padEnd(12)} ${totalKb.toFixed(1).padStart(7)} KB  budget ${budget} KB${totalKb > budget ? " EXCEEDED" : " ok"}; ` +
      `${totalKb <= TARGET_KB ? "meets" : "misses"} the ${TARGET_KB} KB target`,
  );
}
if (process.argv.includes("--check") && over.length) {
  console.error(`FAIL: first load over budget (brotli): ${over.join("; ")}`);
  process.exit(1);
}
