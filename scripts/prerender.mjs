// Writes each page's first screen into its index.html at build time, from
// the very components the wasm renders: every page of dist/ is opened once
// in headless Chromium with empty storage, and what the app drew inside
// #stagecraft replaces the page's placeholder. Visitors then see (and can
// use: radios, text fields) the first screen before the wasm arrives; on
// mount the app takes over what they did there (src/app.rs, `take_over`).
// No markup is ever copied by hand, so it cannot drift from the views.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic, launchBrowser, waitForApp } from "../tests/e2e/support/harness.mjs";

const dir = process.argv[2] || "dist";
const PAGES = [
  ["index.html", "#/"],
  ["audit/index.html", "audit/#/audit"],
  ["qualify/index.html", "qualify/#/qualify"],
  ["discovery/index.html", "discovery/#/discovery"],
  ["benchmarks/index.html", "benchmarks/#/benchmarks"],
];

/** The [start, end) of the inner HTML of the element with id="stagecraft". */
export function hostInner(html) {
  const open = html.search(/<div id="stagecraft"[^>]*>/);
  if (open < 0) throw new Error('no <div id="stagecraft">');
  const start = html.indexOf(">", open) + 1;
  const tag = /<\/?div\b[^>]*>/g;
  tag.lastIndex = start;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0][1] === "/" ? -1 : 1;
    if (depth === 0) return [start, m.index];
  }
  throw new Error('unclosed <div id="stagecraft">');
}

const site = await serveStatic({ root: join(process.cwd(), dir) + "/" });
const browser = await launchBrowser();
try {
  for (const [file, path] of PAGES) {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(site.url + path);
    await waitForApp(page);
    await page.waitForLoadState("networkidle");
    // Let effects that run after mount (focus, sizes) settle.
    await page.waitForTimeout(150);
    const inner = await page.evaluate(() => {
      const host = document.getElementById("stagecraft");
      // Leptos's empty marker comments carry nothing a visitor needs, and
      // inline style attributes (the app sets them through the CSSOM, e.g. a
      // progress bar's width) would break the strict CSP (style-src 'self').
      return host.innerHTML.replace(/<!---->/g, "").replace(/\sstyle="[^"]*"/g, "");
    });
    await context.close();
    const target = join(dir, file);
    const html = readFileSync(target, "utf8");
    const [start, end] = hostInner(html);
    const out = html.slice(0, start) + "\n" + inner + "\n<noscript><p class=\"sc-noscript\">Stagecraft runs in your browser and needs JavaScript and WebAssembly.</p></noscript>\n" + html.slice(end);
    writeFileSync(target, out);
    console.log(`[prerender] ${file}: first screen ${(inner.length / 1024).toFixed(1)} KB of HTML`);
  }
} finally {
  await browser.close();
  await site.close();
}
