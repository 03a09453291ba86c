// Stage benchmark calculator end to end, against the release build in dist/:
// fill the form like a user, check the figures, reload, switch segment, bad
// input, the custom baseline, CSV export, axe, and keyboard-only use.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { setup, runAxe, waitForApp, serveStatic } from "./support/harness.mjs";
import { hostPageHtml, HostPage } from "./pages/host.mjs";
import { BenchmarksPage, TEAM } from "./pages/benchmarks.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

async function open(options = {}) {
  const ctx = await h.newContext({ locale: "en-US", ...options });
  const page = await h.newPage("#/benchmarks", ctx);
  return { page, tool: new BenchmarksPage(page) };
}

// Hand-worked figures for TEAM against mid-market benchmarks:
// win rate .52·.58·.70·.82 = 17.3%, cycle 6+12+18+16+10 = 62 days,
// velocity 60·0.1731184·24 000/62 = $4,020.81 a day,
// revenue 400·.12·.55·0.1731184·24 000 = $109,687.82 a month.
const EXPECTED = {
  "win-rate": "17.3%",
  "sales-cycle-days": "62",
  "velocity-per-day": "$4,021",
  "revenue-per-month": "$109,688",
  "bottleneck-stage": "Discovery",
  "slowest-stage": "Solution presentation",
  "conversion-status-prospecting": "within",
  "conversion-status-discovery": "below",
  "conversion-status-closing": "within",
  "time-status-solution": "slower",
  "time-status-prospecting": "within",
  "time-status-onboarding": "within",
  "stale-days-prospecting": "14",
  "stale-days-discovery": "28",
  "stale-days-proposal": "42",
  // 55% and 70% sit exactly on their midpoints: no fix.
  "fix-value-qualification": "",
  "fix-value-proposal": "",
  // Closing 82% → 82.5%: $109,687.82 × 0.5/82 = $669.
  "fix-value-closing": "$669",
};

function assertFigures(actual, expected, context) {
  for (const [id, value] of Object.entries(expected)) {
    assert.equal(actual[id], value, `${context}: ${id}`);
  }
}

test("filling the form gives the hand-worked figures, and they survive a reload", async () => {
  const { page, tool } = await open();
  assert.equal(await tool.text("win-rate"), "—");
  await tool.fillTeam();
  const figures = await tool.figures();
  assertFigures(figures, EXPECTED, "after typing");
  // Discovery 52% → 67.5% midpoint: 400·24 000·.675·(.12·.55·.58·.70·.82) − revenue = $32,695.
  assert.equal(figures["fix-value-discovery"], "$32,695");
  await page.getByText("Bringing it to the benchmark midpoint is worth $32,695 more a month.").waitFor();
  // Solution 18 → 10.5 days saves 7.5: cycle 62 → 54.5, velocity up 13.8%.
  await page.getByText("velocity up 13.8%").waitFor();
  const svg = page.getByRole("img", { name: /Conversion by stage/ });
  assert.equal(await svg.count(), 1);
  assert.match(await svg.textContent(), /52% · bottleneck/);

  await page.reload();
  await waitForApp(page);
  assert.equal(await tool.field("Discovery conversion (%)").inputValue(), "52");
  assert.equal(await tool.field("Average deal size").inputValue(), "24000");
  assertFigures(await tool.figures(), EXPECTED, "after reload");
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.external.list, []);
});

