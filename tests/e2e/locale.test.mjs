// Numbers, money and dates in the user's own locale (issue 12), against the
// release build in dist/: German, French and Indian browsers type numbers
// their own way and get the same results as an English one; an ambiguous
// entry is refused with both readings; the currency follows the locale and
// can be switched; the CSV opens cleanly; dates are the local calendar day.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { setup } from "./support/harness.mjs";
import { BenchmarksPage, TEAM } from "./pages/benchmarks.mjs";
import { QualifyPage } from "./pages/qualify.mjs";
import { SettingsBar } from "./pages/settings.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

async function open(hash, options = {}) {
  const ctx = await h.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await h.newPage(hash, ctx);
  page.setDefaultTimeout(8000);
  return { ctx, page, tool: new BenchmarksPage(page), s: new SettingsBar(page) };
}

/** TEAM with some values typed as a German would type them. */
const TEAM_DE = TEAM.map(([label, value]) => {
  if (label === "Average deal size") return [label, "24.000"];
  if (label === "Closing days") return [label, "10,0"];
  return [label, value];
});

/** Locale-independent results: statuses, stage names, stale days. */
async function verdicts(tool) {
  const f = await tool.figures();
  const out = {};
  for (const [k, v] of Object.entries(f)) if (/status|stage|stale/.test(k)) out[k] = v;
  return out;
}

async function downloadCsv(page, tool) {
  const [download] = await Promise.all([page.waitForEvent("download"), tool.button("Download CSV").click()]);
  return readFile(await download.path(), "utf8");
}

test("a German funnel typed the German way gives the English results, in euro", async () => {
  const en = await open("#/benchmarks", { locale: "en-US" });
  await en.tool.fillTeam();
  const english = await verdicts(en.tool);
  assert.equal(await en.tool.text("win-rate"), "17.3%");
  assert.match(await en.tool.text("fix-value-discovery"), /^\$32,695$/, "dollars by default in en-US");

  const de = await open("#/benchmarks", { locale: "de-DE" });
  await de.tool.fillTeam(TEAM_DE);
  assert.deepEqual(await verdicts(de.tool), english);
  assert.equal(await de.tool.text("win-rate"), "17,3%");
  // "24.000" is twenty-four thousand, said back in the locale.
  assert.match(await de.s.understood("sc-benchmarks-deal-size").textContent(), /^= 24\.000\s€$/);
  assert.match(await de.tool.text("fix-value-discovery"), /^32\.695\s€$/);
  assert.match(await de.tool.field("Average deal size").getAttribute("aria-describedby"), /sc-benchmarks-deal-size-understood/);
});

test("a German ACV of 60.000 is sixty thousand: MEDDICC, not BANT", async () => {
  const { page } = await open("#/qualify", { locale: "de-DE" });
  const q = new QualifyPage(page);
  await q.newDeal.click();
  await q.fillBasics({ name: "Acme", acv: "60.000", stakeholders: "3" });
  const framework = await q.framework.textContent();
  assert.match(framework, /MEDDICC/);
  assert.doesNotMatch(framework, /BANT/);
  await page.getByText(/Above 50\.000\s€/).waitFor();
});

