// Puts embed/boot.js into the <head> of every built page, as the first
// script, so it runs before the browser requests the page's own code (a deep
// link to another page then downloads that page only). Trunk's preload links
// for the page's JS and wasm move into the script, which adds them only when
// the visitor stays on this page: left in the HTML, the preload scanner
// fetches them before any script can redirect. One source for every page;
// scripts/csp.mjs, run after this, allows each inlined text by hash.
import { readFileSync, writeFileSync } from "node:fs";
import { pages } from "./dist-pages.mjs";

const dir = process.argv[2] || "dist";
// Comments go (they are for readers of the source, not for every visitor).
const source = readFileSync(new URL("../embed/boot.js", import.meta.url), "utf8")
  .replace(/\/\*(?!SC_)[\s\S]*?\*\//g, "")
  .replace(/^\s*\/\/.*$/gm, "")
  .replace(/\n\s*\n/g, "\n")
  .trim();
let count = 0;
const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}="([^"]*)"`)) || [])[1];
for (const page of pages(dir)) {
  let html = readFileSync(page, "utf8");
  if (html.includes("data-sc-boot-script")) continue;
  const preload = [];
  html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, (tag) => {
    preload.push({ rel: attr(tag, "rel"), href: attr(tag, "href"), integrity: attr(tag, "integrity"), as: attr(tag, "as"), type: attr(tag, "type") });
    return "";
  });
  if (preload.length !== 2) throw new Error(`${page}: expected Trunk's two preload links, found ${preload.length}`);
  const script = source.replace(/\/\*SC_PRELOAD\*\/[\s\S]*?\/\*SC_PRELOAD_END\*\//, JSON.stringify(preload));
  const tag = `<script data-sc-boot-script>${script}</script>`;
  const out = html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    ${tag}`);
  if (out === html) throw new Error(`${page}: no <meta charset> to put the boot script after`);
  writeFileSync(page, out);
  count++;
}
console.log(`[boot] inlined embed/boot.js into ${count} pages`);
