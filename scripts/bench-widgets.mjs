// Widget stability, reported and never asserted: a landing page with two
// widgets (the audit and the calculator) and text below them, cold loads
// on loopback and on emulated Slow 4G with the CPU slowed 4x. Reports the
// host page's cumulative layout shift (shifts not caused by the visitor,
// as Chrome counts them) until both widgets have settled, each widget's
// reserved and settled heights, and how the audit widget's height moves
// through its sixteen questions at 360 px (shrinks and the largest step).
import { serveStatic, launchBrowser } from "../tests/e2e/support/harness.mjs";

const RUNS = Math.max(3, Number(process.argv[2]) || 5);
const app = await serveStatic({ headers: { "access-control-allow-origin": "*" } });
// The same page twice: divs as the README's shortest snippet writes them,
// and divs that reserve their widget's usual first height in the page's own
// CSS (as the README recommends), so nothing moves before the loader runs.
const landing = (reserve) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Landing</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:760px;padding:16px}
${reserve ? "#audit{min-height:1444px}#bench{min-height:810px}@media (min-width:640px){#audit{min-height:1031px}#bench{min-height:646px}}" : ""}</style></head><body>
<h1>Grow your pipeline</h1><p>Two minutes tell you where your sales process leaks.</p>
<div id="audit" data-stagecraft-tool="audit"></div>
<h2>What is your funnel worth?</h2><p>Put in your numbers and see the stage that costs you most.</p>
<div id="bench" data-stagecraft-tool="benchmarks"></div>
<h2>About us</h2><p>${"We help sales teams. ".repeat(40)}</p>
<script src="${app.origin}/embed.js" defer></script></body></html>`;
const host = await serveStatic({
  host: "localhost",
  extra: {
    "/landing.html": { type: "text/html; charset=utf-8", body: landing(false) },
    "/reserved.html": { type: "text/html; charset=utf-8", body: landing(true) },
  },
});

// Before any page script: collect layout shifts and each widget's heights.
const PROBE = () => {
  window.__cls = 0;
  window.__heights = { audit: [], bench: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  } catch { /* not Chromium */ }
  // The height each iframe had when the loader put it in the page.
  window.__first = {};
  new MutationObserver((list) => {
    for (const m of list) {
      for (const n of m.addedNodes) {
        if (n.tagName === "IFRAME" && n.parentElement) window.__first[n.parentElement.id] = parseInt(n.style.height, 10);
      }
    }
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener("stagecraft:resize", (ev) => {
    const list = window.__heights[ev.target.id];
    if (list) list.push(ev.detail.height);
  });
};

async function throttle(session) {
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await session.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

const browser = await launchBrowser();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function load(width, slow, path = "/landing.html") {
  const context = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: "block" });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  if (slow) {
    await throttle(await context.newCDPSession(page));
    page.on("frameattached", async (frame) => {
      try { await throttle(await context.newCDPSession(frame)); } catch { /* same process */ }
    });
  }
  await page.goto(host.origin + path);
  // Settled: both widgets reported, then nothing moved for 1.5 s.
  let last = "", still = 0;
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline && still < 1500) {
    const now = await page.evaluate(() => JSON.stringify(window.__heights));
    const both = Object.values(JSON.parse(now)).every((l) => l.length > 0);
    still = both && now === last ? still + 100 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
  const out = await page.evaluate(() => ({ cls: window.__cls, heights: window.__heights, reserved: [window.__first.audit, window.__first.bench] }));
  return { page, context, ...out };
}

const rows = [];
for (const [path, divs] of [["/landing.html", "empty until the loader runs"], ["/reserved.html", "first height reserved in the page's CSS"]]) {
  for (const slow of [false, true]) {
    for (const width of [360, 1280]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await load(width, slow, path);
        runs.push(r);
        await r.context.close();
      }
      const cls = median(runs.map((r) => r.cls));
      const r = runs[0];
      const settled = ["audit", "bench"].map((k) => r.heights[k].at(-1));
      rows.push(`| ${divs} | ${slow ? "Slow 4G, 4x CPU" : "loopback"} | ${width} px | ${cls.toFixed(3)} | ${r.reserved.join(" / ")} | ${settled.join(" / ")} |`);
    }
  }
}
console.log(`\nTwo widgets on a landing page (audit, then calculator), median of ${RUNS} cold loads`);
console.log("| the divs | network | viewport | CLS (target 0.05 or less) | loader's first height, px | settled height, px |");
console.log("|---|---|---|---|---|---|");
for (const row of rows) console.log(row);

// The audit widget through its questions at 360 px: every height it took.
{
  const r = await load(360, false);
  const frame = r.page.frameLocator("#audit iframe");
  await frame.getByRole("button", { name: "Start the audit" }).click();
  const seen = [];
  for (let i = 0; i < 15; i++) {
    await frame.locator(`.sc-audit-question[data-question]`).first().waitFor();
    await r.page.waitForTimeout(250);
    seen.push(await r.page.evaluate(() => parseInt(document.querySelector("#audit iframe").style.height, 10)));
    await frame.locator(".sc-audit-option").nth(i % 4).click();
  }
  await r.page.waitForTimeout(300);
  let shrinks = 0, step = 0;
  for (let i = 1; i < seen.length; i++) {
    if (seen[i] < seen[i - 1]) shrinks++;
    step = Math.max(step, Math.abs(seen[i] - seen[i - 1]));
  }
  console.log(`\nAudit widget at 360 px, questions 1 to 15: heights ${seen.join(", ")} px; shrinks: ${shrinks}; largest step: ${step} px`);
  const bench = parseInt(await r.page.evaluate(() => document.querySelector("#bench iframe").style.height), 10);
  console.log(`Calculator widget at 360 px: ${bench} px tall before any input (compact target: under 1,400 px)`);
  await r.context.close();
}
await browser.close();
await host.close();
await app.close();