test("'12,5' in an English browser is refused with both readings, kept as typed", async () => {
  const { tool } = await open("#/benchmarks", { locale: "en-US" });
  await tool.fillTeam();
  const field = tool.field("Closing days");
  await field.fill("12,5");
  const errId = (await field.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
  assert.ok(errId, "the error is linked");
  const message = await tool.page.locator(`#${errId}`).textContent();
  assert.match(message, /125/);
  assert.match(message, /12\.5/);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(await field.inputValue(), "12,5");
  // The last good result stays, marked out of date.
  assert.equal(await tool.text("win-rate"), "17.3%");
});

test("French and Indian browsers: their own grouping is read, their currency is the default", async () => {
  const fr = await open("#/benchmarks", { locale: "fr-FR" });
  await fr.tool.fillTeam(TEAM.map(([l, v]) => [l, l === "Average deal size" ? "24\u202f000" : v]));
  assert.match(await fr.tool.text("fix-value-discovery"), /^32\s695\s€$/);

  const inr = await open("#/benchmarks", { locale: "en-IN" });
  await inr.tool.fillTeam(TEAM.map(([l, v]) => [l, l === "Average deal size" ? "24,000" : v]));
  assert.match(await inr.tool.text("fix-value-discovery"), /32,695/);
  assert.match(await inr.tool.text("fix-value-discovery"), /₹/);
});

test("switching the currency changes the screen and the CSV; the CSV opens cleanly", async () => {
  const { page, tool, s } = await open("#/benchmarks", { locale: "de-DE" });
  await tool.fillTeam(TEAM.map(([l, v]) => [l, l === "Average deal size" ? "+24.000" : v]));
  let csv = await downloadCsv(page, tool);
  assert.ok(csv.startsWith("\uFEFF"), "BOM");
  assert.ok(csv.includes("\r\n") && !csv.replace(/\r\n/g, "").includes("\n"), "CRLF only");
  let lines = csv.slice(1).split("\r\n");
  assert.ok(lines.includes("Currency;EUR"));
  assert.ok(lines.includes("Average deal size;24000;'+24.000"), "typed text neutralised");
  assert.ok(lines.some((l) => l.startsWith("Win rate (%);17,3")), "comma decimals");
  const header = lines.find((l) => l.startsWith("Stage;"));
  assert.match(header, /Mid-market conversion low \(%\);Mid-market conversion high \(%\)/);
  assert.ok(lines.some((l) => l.startsWith("Discovery;52;60;75;below;12;7;14;")), "ranges in two columns");
  assert.ok(!csv.includes("60-75"));

  // The currency is chosen on "Your data" and holds for every tool.
  const app = (hash) => page.goto(page.url().replace(/#.*$/, hash));
  const ready = () => page.waitForSelector('#stagecraft[data-sc-ready="true"] > .sc-root', { state: "attached" });
  await app("#/data");
  await ready();
  assert.equal(await s.dataPageCurrency.inputValue(), "EUR", "euro by default in de-DE");
  await s.dataPageCurrency.selectOption("USD");
  await app("#/benchmarks");
  await ready();
  await page.getByTestId("fix-value-discovery").filter({ hasText: "$" }).waitFor();
  assert.match(await tool.text("fix-value-discovery"), /^32\.695\s\$$/);
  await s.spreadsheetFormat.selectOption(",");
  csv = await downloadCsv(page, tool);
  lines = csv.slice(1).split("\r\n");
  assert.ok(lines.includes("Currency,USD"));
  assert.ok(lines.some((l) => l.startsWith("Win rate (%),17.3")));

  // Stored and shared: the data page shows the same choice after a reload.
  await app("#/data");
  await ready();
  assert.equal(await s.dataPageCurrency.inputValue(), "USD");
});

test("downloaded text carries the local calendar date, not UTC's", async () => {
  // 20:00 on 10 March in Los Angeles is already 11 March in UTC.
  const { page, tool } = await open("#/benchmarks", { locale: "en-US", timezoneId: "America/Los_Angeles" });
  await page.clock.setFixedTime(new Date("2026-03-11T04:00:00Z"));
  await tool.fillTeam();
  const csv = await downloadCsv(page, tool);
  const lines = csv.slice(1).split("\r\n");
  assert.ok(lines.includes("Date,2026-03-10"), lines.slice(0, 4).join(" | "));

  const far = await open("#/benchmarks", { locale: "en-US", timezoneId: "Pacific/Kiritimati" });
  await far.page.clock.setFixedTime(new Date("2026-03-10T12:00:00Z"));
  await far.tool.fillTeam();
  const csv2 = await downloadCsv(far.page, far.tool);
  assert.ok(csv2.slice(1).split("\r\n").includes("Date,2026-03-11"));
});
