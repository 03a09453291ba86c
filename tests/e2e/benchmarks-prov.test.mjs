// Stage benchmarks, issue 13 item 6 and the rest of item 2, end to end
// against the release build: where every baseline comes from, the charts
// and table on a 360 px phone, print on one page, and the headline in
// German.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, runAxe } from "./support/harness.mjs";
import { BenchmarksPage } from "./pages/benchmarks.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

async function open(options = {}, hash = "#/benchmarks") {
  const ctx = await h.newContext({ locale: "en-US", ...options });
  const page = await h.newPage(hash, ctx);
  return { ctx, page, tool: new BenchmarksPage(page) };
}

test("both published baselines cite their source, and an own baseline warns under 30 closed deals", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  const source = await tool.text("baseline-source");
  assert.match(source, /^Source: Tom Regan \(Artemis GTM\), “B2B Sales Process/);
  assert.match(source, /\(2026\)\. Sample: B2B SaaS companies with \$5M–\$100M ARR/);
  assert.match(source, /Win rate: share of qualified pipeline/);
  assert.equal(await tool.text("table-source"), source, "the same line under the stage table");
  assert.doesNotMatch(source, /mid-market ones/);

  await tool.segment.selectOption("enterprise");
  assert.match(await tool.text("baseline-source"), /Conversion ranges are the mid-market ones: the source publishes a single conversion column/);

  await tool.segment.selectOption("my-baseline");
  assert.match(await tool.text("baseline-source"), /^Source: your own data\. Sample: closed deals not given\./);
  const deals = page.getByLabel("Closed deals behind this baseline");
  await deals.fill("12");
  assert.match(await tool.text("baseline-source-warning"), /Rests on 12 closed deals, fewer than 30/);
  assert.match(await tool.text("table-source-warning"), /fewer than 30/);
  await deals.fill("45");
  assert.equal(await tool.text("baseline-source-warning"), "");
  assert.ok(!(await tool.out("baseline-source-warning").isVisible()));
  assert.match(await tool.text("baseline-source"), /Sample: 45 closed deals/);
  assert.deepEqual(await runAxe(page), []);
});

test("at 360 px the charts keep text of 12 px or more and the table scrolls inside its card with a cue", async () => {
  const { page, tool } = await open({ viewport: { width: 360, height: 780 } });
  await tool.button("Load example team").click();
  const chart = page.getByRole("img", { name: /Conversion by stage/ });
  await chart.waitFor();
  const money = tool.out("money-chart");
  assert.match(await money.textContent(), /Discovery\s*\$32,695 a month/);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll(".sc-benchmarks-chart *")]
      .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((e) => ({ text: e.textContent.trim().slice(0, 20), px: parseFloat(getComputedStyle(e).fontSize), w: e.getBoundingClientRect().right })),
  );
  assert.ok(sizes.length > 20, "chart text found");
  for (const s of sizes) {
    assert.ok(s.px >= 12, `${s.text} is ${s.px}px`);
    assert.ok(s.w <= 360, `${s.text} stays on screen`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, "no sideways page scroll");
  const wrap = page.locator(".sc-benchmarks-table-wrap");
  const box = await wrap.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, bg: getComputedStyle(e).backgroundImage }));
  assert.ok(box.scroll > box.client, "the table is wider than its card and scrolls inside it");
  assert.match(box.bg, /gradient/, "edge shadows");
  assert.ok(await tool.out("table-scroll-hint").isVisible(), "a caption says it scrolls");
  assert.deepEqual(await runAxe(page), []);
});

test("print is one page with the example team loaded", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.text("bottleneck-stage");
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${format}: ${pages} pages`);
  }
  await page.emulateMedia({ media: "print" });
  assert.ok(await tool.out("table-source").isVisible(), "the source is printed");
  assert.match(await page.locator(".sc-benchmarks-print-inputs").textContent(), /New prospects per month 400 · Open opportunities 60 · Average deal size \$24,000/);
  assert.ok(await tool.headline.isVisible());
});

test("in German the headline writes the locale's percent and compact money", async () => {
  const { tool } = await open({ locale: "de-DE" });
  await tool.button("Load example team").click();
  const text = (await tool.headline.textContent()).trim();
  assert.match(text, /^Fix Discovery \(52\s%\svs 60–75\s%\): \+32,7\sTausend\s€ a month \(\+30\s%\)\.$/, text);
  const { tool: en } = await open();
  await en.button("Load example team").click();
  assert.equal((await en.headline.textContent()).trim(), "Fix Discovery (52% vs 60–75%): +$32.7K a month (+30%).");
});