test("switching segment changes the statuses and stale thresholds", async () => {
  const { page, tool } = await open();
  await tool.fillTeam();
  await tool.segment.selectOption({ label: "Enterprise" });
  const ent = await tool.figures();
  assert.equal(ent["stale-days-proposal"], "90");
  assert.equal(ent["stale-days-discovery"], "60");
  assert.equal(ent["time-status-solution"], "within");
  assert.equal(ent["time-status-prospecting"], "faster");
  assert.equal(ent["time-status-onboarding"], "faster");
  assert.match(ent["slowest-stage"], /none/);
  await page.getByText("Target 10–15% from qualified pipeline.").waitFor();

  await tool.segment.selectOption({ label: "Mid-market" });
  assertFigures(await tool.figures(), EXPECTED, "back to mid-market");

  // My baseline starts from mid-market; tightening discovery's time to
  // 3–5 days makes 12 days slower and a deal stale after 10.
  await tool.segment.selectOption({ label: "My baseline" });
  await tool.field("Discovery: low end of days").fill("3");
  await tool.field("Discovery: high end of days").fill("5");
  assert.equal(await tool.text("stale-days-discovery"), "10");
  assert.equal(await tool.text("time-status-discovery"), "slower");
  // A high end below the low end is refused, next to the field.
  await tool.field("Discovery: high end of days").fill("2");
  const high = tool.field("Discovery: high end of days");
  assert.equal(await high.getAttribute("aria-invalid"), "true");
  const errId = await high.getAttribute("aria-describedby");
  assert.equal((await page.locator(`#${errId}`).textContent()).trim(), "Enter at least the low end (3).");
  await tool.field("Discovery: high end of days").fill("5");
  await page.reload();
  await waitForApp(page);
  assert.equal(await tool.segment.inputValue(), "my-baseline");
  assert.equal(await tool.field("Discovery: high end of days").inputValue(), "5");
  assert.equal(await tool.text("stale-days-discovery"), "10");
});

test("bad input shows an inline error and keeps the last results", async () => {
  const { page, tool } = await open();
  await tool.fillTeam();
  const before = await tool.figures();
  for (const [label, raw, message] of [
    ["Discovery conversion (%)", "abc", "Use digits only, for example 1250."],
    ["Discovery conversion (%)", "140", "Enter 100 or less."],
    ["Closing days", "4000", "Enter 3650 or less."],
    ["Average deal size", "-5", "Enter 0 or more."],
    ["Open opportunities", "", "Enter a number."],
  ]) {
    const input = tool.field(label);
    const good = await input.inputValue();
    await input.fill(raw);
    assert.equal(await input.inputValue(), raw, "the text stays as typed");
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    const id = await input.getAttribute("aria-describedby");
    assert.equal((await page.locator(`#${id}`).textContent()).trim(), message);
    await page.getByText("Out of date").waitFor();
    assert.deepEqual(await tool.figures(), before, `results kept while ${label} is "${raw}"`);
    await input.fill(good);
  }
  assert.equal(await page.getByText("Out of date").count(), 0);
  const text = await page.locator("main").textContent();
  assert.doesNotMatch(text, /NaN|Infinity|∞/);
});

test("a zero-day cycle shows a dash for velocity, with the reason", async () => {
  const { page, tool } = await open();
  await tool.fillTeam(TEAM.map(([l, v]) => [l, /days$/.test(l) && !/^(Prospecting|Onboarding)/.test(l) ? "0" : v]));
  assert.equal(await tool.text("velocity-per-day"), "—");
  await page.getByText(/no cycle to divide by/).waitFor();
});

test("counts mode derives the rates and warns about impossible counts", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.field("Enter counts instead").check();
  assert.equal(await tool.field("Deals that entered Discovery").inputValue(), "66");
  // 34/66 · 20/34 · 14/20 · 11/14 = 11/66 = 16.7%
  assert.equal(await tool.text("win-rate"), "16.7%");
  await tool.field("Deals closed-won").fill("30");
  await page.getByText("30 deals closed-won, but only 14 entered Closing").waitFor();
});

test("what-if shows velocity and revenue before and after", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await page.getByLabel("Stage to adjust").selectOption({ label: "Discovery" });
  await page.getByLabel("Nudge open deals (%)").fill("10");
  await page.getByTestId("what-if-velocity").getByText("(up 10.0%)").waitFor();
  assert.match(await page.getByTestId("what-if-velocity").textContent(), /\$4,021 a day → \$4,423 a day/);
  // Discovery +8 points → 60%: revenue × 60/52.
  await page.getByLabel("Nudge the conversion (points)").fill("8");
  assert.match(await page.getByTestId("what-if-revenue").textContent(), /\$109,688 → \$126,563 \(up 15\.4%\)/);
  await tool.button("Reset all").click();
  assert.match(await page.getByTestId("what-if-revenue").textContent(), /\(no change\)/);
  // The saved figures are untouched.
  assert.equal(await tool.text("win-rate"), "17.3%");
});

