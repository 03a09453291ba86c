// Load benchmarks, reported and never asserted: one table, side by side in
// one run, for loopback and for emulated Slow 4G (150 ms round trip,
// 1.6 Mbit/s down) with the CPU slowed 4x, through Chromium's DevTools
// protocol. Every figure is the median of LOADS cold loads (default 7), each
// in a fresh browser context, the scenarios taking turns. Also reports the
// brotli bytes each visit fetched, a second visit with the service worker in
// place (online and offline), and a 10,000-deal qualification list.
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { serveStatic, launchBrowser } from "../tests/e2e/support/harness.mjs";
import { seedDeals } from "../tests/e2e/support/fixtures.mjs";

const LOADS = Math.max(7, Number(process.argv[2]) || 7);
const PEER = readFileSync(new URL("../../shared/bench/peer-velocity-calculator.html", import.meta.url), "utf8");
// The floor: plain HTML with the audit's first question, nothing else.
const FLOOR = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title></head>
<body><fieldset class="sc-audit-question__group"><legend>How do you decide which leads sales works first?</legend>
<label><input type="radio" name="q1" value="0"> Whoever comes in</label>
<label><input type="radio" name="q1" value="1"> Gut feel</label>
<label><input type="radio" name="q1" value="2"> A rough score</label>
<label><input type="radio" name="q1" value="3"> A written, tested score</label></fieldset></body></html>`;

// Installed in every frame before any page script. It records, as epoch
// milliseconds, when the visitor could first act: an audit answer that can
// be picked, the calculator's velocity after "Load example team", the peer's
// velocity. Where a button stands between (load the example), it presses
// it as soon as the app can take the press.
const PROBE = () => {
  const now = () => performance.timeOrigin + performance.now();
  window.__marks = {};
  const ready = () => {
    const host = document.getElementById("stagecraft");
    return !host || host.dataset.scReady === "true";
  };
  const visible = (el) => el && el.getBoundingClientRect().height > 0;
  const button = (name) => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === name);
  const check = () => {
    const m = window.__marks;
    const radio = document.querySelector(".sc-audit-question__group input[type=radio]");
    // A radio on the prerendered first screen counts as soon as it shows:
    // a pick made there before the wasm arrives is kept (the app takes it over).
    if (!m.answer && visible(radio) && !radio.disabled) m.answer = now();
    const start = button("Start the audit");
    if (!m.answer && start && ready() && !m.started) { m.started = true; start.click(); }
    const example = button("Load example team");
    if (example && ready() && !m.example) { m.example = true; example.click(); }
    const v = document.querySelector('[data-testid="velocity-per-day"]');
    if (!m.velocity && m.example && v && /[0-9]/.test(v.textContent)) m.velocity = now();
    const peer = document.getElementById("velocityValue");
    if (!m.velocity && peer && /[1-9]/.test(peer.textContent)) m.velocity = now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("DOMContentLoaded", check);
  setInterval(check, 20);
};

const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const brotliCache = new Map();
function brotliSize(key, body) {
  if (!brotliCache.has(key)) {
    brotliCache.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliCache.get(key);
}

async function throttle(session) {
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await session.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

const extra = {
  "/floor.html": { type: "text/html; charset=utf-8", body: FLOOR },
  "/peer.html": { type: "text/html; charset=utf-8", body: PEER },
};
const site = await serveStatic({ extra });
// The widget's host page is another origin (localhost vs 127.0.0.1).
const hostHtml = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>
<body><h1>Partner landing page</h1><p>Take our two-minute audit.</p>
<div data-stagecraft-tool="audit"></div><script src="${site.origin}/embed.js" defer></script></body></html>`;
const hostSite = await serveStatic({ host: "localhost", extra: { "/host.html": { type: "text/html; charset=utf-8", body: hostHtml() } } });

const SCENARIOS = {
  floor: { url: () => site.origin + "/floor.html", mark: "answer", label: "plain HTML with the audit's first question (the floor)" },
  audit: { url: () => site.url + "#/audit", mark: "answer", label: "audit deep link #/audit, until an answer can be picked" },
  auditPage: { url: () => site.url + "audit/", mark: "answer", label: "audit/ (the tool's page), until an answer can be picked" },
  calculator: { url: () => site.url + "#/benchmarks", mark: "velocity", label: "#/benchmarks, until the example team's velocity shows" },
  peer: { url: () => site.origin + "/peer.html", mark: "velocity", label: "the open-source peer calculator, until its velocity shows" },
  widget: { url: () => hostSite.origin + "/host.html", mark: "answer", frame: true, label: "audit widget on a cross-origin page, until an answer can be picked" },
};

const browser = await launchBrowser();

