// Puts embed/boot.js into the <head> of every built page, as the first
// script, so it runs before the browser requests the page's own code (a deep
// link to another page then downloads that page only). One source for every
// page; scripts/csp.mjs, run after this, allows the inlined text by hash.
import { readFileSync, writeFileSync } from "node:fs";
import { pages } from "./dist-pages.mjs";

const dir = process.argv[2] || "dist";
// Comments go (they are for readers of the source, not for every visitor).
const source = readFileSync(new URL("../embed/boot.js", import.meta.url), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/^\s*\/\/.*$/gm, "")
  .replace(/\n\s*\n/g, "\n")
  .trim();
let count = 0;
for (const page of pages(dir)) {
  const html = readFileSync(page, "utf8");
  if (html.includes("data-sc-boot-script")) continue;
  const tag = `<script data-sc-boot-script>${source}</script>`;
  const out = html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    ${tag}`);
  if (out === html) throw new Error(`${page}: no <meta charset> to put the boot script after`);
  writeFileSync(page, out);
  count++;
}
console.log(`[boot] inlined embed/boot.js into ${count} pages`);