test("Download CSV exports the stage table; Clear can be undone", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  const [download] = await Promise.all([page.waitForEvent("download"), tool.button("Download CSV").click()]);
  const csv = await readFile(await download.path(), "utf8");
  // Issue 12: a BOM, CRLF, a summary block, then the table with each range in two columns.
  assert.ok(csv.startsWith("\uFEFF"));
  const all = csv.trim().split("\r\n");
  // Issue 13 item 6: the baseline's provenance follows the table, after a second blank row.
  const lines = all.slice(all.indexOf('""') + 1, all.lastIndexOf('""'));
  assert.equal(lines.length, 8);
  assert.match(all.at(-4), /^Baseline source,"Tom Regan/);
  assert.match(lines[3], /^Discovery,52,60,75,below,12,7,14,within,28,32695(\.\d\d?)?$/);

  await tool.button("Clear").click();
  assert.equal(await tool.field("Average deal size").inputValue(), "");
  assert.equal(await tool.text("win-rate"), "—");
  await tool.button("Undo").click();
  assert.equal(await tool.field("Average deal size").inputValue(), "24000");
  assert.equal(await tool.text("win-rate"), "17.3%");
});

test("axe finds no serious or critical violations in any state", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, tool } = await open({ colorScheme });
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: empty form`);
    await tool.fillTeam();
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: results`);
    await tool.field("Discovery conversion (%)").fill("abc");
    await tool.segment.selectOption({ label: "My baseline" });
    await tool.field("Enter counts instead").check();
    await tool.field("Deals closed-won").fill("5");
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: errors, baseline form, counts mode`);
  }
});

test("the whole tool works with the keyboard alone", async () => {
  const { page, tool } = await open();
  await page.locator("body").focus();
  await tool.tabTo("Segment");
  await page.keyboard.press("ArrowDown"); // Mid-market → Enterprise
  await page.keyboard.press("ArrowUp"); // and back
  for (const [label, value] of TEAM) {
    await tool.tabTo(label);
    await page.keyboard.type(value);
  }
  assertFigures(await tool.figures(), EXPECTED, "typed with the keyboard");

  // Switch segment from the keyboard.
  await page.getByLabel("Segment").focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await tool.text("stale-days-proposal"), "90");

  // Reach the what-if and the export buttons by Tab, and use a slider.
  await tool.tabTo("Nudge open deals (%)", 120);
  await page.keyboard.press("ArrowRight");
  await page.getByTestId("what-if-velocity").getByText("(up 5.0%)").waitFor();
  await tool.tabTo("Reset all");
  await page.keyboard.press("Enter");
  await page.getByTestId("what-if-velocity").getByText("(no change)").waitFor();
  await tool.tabTo("Copy as CSV");
  await tool.tabTo("Download CSV");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.ok(await download.path());
});

test("embedded, each distinct finished result is reported to the host page once", async () => {
  const app = await serveStatic({ headers: { "access-control-allow-origin": "*" } });
  const widgets = [{ id: "bench", tool: "benchmarks" }];
  const host = await serveStatic({
    host: "localhost",
    extra: { "/landing.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, widgets) } },
  });
  const ctx = await h.browser.newContext({ locale: "en-US" });
  try {
    const page = await ctx.newPage();
    await page.goto(`http://localhost:${host.port}/landing.html`);
    const hp = new HostPage(page);
    await hp.waitForEvent("stagecraft:ready", "bench");
    const frame = hp.frame("bench");
    await frame.getByRole("button", { name: "Load example team", exact: true }).click();
    await hp.waitForEvent("stagecraft:completed", "bench");
    let done = await hp.events("stagecraft:completed", "bench");
    assert.equal(done.length, 1);
    assert.deepEqual(done[0].detail, { tool: "benchmarks", velocityPerDay: 4020.81, bottleneck: "Discovery" });
    // The widget folds its inputs under headings (issue 15): open them.
    await frame.locator("summary", { hasText: "Stage by stage" }).click();
    // A typo and its fix come back to the same result: no second report.
    await frame.getByLabel("Closing days").fill("x");
    await frame.getByLabel("Closing days").fill("10");
    await page.waitForTimeout(200);
    assert.equal((await hp.events("stagecraft:completed", "bench")).length, 1);
    // A new result is reported.
    await frame.getByLabel("Discovery conversion (%)").fill("70");
    await page.waitForFunction(() => window.__events.filter((e) => e.name === "stagecraft:completed").length === 2);
    done = await hp.events("stagecraft:completed", "bench");
    assert.equal(done[1].detail.bottleneck, null);
  } finally {
    await ctx.close();
    await host.close();
    await app.close();
  }
});

