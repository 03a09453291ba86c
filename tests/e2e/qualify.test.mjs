// Qualification wizard end to end, against the release build in dist/:
// two deals, keyboard answers, resuming after a reload, verdict and gap
// order, delete with undo, a long list, and axe on every screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { assertEventually, setup, runAxe, waitForApp } from "./support/harness.mjs";
import { QualifyPage } from "./pages/qualify.mjs";
import { seedDeals } from "./support/fixtures.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

async function assertAxe(page, where) {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
}

function assertClean(page) {
  assert.deepEqual(page.pageErrors, [], "no page errors");
  assert.deepEqual(page.external.list, [], "no request leaves the origin");
}

test("two deals, answered with the keyboard, get the right verdicts and gap order", async () => {
  const page = await h.newPage("#/qualify");
  const q = new QualifyPage(page);
  await q.emptyState.waitFor();
  await assertAxe(page, "empty list");

  // Deal 1: $40,000 → BANT first, then MEDDIC.
  await q.newDeal.click();
  await q.dealName.waitFor();
  await q.next.click();
  await page.getByText("Give the deal a name").waitFor();
  await q.fillBasics({ name: "Acme rollout", company: "Acme", acv: "40000", stakeholders: "2" });
  assert.match(await q.framework.textContent(), /BANT.*MEDDIC/);
  assert.equal((await q.methodology.textContent()).trim(), "SPIN");
  await q.newCategory(true).check();
  assert.equal((await q.methodology.textContent()).trim(), "Challenger");
  await assertAxe(page, "basics");
  await q.next.click();

  await q.criterion("Budget").waitFor();
  assert.equal(await q.progress.textContent(), "2 of 6");
  await assertAxe(page, "criterion step");
  await q.answerWithKeys("Budget", "1"); // Confirmed
  await q.answerWithKeys("Authority", "2"); // Partially
  await q.criterion("Need").waitFor();
  await page.keyboard.press("1");
  await q.evidence.fill("Ops lead: 12 hours a week lost to manual reconciliation");
  await q.evidence.press("Enter");
  await q.answerWithKeys("Timeline", "4"); // Red flag

  // 2 + 1 + 2 + 0 = 5 of 8 → 63, one red flag → Needs work.
  await q.score.waitFor();
  assert.equal((await q.score.textContent()).trim(), "63");
  assert.equal((await q.verdict.textContent()).trim(), "Needs work");
  const warnings = await q.warnings.textContent();
  assert.match(warnings, /Single-threaded/);
  assert.match(warnings, /No urgency/);
  assert.doesNotMatch(warnings, /No access to power/);
  assert.deepEqual(await q.gapOrder(), ["Timeline", "Authority"]);
  assert.match(await page.textContent("body"), /12 hours a week lost/);
  assert.equal(await page.getByRole("button", { name: "Start the MEDDIC pass" }).count(), 1);
  await assertAxe(page, "summary");

  const [download] = await Promise.all([page.waitForEvent("download"), q.download.click()]);
  assert.equal(download.suggestedFilename(), "acme-rollout-qualification.md");
  const md = await readFile(await download.path(), "utf8");
  assert.match(md, /^# Deal brief: Acme rollout/);
  assert.match(md, /## Verdict: Needs work \(63\/100\)/);

  // Deal 2: $300,000 → MEDDPICC, eight criteria.
  await q.allDeals.click();
  await q.newDeal.click();
  await q.fillBasics({ name: "Globex platform", company: "Globex", acv: "300,000", stakeholders: "5" });
  assert.equal((await q.framework.textContent()).trim(), "MEDDPICC");
  await q.dealName.press("Enter"); // Enter submits the basics too
  const answers = [
    ["Metrics", "1"],
    ["Economic buyer", "1"],
    ["Decision criteria", "1"],
    ["Decision process", "1"],
    ["Paper process", "2"],
    ["Identify pain", "1"],
    ["Champion", "1"],
    ["Competition", "3"],
  ];
  for (const [name, key] of answers) await q.answerWithKeys(name, key);
  // 6 confirmed (12) + 1 partial (1) + 1 unknown (0) = 13 of 16 → 81, no red flag.
  await q.score.waitFor();
  assert.equal((await q.score.textContent()).trim(), "81");
  assert.equal((await q.verdict.textContent()).trim(), "Qualified");
  assert.deepEqual(await q.gapOrder(), ["Competition", "Paper process"]);
  assert.match(await q.warnings.textContent(), /Nothing to flag/);

  // The list: newest first, with framework, score and verdict.
  await q.allDeals.click();
  await q.rows().first().waitFor();
  await assertEventually(() => q.rowNames(), ["Globex platform", "Acme rollout"]);
  const globex = await q.row("Globex platform").textContent();
  assert.match(globex, /MEDDPICC/);
  assert.match(globex, /\$300,000/);
  assert.match(globex, /81/);
  assert.match(globex, /Qualified/);
  assert.match(await q.row("Acme rollout").textContent(), /Needs work/);
  await assertAxe(page, "list");
  assertClean(page);
});

test("reloading mid-wizard resumes at the same step with every answer", async () => {
  const page = await h.newPage("#/qualify");
  const q = new QualifyPage(page);
  await q.newDeal.click();
  await q.fillBasics({ name: "Initech upgrade", acv: "120000", stakeholders: "3" });
  assert.equal((await q.framework.textContent()).trim(), "MEDDICC");
  await q.next.click();
  await q.answerWithKeys("Metrics", "2");
  await q.criterion("Economic buyer").waitFor();
  await page.keyboard.press("4");
  await q.evidence.fill("CFO will not meet before Q3");
  await page.keyboard.press("Tab"); // leave the field; nothing else
  await q.next.click();
  await q.criterion("Decision criteria").waitFor();

  await page.reload();
  await waitForApp(page);
  await q.criterion("Decision criteria").waitFor();
  assert.equal(await q.progress.textContent(), "4 of 9");
  await q.back.click();
  await q.criterion("Economic buyer").waitFor();
  assert.ok(await q.option("Economic buyer", "Red flag").isChecked());
  assert.equal(await q.evidence.inputValue(), "CFO will not meet before Q3");

  // Leaving for the list and coming back resumes too.
  await q.allDeals.click();
  await page.getByRole("link", { name: "Continue", exact: true }).click();
  await q.criterion("Economic buyer").waitFor();
  assertClean(page);
});

test("deleting a deal can be undone", async () => {
  const page = await h.newPage("#/qualify");
  const q = new QualifyPage(page);
  for (const name of ["Umbrella pilot", "Hooli renewal"]) {
    await q.newDeal.click();
    await q.fillBasics({ name, acv: "15000", stakeholders: "1" });
    await q.allDeals.click();
  }
  await q.rows().nth(1).waitFor();
  await assertEventually(() => q.rowNames(), ["Hooli renewal", "Umbrella pilot"]);

  await q.deleteButton("Hooli renewal").click();
  await page.getByText("“Hooli renewal” deleted.").waitFor();
  await assertEventually(() => q.rowNames(), ["Umbrella pilot"]);
  await assertAxe(page, "list with undo toast");
  await q.undo.click();
  await q.row("Hooli renewal").waitFor();
  await assertEventually(() => q.rowNames(), ["Hooli renewal", "Umbrella pilot"]);

  // The restored deal is saved, not just shown.
  await page.reload();
  await waitForApp(page);
  await q.row("Hooli renewal").waitFor();
  assert.equal(await q.rows().count(), 2);
  assertClean(page);
});

test("the deal list downloads as a HubSpot import and a Salesforce Data Loader file", async () => {
  const page = await h.newPage("#/qualify");
  const q = new QualifyPage(page);
  await q.newDeal.click();
  await q.fillBasics({ name: "=HYPERLINK(\"x\")", company: "Acme, Inc.", acv: "40000", stakeholders: "3", closeDate: "2026-12-31" });
  await q.allDeals.click();
  await q.newDeal.click();
  await q.fillBasics({ name: "Hooli renewal", acv: "15000", stakeholders: "1" });
  await q.allDeals.click();
  await q.rows().nth(1).waitFor();
  await page.getByTestId("crm-hint").getByText("1 deal has no expected close date", { exact: false }).waitFor();

  const hubspot = await q.downloadFile("Download HubSpot CSV");
  assert.match(hubspot.name, /^stagecraft-deals-hubspot-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = hubspot.text.split("\r\n");
  assert.equal(lines[0], "\ufeffDeal name,Pipeline,Deal stage,Amount,Close date,Deal owner,Deal description,Note");
  assert.ok(lines[1].startsWith("Hooli renewal,Sales Pipeline,Appointment Scheduled,15000,,,"), lines[1]);
  const acme = hubspot.text.slice(hubspot.text.indexOf("\"'=HYPERLINK"));
  assert.ok(acme.startsWith('"\'=HYPERLINK(""x"")",Sales Pipeline,Appointment Scheduled,40000,2026-12-31,,"Acme, Inc. · Incomplete: '), acme);

  const salesforce = await q.downloadFile("Download Salesforce CSV");
  const sf = salesforce.text.split("\r\n");
  assert.equal(sf[0], "\ufeffName,StageName,CloseDate,Amount,Probability,NextStep,Description");
  assert.ok(sf[1].startsWith("Hooli renewal,Qualification,,15000,10,"), sf[1]);
  assert.ok(salesforce.text.includes('"\'=HYPERLINK(""x"")",Qualification,2026-12-31,40000,10,'), salesforce.text);
  await assertAxe(page, "list with CRM downloads");
  assertClean(page);
});

test("150 deals sort by any column, filter by verdict, and keep their order through a delete and undo", async () => {
  const page = await h.newPage("#/qualify");
  await seedDeals(page, 150);
  await page.reload();
  await waitForApp(page);
  const q = new QualifyPage(page);
  await q.rows().first().waitFor();
  assert.deepEqual((await q.rowNames()).slice(0, 2), ["Deal 149", "Deal 148"]);

  await page.getByLabel("Sort by").selectOption({ label: "Deal name" });
  await assertEventually(async () => (await q.rowNames()).slice(0, 3), ["Deal 0", "Deal 1", "Deal 10"]);
  assert.equal(await page.getByRole("columnheader", { name: "Deal", exact: true }).getAttribute("aria-sort"), "ascending");
  await page.getByRole("table", { name: "Your deals, by name" }).waitFor();

  // The order holds through a delete and its undo.
  await q.deleteButton("Deal 1").click();
  await assertEventually(async () => (await q.rowNames()).slice(0, 3), ["Deal 0", "Deal 10", "Deal 100"]);
  await q.undo.click();
  await assertEventually(async () => (await q.rowNames()).slice(0, 3), ["Deal 0", "Deal 1", "Deal 10"]);

  await page.getByLabel("Sort by").selectOption({ label: "Annual contract value" });
  await assertEventually(async () => (await q.rowNames()).slice(0, 2), ["Deal 149", "Deal 148"]);

  // Every seeded deal has Budget answered: the 41 deals up to $50,000 run
  // BANT and are in progress; the bigger ones run MEDDICC, where nothing is
  // answered yet, so they have not started. None is qualified.
  await page.getByLabel("Show").selectOption({ label: "Qualified" });
  await page.getByText("No deal is “Qualified” right now.").waitFor();
  assert.equal(await q.rows().count(), 0);
  await page.getByRole("button", { name: "Show every verdict" }).click();
  await q.rows().first().waitFor();
  await page.getByLabel("Show").selectOption({ label: "In progress" });
  await assertEventually(async () => (await q.rowNames()).length, 41);
  await page.getByLabel("Show").selectOption({ label: "Not started" });
  await assertEventually(async () => (await q.rowNames()).slice(0, 2), ["Deal 149", "Deal 148"]);
  await page.getByLabel("Show").selectOption({ label: "In progress" });
  await assertEventually(async () => (await q.rowNames()).slice(0, 2), ["Deal 40", "Deal 39"]);

  // Search works within the order and the filter.
  await q.search.fill("Deal 1");
  // Each word of the search must appear: "1" matches 31 and 21 as well.
  await assertEventually(async () => (await q.rowNames()).slice(0, 3), ["Deal 31", "Deal 21", "Deal 19"]);
  await assertAxe(page, "sorted, filtered list");
  assertClean(page);
});

test("a list of 250 deals shows the newest 50, more on request, any deal by search, and deletes with undo", async () => {
  // How long this takes is reported by scripts/bench.mjs, never asserted here.
  const page = await h.newPage("#/");
  await seedDeals(page, 250);
  await page.evaluate(() => (location.hash = "#/qualify"));
  const q = new QualifyPage(page);
  await q.rows().nth(49).waitFor();
  assert.equal(await q.rows().count(), 50);
  let names = await q.rowNames();
  assert.equal(names[0], "Deal 249");
  assert.equal(names[49], "Deal 200");
  await page.getByText("Showing 50 of 250 deals.").waitFor();

  // A page at a time, keyboard included, to the oldest deal.
  await q.showMore.focus();
  await page.keyboard.press("Enter");
  await q.rows().nth(99).waitFor();
  for (let shown = 100; shown < 250; shown += 50) await q.showMore.click();
  await q.rows().nth(249).waitFor();
  assert.equal(await q.showMore.count(), 0, "no Show more once every deal is drawn");
  names = await q.rowNames();
  assert.equal(names[249], "Deal 0");

  // Search by name or company; a search that matches nothing says so.
  await q.search.fill("COMPANY 142");
  await assertEventually(async () => await q.rowNames(), ["Deal 142"]);
  await q.search.fill("deal 123");
  await assertEventually(async () => await q.rowNames(), ["Deal 123"]);
  await q.search.fill("globex");
  await page.getByText("No deals match “globex”.").waitFor();
  await page.getByRole("button", { name: "Clear the search" }).click();
  await q.rows().nth(49).waitFor();
  assert.equal(await q.rows().count(), 50);

  await q.deleteButton("Deal 249").click();
  await page.getByText("“Deal 249” deleted.").waitFor();
  await assertEventually(async () => (await q.rowNames())[0], "Deal 248");
  await page.getByText("Showing 50 of 249 deals.").waitFor();
  await q.undo.click();
  await q.row("Deal 249").waitFor();
  await page.getByText("Showing 50 of 250 deals.").waitFor();
  await assertAxe(page, "long list with search");
  assertClean(page);
});

test("a deal with criteria left open is Incomplete, never a verdict, and the list says In progress", async () => {
  const page = await h.newPage("#/qualify");
  const q = new QualifyPage(page);
  await q.emptyState.waitFor();
  await q.newDeal.click();
  await q.fillBasics({ name: "Initech pilot", company: "Initech", acv: "20000", stakeholders: "3" });
  await q.next.click();
  await q.criterion("Budget").waitFor();
  // Enter with nothing picked stays on the question and says why.
  await page.keyboard.press("Enter");
  await page.getByText("Pick an answer first").waitFor();
  await q.criterion("Budget").waitFor();
  await q.answerWithKeys("Budget", "1");
  // Next skips on purpose; the other three stay unassessed.
  for (const name of ["Authority", "Need", "Timeline"]) {
    await q.criterion(name).waitFor();
    await q.next.click();
  }
  await q.score.waitFor();
  assert.equal((await q.verdict.textContent()).trim(), "Incomplete");
  await page.getByText("Provisional score: 1 of 4 criteria assessed.").waitFor();
  await assertAxe(page, "incomplete summary");
  await q.allDeals.click();
  const row = q.row("Initech pilot");
  await row.waitFor();
  assert.match(await row.textContent(), /In progress: 1 of 4 assessed/);
  assert.doesNotMatch(await row.textContent(), /Disqualify|Summary ready/);
  assertClean(page);
});

test("the dark theme passes axe on every wizard screen", async () => {
  const ctx = await h.newContext({ colorScheme: "dark", viewport: { width: 360, height: 800 } });
  const page = await h.newPage("#/qualify", ctx);
  const q = new QualifyPage(page);
  await q.newDeal.click();
  await q.fillBasics({ name: "Night shift", acv: "abc", stakeholders: "-1" });
  await q.next.click();
  await page.getByText("Fix the fields marked above to continue.").waitFor();
  await assertAxe(page, "dark basics with errors");
  await q.acv.fill("12000");
  await q.stakeholders.fill("1");
  await q.next.click();
  await q.criterion("Budget").waitFor();
  await page.keyboard.press("2");
  await assertAxe(page, "dark criterion");
  for (const name of ["Budget", "Authority", "Need", "Timeline"]) await q.answerWithKeys(name, "2");
  await q.score.waitFor();
  assert.equal((await q.score.textContent()).trim(), "50");
  assert.equal((await q.verdict.textContent()).trim(), "Needs work");
  await assertAxe(page, "dark summary");
  await q.allDeals.click();
  await q.rows().first().waitFor();
  await assertAxe(page, "dark list, phone width");
  assertClean(page);
});
