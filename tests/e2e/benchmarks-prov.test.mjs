// Stage benchmarks, issue 13 items 6 and 9 and the rest of item 2, end to
// end against the release build: where every baseline comes from, named
// baselines, the read-only share link, the charts and table on a 360 px
// phone, print on one page, and the headline in German.
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

test("own baselines are saved under a name, picked, and deleted with Undo", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.segment.selectOption("my-baseline");
  const name = page.getByLabel("Name for this baseline");
  await tool.button("Save baseline").click();
  await page.getByText("Type a name to save this baseline under.").waitFor();

  await page.getByLabel("Closed deals behind this baseline").fill("40");
  await page.getByLabel("Discovery: low end of conversion (%)").fill("45");
  await name.fill("West team");
  await tool.button("Save baseline").click();
  await page.getByText("Saved as “West team”.").waitFor();
  assert.equal(await tool.text("bottleneck-stage"), "none below benchmark", "Discovery at 52% is within 45–75");

  await page.getByLabel("Discovery: low end of conversion (%)").fill("60");
  await page.getByLabel("Closed deals behind this baseline").fill("8");
  await name.fill("East team");
  await tool.button("Save baseline").click();
  const saved = tool.out("saved-baselines").locator("li");
  assert.equal(await saved.count(), 2);
  assert.equal(await tool.text("bottleneck-stage"), "Discovery");

  // Picking West brings its ranges and its provenance back.
  await page.getByRole("button", { name: "Use West team" }).click();
  assert.equal(await page.getByLabel("Discovery: low end of conversion (%)").inputValue(), "45");
  assert.match(await tool.text("baseline-source"), /Sample: West team, 40 closed deals/);
  assert.equal(await tool.text("bottleneck-stage"), "none below benchmark");

  // They are kept in the document: a reload keeps both.
  await page.reload();
  await tool.out("saved-baselines").waitFor();
  assert.equal(await saved.count(), 2);

  await page.getByRole("button", { name: "Delete East team" }).click();
  assert.equal(await saved.count(), 1);
  await tool.undo();
  assert.equal(await saved.count(), 2, "Undo brings it back");
  assert.match(await saved.nth(1).textContent(), /East team, 8 closed deals/);
});

test("a share link opens the funnel read only in a fresh browser, stores nothing, and can be taken with Undo", async () => {
  const { page, tool } = await open({ permissions: ["clipboard-read", "clipboard-write"] });
  await tool.button("Load example team").click();
  await tool.field("Quota for the period").fill("500000");
  await tool.button("Copy share link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#\/benchmarks\/share\/1-[0-9a-z]+$/);
  const sharedHeadline = (await tool.headline.textContent()).trim();

  // A colleague with a funnel of their own.
  const ctx = await h.newContext({ locale: "en-US" });
  const mine = await ctx.newPage();
  await mine.goto(h.baseUrl + "#/benchmarks");
  await mine.waitForSelector('#stagecraft[data-sc-ready="true"] > .sc-root', { state: "attached" });
  const me = new BenchmarksPage(mine);
  await me.field("New prospects per month").fill("999");
  const before = await mine.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  await mine.goto(link);
  await me.out("shared-strip").waitFor();
  assert.match(await me.text("shared-strip"), /Shared funnel — read only/);
  assert.equal((await me.headline.textContent()).trim(), sharedHeadline, "the same result");
  assert.equal(await me.field("New prospects per month").inputValue(), "400");
  assert.ok(await me.field("New prospects per month").isDisabled(), "read only");
  assert.equal(await me.field("Quota for the period").inputValue(), "500000");
  assert.equal(await me.button("Load example team").count(), 0);
  const after = await mine.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  assert.equal(after, before, "opening a shared funnel stores nothing");
  assert.deepEqual(await runAxe(mine), []);

  // Back to their own funnel, untouched.
  await me.button("Back to my funnel").click();
  await me.out("shared-strip").waitFor({ state: "detached" });
  assert.equal(await me.field("New prospects per month").inputValue(), "999");

  // "Use these numbers" copies them in, with Undo.
  await mine.goto(link);
  await me.button("Use these numbers").click();
  await me.out("shared-strip").waitFor({ state: "detached" });
  assert.equal(await me.field("New prospects per month").inputValue(), "400");
  assert.ok(!(await me.field("New prospects per month").isDisabled()));
  await mine.getByText("Shared numbers copied into your funnel.").waitFor();
  await me.undo();
  assert.equal(await me.field("New prospects per month").inputValue(), "999");

  // A damaged link is refused in one line over their own funnel.
  await mine.goto(link.slice(0, -2) + "zz");
  await mine.getByText(/Shared funnel not opened\./).waitFor();
  assert.match(await me.text("shared-strip"), /cut short or changed/);
  assert.equal(await me.field("New prospects per month").inputValue(), "999");
  assert.deepEqual(mine.pageErrors, []);
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