test("each figure shows as soon as its own inputs are in, and names what it still needs", async () => {
  const { page, tool } = await open();
  // Many teams do not track onboarding: nothing else waits for it.
  await tool.fillTeamExcept("Onboarding days to first value");
  const figures = await tool.figures();
  for (const id of ["win-rate", "sales-cycle-days", "velocity-per-day", "revenue-per-month", "bottleneck-stage", "slowest-stage", "fix-value-closing", "conversion-status-discovery", "time-status-solution"]) {
    assert.equal(figures[id], EXPECTED[id], id);
  }
  assert.equal(figures["fix-value-discovery"], "$32,695");
  assert.equal(figures["time-status-onboarding"], "—");
  assert.equal(await page.getByRole("img", { name: /Conversion by stage/ }).count(), 1, "the chart is drawn");
  assert.equal(await page.getByText("Out of date").count(), 0, "nothing is out of date, only missing");

  // An empty Closing days holds back only what reads it.
  const { tool: t2 } = await open();
  await t2.fillTeamExcept("Closing days", "Onboarding days to first value");
  assert.equal(await t2.text("sales-cycle-days"), "—");
  assert.equal(await t2.text("velocity-per-day"), "—");
  assert.equal(await t2.text("slowest-stage"), "—");
  assert.match(await t2.card("Sales cycle").textContent(), /Needs: Closing days\./);
  assert.match(await t2.card("Pipeline velocity").textContent(), /Needs: Closing days\./);
  assert.equal(await t2.text("win-rate"), "17.3%");
  assert.equal(await t2.text("revenue-per-month"), "$109,688");
  assert.equal(await t2.text("bottleneck-stage"), "Discovery");
  assert.equal(await t2.text("time-status-closing"), "—");
  assert.equal(await t2.text("time-status-solution"), "slower");
  const text = await t2.page.locator("main").textContent();
  assert.doesNotMatch(text, /NaN|Infinity|∞/);
});

test("the answer comes first, with the money, and phones see it before the inputs", async () => {
  const { page, tool } = await open({ viewport: { width: 360, height: 740 } });
  assert.match(await tool.headline.textContent(), /^To see which stage to fix first, fill in Prospecting conversion \(%\)/);
  await tool.button("Load example team").click();
  // Discovery 52% → 67.5% is worth $32,695 a month on $109,688 (+29.8%).
  assert.equal((await tool.headline.textContent()).trim(), "Fix Discovery (52% vs 60–75%): +$32.7K a month (+30%).");
  const top = async (locator) => (await locator.boundingBox()).y;
  assert.ok((await top(tool.headline)) < (await top(tool.segment)), "the headline is above the inputs");
  await tool.button("Change your numbers").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "sc-benchmarks-segment");
  assert.deepEqual(await runAxe(page), [], "phone layout");

  // Only the worth is missing: the stage is named, and what is needed.
  const { tool: t2 } = await open();
  await t2.fillTeamExcept("Average deal size");
  assert.match(await t2.headline.textContent(), /^Fix Discovery \(52% vs 60–75%\)\. Fill in Average deal size to see what it is worth\./);
  // Nothing to fix.
  await t2.field("Average deal size").fill("24000");
  await t2.field("Discovery conversion (%)").fill("70");
  assert.match(await t2.headline.textContent(), /^Nothing to fix in conversion/);
});

