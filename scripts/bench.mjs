// Cold-load timing: the app's home page against a floor page (plain HTML
// with only the heading and the link), served the same way. Each load uses a
// new browser context; the two alternate. Prints medians and their ratio.
import { serveStatic, launchBrowser } from "../tests/e2e/support/harness.mjs";
import { seedDeals } from "../tests/e2e/support/fixtures.mjs";

const LOADS = Math.max(9, Number(process.argv[2]) || 11);
const FLOOR = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head>
<body><h1>Find out where your sales process leaks, then fix it.</h1><a href="#/audit">Start the 2-minute audit</a></body></html>`;

// Installed before any page script: notes when the call to action is visible
// (it is a working link from that moment) and when the wasm app has mounted.
const PROBE = () => {
  window.__marks = {};
  const check = () => {
    const a = [...document.querySelectorAll("a")].find((x) => x.textContent.trim() === "Start the 2-minute audit");
    if (a && !window.__marks.cta && a.getBoundingClientRect().height > 0 && a.getAttribute("href")) {
      window.__marks.cta = performance.now();
    }
    const host = document.getElementById("stagecraft");
    if (host && host.dataset.scReady === "true" && !window.__marks.app) window.__marks.app = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener("DOMContentLoaded", check);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const site = await serveStatic({ extra: { "/floor.html": { type: "text/html; charset=utf-8", body: FLOOR } } });
const browser = await launchBrowser();
const results = { app: [], appMounted: [], floor: [], list: [], remove: [] };
const DEALS = 250;
try {
  for (let i = 0; i < LOADS * 2; i++) {
    const which = i % 2 === 0 ? "app" : "floor";
    const context = await browser.newContext();
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(which === "app" ? site.url : site.origin + "/floor.html");
    await page.waitForFunction((w) => window.__marks.cta && (w === "floor" || window.__marks.app), which, { timeout: 20000 });
    const marks = await page.evaluate(() => window.__marks);
    results[which].push(marks.cta);
    if (which === "app") results.appMounted.push(marks.app);
    await context.close();
  }
  // A long deal list: time from opening the qualification page to its last
  // row, then from "Delete" to the shorter list, with the page's clock.
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await seedDeals(page, DEALS);
    const t0 = Date.now();
    await page.goto(site.url + "qualify/#/qualify");
    const rows = page.locator("tbody tr");
    await rows.nth(DEALS - 1).waitFor({ state: "attached", timeout: 20000 });
    results.list.push(Date.now() - t0);
    const t1 = Date.now();
    await page.getByRole("button", { name: `Delete Deal ${DEALS - 1}`, exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll("tbody tr").length === n, DEALS - 1);
    results.remove.push(Date.now() - t1);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
const app = median(results.app);
const floor = median(results.floor);
const mounted = median(results.appMounted);
console.log(`cold loads: ${LOADS} each, alternating, new context per load`);
console.log(`median to "Start the 2-minute audit" visible and working: app ${app.toFixed(1)} ms, floor ${floor.toFixed(1)} ms`);
console.log(`ratio app/floor: ${(app / floor).toFixed(2)}x (target 1.5x or less)`);
console.log(`median to the wasm app fully mounted: ${mounted.toFixed(1)} ms (${(mounted / floor).toFixed(2)}x the floor)`);
console.log(`qualification list of ${DEALS} deals, median of 5: opened with every row in ${median(results.list)} ms; one delete in ${median(results.remove)} ms`);