async function coldLoad(name, slow, { context: given, offline = false } = {}) {
  const sc = SCENARIOS[name];
  const context = given || (await browser.newContext({ serviceWorkers: "block" }));
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  // The peer's web fonts live on other hosts: blocked, as the fixture's README says.
  await page.route((url) => !url.origin.startsWith("http://127.0.0.1") && !url.origin.startsWith("http://localhost"), (r) => r.abort());
  let bytes = 0;
  const wasm = [];
  page.on("response", async (res) => {
    try {
      const u = new URL(res.url());
      if (u.pathname.endsWith(".wasm")) wasm.push(u.pathname);
      // Served by the service worker: nothing crossed the network.
      if (res.fromServiceWorker()) return;
      const body = await res.body();
      bytes += brotliSize(u.href, body);
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  if (slow) {
    await throttle(await context.newCDPSession(page));
    // A cross-origin frame is its own target: throttle it too.
    page.on("frameattached", async (frame) => {
      try {
        await throttle(await context.newCDPSession(frame));
      } catch {
        /* same-process frames share the page's throttling */
      }
    });
  }
  if (offline) await context.setOffline(true);
  const t0 = Date.now();
  await page.goto(sc.url(), { waitUntil: "commit" });
  const start = await page.evaluate(() => performance.timeOrigin).catch(() => t0);
  let mark;
  const deadline = Date.now() + 60000;
  while (!mark && Date.now() < deadline) {
    for (const f of page.frames()) {
      const m = await f.evaluate((k) => window.__marks && window.__marks[k], sc.mark).catch(() => undefined);
      if (m) mark = m;
    }
    if (!mark) await new Promise((r) => setTimeout(r, 25));
  }
  await page.close();
  if (!given) await context.close();
  return { ms: mark ? mark - start : NaN, bytes, wasm: wasm.length };
}

const results = {};
try {
  for (const slow of [false, true]) {
    const mode = slow ? "slow" : "loopback";
    results[mode] = {};
    for (const name of Object.keys(SCENARIOS)) results[mode][name] = [];
    for (let i = 0; i < LOADS; i++) {
      for (const name of Object.keys(SCENARIOS)) results[mode][name].push(await coldLoad(name, slow));
    }
    // Second visit: one visit installs the service worker, then the audit
    // deep link again, online and offline, in the same context.
    results[mode].second = [];
    results[mode].offline = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(site.url + "#/audit");
      await page.evaluate(async () => (await navigator.serviceWorker.ready).active.state);
      await page.close();
      results[mode].second.push(await coldLoad("audit", slow, { context }));
      results[mode].offline.push(await coldLoad("audit", slow, { context, offline: true }));
      await context.close();
    }
  }
  // A long deal list, loopback: opening the qualification page with 10,000
  // deals until its first page of rows shows, a search down to one deal,
  // and "Delete" (which saves the whole document) until the list says so.
  results.list = [];
  results.search = [];
  results.remove = [];
  const DEALS = 10000;
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await seedDeals(page, DEALS);
    const t0 = Date.now();
    await page.goto(site.url + "qualify/#/qualify");
    await page.getByText(`Showing 50 of ${DEALS} deals.`).waitFor({ timeout: 60000 });
    results.list.push(Date.now() - t0);
    const t1 = Date.now();
    await page.getByLabel("Search deals").fill("deal 4321");
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, null, { timeout: 60000 });
    results.search.push(Date.now() - t1);
    await page.getByLabel("Search deals").fill("");
    await page.getByText(`Showing 50 of ${DEALS} deals.`).waitFor({ timeout: 60000 });
    const t2 = Date.now();
    await page.getByRole("button", { name: `Delete Deal ${DEALS - 1}`, exact: true }).click();
    await page.getByText(`Showing 50 of ${DEALS - 1} deals.`).waitFor({ timeout: 60000 });
    results.remove.push(Date.now() - t2);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
  await hostSite.close();
}

const fmt = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "n/a");
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const row = (label, name) => {
  const cells = ["loopback", "slow"].map((mode) => {
    const runs = results[mode][name];
    const ms = median(runs.map((r) => r.ms));
    const floor = median(results[mode].floor.map((r) => r.ms));
    const ratio = name === "floor" ? "" : ` (${(ms / floor).toFixed(2)}x floor)`;
    return fmt(ms) + ratio;
  });
  const any = results.slow[name];
  const bytes = median(any.map((r) => r.bytes));
  const wasm = Math.max(...any.map((r) => r.wasm));
  return `| ${label} | ${cells[0]} | ${cells[1]} | ${kb(bytes)} | ${wasm} |`;
};
console.log(`\nMedians of ${LOADS} cold loads per scenario, each in a fresh browser context (Slow 4G: 150 ms RTT, 1.6 Mbit/s down, CPU 4x)\n`);
console.log("| what the visitor does | loopback | Slow 4G, 4x CPU | brotli bytes fetched | wasm files |");
console.log("|---|---|---|---|---|");
for (const [name, sc] of Object.entries(SCENARIOS)) console.log(row(sc.label, name));
console.log(row("second visit to #/audit, service worker in place, online", "second"));
console.log(row("second visit to #/audit, service worker in place, offline", "offline"));
const calc = median(results.slow.calculator.map((r) => r.ms));
const peer = median(results.slow.peer.map((r) => r.ms));
console.log(`\ncalculator / peer on Slow 4G: ${(calc / peer).toFixed(2)}x (target 1.0x or less)`);
console.log(`qualification list of 10,000 deals, median of 5 (loopback): first page in ${median(results.list)} ms; a search to one deal in ${median(results.search)} ms; one delete, saved, in ${median(results.remove)} ms`);