test("a quota gives coverage, the pipeline needed and the shortfall, and is kept", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  assert.equal(await tool.out("coverage-ratio").count(), 0, "no coverage before a quota");
  await tool.quota.fill("300000");
  // 60 × $24,000 = $1,440,000 open: 4.8× a $300,000 quota. At a 17.31% win
  // rate it needs $300,000 / 0.1731184 = $1,732,918: $292,918 short, 12.2 deals.
  assert.equal(await tool.text("coverage-ratio"), "4.8×");
  assert.equal(await tool.text("pipeline-needed"), "$1,732,918");
  assert.equal(await tool.text("coverage-shortfall"), "You need $292,918 more, about 13 deals.");
  await page.getByText("at or above the 3× rule").waitFor();
  await tool.quota.fill("100k");
  assert.equal(await tool.text("coverage-ratio"), "14.4×");
  assert.match(await tool.text("coverage-shortfall"), /covers what the quota needs/);
  await page.reload();
  await waitForApp(page);
  assert.equal(await tool.quota.inputValue(), "100k");
  assert.equal(await tool.text("pipeline-needed"), "$577,639");
  // The coverage ratio needs only open opportunities and deal size.
  await tool.field("Discovery conversion (%)").fill("");
  assert.equal(await tool.text("coverage-ratio"), "14.4×");
});

test("loading the example team and starting a baseline afresh can both be undone", async () => {
  const { page, tool } = await open();
  await tool.field("Average deal size").fill("50000");
  await tool.field("Open opportunities").fill("12");
  await tool.button("Load example team").click();
  assert.equal(await tool.field("Average deal size").inputValue(), "24000");
  await page.getByText("Example team loaded.").waitFor();
  await tool.undo();
  assert.equal(await tool.field("Average deal size").inputValue(), "50000");
  assert.equal(await tool.field("Open opportunities").inputValue(), "12");
  assert.equal(await tool.field("Discovery conversion (%)").inputValue(), "");

  await tool.segment.selectOption({ label: "My baseline" });
  await tool.field("Discovery: high end of days").fill("5");
  await tool.button("Start from enterprise").click();
  assert.equal(await tool.field("Discovery: high end of days").inputValue(), "30");
  await tool.undo();
  assert.equal(await tool.field("Discovery: high end of days").inputValue(), "5");
  await page.reload();
  await waitForApp(page);
  assert.equal(await tool.field("Discovery: high end of days").inputValue(), "5", "the undone state is what is saved");
});

test("counts mode refuses impossible counts on the field, shows each rate, and flags small samples", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.field("Enter counts instead").check();
  // 12% of 1000 prospects reach qualification; 20 entering proposal is a small sample.
  assert.equal(await tool.text("count-rate-prospecting"), "= 12% move on to Qualification");
  assert.equal(await tool.text("count-rate-proposal"), "= 70% move on to Closing · small sample");
  assert.equal(await tool.text("count-rate-closing"), "= 78.6% won · small sample");
  await page.getByText(/Small sample: Proposal & negotiation \(20\) and Closing \(14\) had fewer than 30 deals entering\./).waitFor();
  assert.match(await tool.card("Win rate").textContent(), /Small sample: Proposal & negotiation \(20 deals\) and Closing \(14 deals\)/);

  // 80 entering Solution after 66 entered Discovery is refused where it was typed.
  const solution = tool.field("Deals that entered Solution presentation");
  await solution.fill("80");
  assert.equal(await solution.getAttribute("aria-invalid"), "true");
  const ids = (await solution.getAttribute("aria-describedby")).split(" ");
  const messages = await Promise.all(ids.map((id) => page.locator(`#${id}`).textContent()));
  assert.ok(messages.some((m) => m.startsWith("80 deals reached Solution presentation, but only 66 entered Discovery.")), messages.join(" | "));
  assert.equal(await tool.text("count-rate-discovery"), "");
  await page.getByText("Out of date").first().waitFor();
  assert.equal(await tool.text("conversion-status-discovery"), "below", "the last possible counts stay on screen");
  assert.doesNotMatch(await tool.text("conversion-status-discovery"), /above/);
  await solution.fill("34");
  assert.equal(await solution.getAttribute("aria-invalid"), "false");
  assert.equal(await page.getByText("Out of date").count(), 0);
});
