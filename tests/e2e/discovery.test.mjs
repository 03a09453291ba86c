// Discovery-call script end to end, against the release build in dist/.
// Time is driven by Playwright's fake clock, so talk shares and section
// budgets are exact instead of depending on how fast the machine is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { assertEventually, setup, runAxe, waitForApp } from "./support/harness.mjs";
import { DiscoveryPage } from "./pages/discovery.mjs";
import { seedCalls } from "./support/fixtures.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

const CALL_DAY = "2026-03-10";

/** A page whose clock starts on the call day and then stands still. */
async function pausedPage(hash, options = {}) {
  const ctx = await h.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await ctx.clock.install({ time: new Date(`${CALL_DAY}T08:00:00`) });
  const page = await h.newPage(hash, ctx);
  page.setDefaultTimeout(5000); // fail fast with a clear locator instead of hanging
  await page.clock.pauseAt(new Date(`${CALL_DAY}T09:00:00`));
  return { ctx, page, d: new DiscoveryPage(page) };
}

async function text(locator) {
  return (await locator.textContent()).trim();
}

/** Waits (up to 3 s, polling from Node so the fake clock is irrelevant)
 * for a locator's text, then asserts it. */
async function expectText(locator, expected, message) {
  for (let i = 0; i < 60 && (await text(locator)) !== expected; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await text(locator), expected, message);
}

async function expectTopics(d, expected, message) {
  await assertEventually(() => d.missingTopics(), expected, message);
}

test("a scripted call: clocks, talk toggles, pain, stakeholders, plan, coverage, reload, recap", async () => {
  const { page, d } = await pausedPage("#/discovery", { permissions: ["clipboard-read", "clipboard-write"] });

  // Empty list → first call.
  await d.emptyState.waitFor();
  await d.startFirstCall.click();
  await page.waitForFunction(() => location.hash === "#/discovery/1");
  await d.title.fill("Acme discovery");
  assert.equal(await d.field("Call date").inputValue(), CALL_DAY);
  await expectTopics(d, [
    "notes-current-state",
    "notes-pain",
    "notes-future-state",
    "notes-decision-process",
    "quantified-pain",
    "economic-buyer",
    "decision-date",
    "next-step",
  ], "a new call misses every topic");
  assert.equal(await text(d.talkRatio), "—", "no share before anyone talks");

  // Start, then 10 s of rep and 25 s of buyer: 10 / 35 = 29%.
  await d.startPause.click();
  await d.talk("rep").click();
  assert.equal(await d.talk("rep").getAttribute("aria-pressed"), "true");
  await page.clock.fastForward(10_000);
  await d.talk("buyer").click();
  assert.equal(await d.talk("rep").getAttribute("aria-pressed"), "false");
  await page.clock.fastForward(25_000);
  await page.keyboard.press("b"); // focus is on a button, not a field: the key toggles
  assert.equal(await d.talk("buyer").getAttribute("aria-pressed"), "false");
  await expectText(d.talkRatio, "29%");
  assert.match(await text(d.talkStatus), /On target/);

  // The rep takes over for 20 s: 30 / 55 = 55%, above the 40% target.
  await page.keyboard.press("r");
  await page.clock.fastForward(20_000);
  await page.keyboard.press("r");
  await expectText(d.talkRatio, "55%");
  assert.match(await text(d.talkStatus), /Above target/);
  await expectText(d.callClock, "0:55");
  await expectText(d.sectionClock, "0:55 of 10:00");

  // Next section; 8 minutes in it is amber, past 10 it is over.
  await d.nextSection.click();
  await expectText(d.sectionClock, "0:00 of 10:00");
  await page.clock.fastForward("08:00");
  await expectText(d.sectionStatus, "Wrap up");
  await page.clock.fastForward("02:01");
  await expectText(d.sectionStatus, "Over time");
  await expectText(d.callClock, "10:56");
  await d.startPause.click(); // pause: clocks stand still from here
  assert.equal(await text(d.startPause), "Start");

  // Notes in every section: four topics fewer.
  await d.page.getByLabel("Talk me through how your team handles this today, step by step.").check();
  await d.field("Current state notes").fill("Quotes built by hand in spreadsheets");
  await d.field("Pain quantification notes").fill("Three days per quote, deals slip");
  await d.field("Desired future state notes").fill("Same-day quotes");
  await d.field("Decision process mapping notes").fill("Ops reviews, CFO signs");
  await expectTopics(d, ["quantified-pain", "economic-buyer", "decision-date", "next-step"]);

  // Pain: annual = monthly × 12, payback = price / monthly, "—" at zero.
  await d.field("Pain in the buyer's words").fill("Quotes take three days");
  await d.field("Monthly cost of the problem").fill("2500");
  await expectText(d.annualCost, "$30,000");
  await d.field("Proposed annual price").fill("12000");
  await expectText(d.payback, "4.8");
  await d.field("Monthly cost of the problem").fill("0");
  await expectText(d.payback, "—");
  await expectText(d.annualCost, "$0");
  await d.field("Monthly cost of the problem").fill("2500");
  await expectText(d.payback, "4.8");
  await expectTopics(d, ["economic-buyer", "decision-date", "next-step"]);

  await d.field("Success metric").fill("Quote turnaround");
  await d.field("Target value").fill("Same day");

  // Three stakeholders; the check passes only once the economic buyer is in.
  await d.addStakeholder.click();
  await d.fillStakeholder(1, { name: "Ana Ruiz", title: "VP Operations", role: "Champion" });
  await d.addStakeholder.click();
  await d.fillStakeholder(2, { name: "Cy Diaz", title: "IT Director", role: "Technical buyer" });
  await d.addStakeholder.click();
  await d.fillStakeholder(3, { name: "Bo Chen", title: "CFO", role: "Other", email: "bo.chen@acme", phone: "call me" });
  // A doubtful email or phone is explained inline, linked to its field, and kept as typed.
  for (const [label, typed, fixed, says] of [
    ["Email", "bo.chen@acme", "bo.chen@acme.example", /doesn't look like an email/],
    ["Phone", "call me", "+1 555 010 0199", /doesn't look like a phone number/],
  ]) {
    const input = d.stakeholder(3).getByLabel(label, { exact: true });
    assert.equal(await input.getAttribute("aria-invalid"), "true", label);
    const described = await input.getAttribute("aria-describedby");
    const message = await page.evaluate((ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "), described);
    assert.match(message, says);
    assert.equal(await input.inputValue(), typed);
    await input.fill(fixed);
    assert.notEqual(await input.getAttribute("aria-invalid"), "true", `${label} once fixed`);
  }
  assert.match(await text(d.multithread), /at risk/);
  assert.doesNotMatch(await text(d.multithread), /\bok\b/);
  await d.stakeholder(3).getByLabel("Role", { exact: true }).selectOption({ label: "Economic buyer" });
  assert.match(await text(d.multithread), /\bok\b/);
  await expectTopics(d, ["decision-date", "next-step"]);

  await d.field("Decision steps").fill("Ops review\nCFO sign-off");
  await d.field("Target decision date").fill("2026-04-30");
  await d.field("Competitors being considered").fill("QuoteCo, spreadsheets");
  await expectTopics(d, ["next-step"]);

  // One action item. A date before the call asks for confirmation first.
  await d.addAction.click();
  const item = d.actionItem(1);
  await item.getByLabel("Action", { exact: true }).fill("Security review with IT");
  await item.getByLabel("Owner", { exact: true }).selectOption({ label: "Buyer" });
  await item.getByLabel("Due date", { exact: true }).fill("2026-03-01");
  await item.getByText("This is before the call date").waitFor();
  await expectTopics(d, ["next-step"], "an unconfirmed early date is not a next step");
  await item.getByLabel("Due date", { exact: true }).fill("2026-03-17");
  await d.title.click(); // leave the plan so it settles into date order
  await expectTopics(d, [], "everything covered");

  // Saves are debounced: let the pause pass, then the indicator says so.
  await page.clock.runFor(1000);
  await expectText(d.saveStatus, "✓ Saved");

  // Reload: every field is intact.
  await page.reload();
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Acme discovery" }).waitFor();
  const fields = {
    "Call title": "Acme discovery",
    "Call date": CALL_DAY,
    "Minutes per section": "10",
    "Current state notes": "Quotes built by hand in spreadsheets",
    "Pain quantification notes": "Three days per quote, deals slip",
    "Desired future state notes": "Same-day quotes",
    "Decision process mapping notes": "Ops reviews, CFO signs",
    "Pain in the buyer's words": "Quotes take three days",
    "Monthly cost of the problem": "2500",
    "Proposed annual price": "12000",
    "Success metric": "Quote turnaround",
    "Target value": "Same day",
    "Decision steps": "Ops review\nCFO sign-off",
    "Target decision date": "2026-04-30",
    "Competitors being considered": "QuoteCo, spreadsheets",
  };
  for (const [label, value] of Object.entries(fields)) {
    assert.equal(await d.field(label).inputValue(), value, label);
  }
  const people = [
    ["Ana Ruiz", "VP Operations", "champion"],
    ["Cy Diaz", "IT Director", "technical-buyer"],
    ["Bo Chen", "CFO", "economic-buyer"],
  ];
  for (const [i, [name, title, role]] of people.entries()) {
    const row = d.stakeholder(i + 1);
    assert.equal(await row.getByLabel("Name", { exact: true }).inputValue(), name);
    assert.equal(await row.getByLabel("Title", { exact: true }).inputValue(), title);
    assert.equal(await row.getByLabel("Role", { exact: true }).inputValue(), role);
  }
  assert.equal(await d.stakeholder(3).getByLabel("Email", { exact: true }).inputValue(), "bo.chen@acme.example");
  assert.equal(await d.stakeholder(3).getByLabel("Phone", { exact: true }).inputValue(), "+1 555 010 0199");
  assert.equal(await item.getByLabel("Action", { exact: true }).inputValue(), "Security review with IT");
  assert.equal(await item.getByLabel("Owner", { exact: true }).inputValue(), "buyer");
  assert.equal(await item.getByLabel("Due date", { exact: true }).inputValue(), "2026-03-17");
  assert.ok(await page.getByLabel("Talk me through how your team handles this today, step by step.").isChecked());
  await expectText(d.annualCost, "$30,000");
  await expectText(d.payback, "4.8");
  await expectText(d.talkRatio, "55%");
  await expectText(d.callClock, "10:56");
  await expectText(d.sectionClock, "10:01 of 10:00");
  assert.match(await text(d.multithread), /\bok\b/);
  await expectTopics(d, []);

  // Copy the CRM note: plain text holding everything.
  await d.copyRecap.click();
  await page.getByRole("button", { name: "Copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const needle of [
    "Acme discovery\nDiscovery call on 10 March 2026",
    "Rep talked 55% (target under 40%)",
    "- Quotes take three days",
    "Costs $2,500 a month, $30,000 a year if nothing changes.",
    "At a proposed $12,000 a year, payback in 4.8 months.",
    "Success metric: Quote turnaround, target Same day.",
    "- Bo Chen, CFO (Economic buyer)",
    "Step 2: CFO sign-off",
    "Decision by 30 April 2026.",
    "- [ ] Security review with IT (Buyer, 17 March 2026)",
  ]) {
    assert.ok(copied.includes(needle), `recap lacks ${JSON.stringify(needle)}:\n${copied}`);
  }
  assert.ok(!copied.includes("OPEN GAPS"), "no gaps left to list");

  // Copy the buyer's email: their words and the next steps, nothing internal.
  await d.copyEmail.click();
  await page.waitForFunction((before) => navigator.clipboard.readText().then((t) => t !== before), copied);
  const email = await page.evaluate(() => navigator.clipboard.readText());
  for (const needle of ["WHAT WE HEARD\n- Quotes take three days", "Decision by 30 April 2026.", "- Security review with IT (your team, by 17 March 2026)"]) {
    assert.ok(email.includes(needle), `email lacks ${JSON.stringify(needle)}:\n${email}`);
  }
  for (const internal of ["Rep talked", "Economic buyer", "Champion", "QuoteCo", "Ops reviews, CFO signs", "payback"]) {
    assert.ok(!email.includes(internal), `email leaks ${JSON.stringify(internal)}:\n${email}`);
  }

  await page.clock.resume(); // axe schedules timers of its own
  assert.deepEqual(await runAxe(page), [], "call screen passes axe");

  // The recap screen opens on the email; the CRM note holds every section.
  await d.openRecap.click();
  await page.getByRole("heading", { level: 1, name: "Recap: Acme discovery" }).waitFor();
  await d.recap.getByRole("heading", { level: 2, name: "Next steps" }).waitFor();
  assert.equal(await d.recap.getByRole("heading", { level: 2, name: "Stakeholders" }).count(), 0, "no roles in the email");
  const [emailFile] = await Promise.all([page.waitForEvent("download"), d.download.click()]);
  assert.equal(emailFile.suggestedFilename(), "discovery-email-acme-discovery-2026-03-10.md");
  await d.chooseRecap("CRM note");
  for (const heading of ["Pain and its impact", "Desired outcome", "Stakeholders", "Decision process", "Mutual action plan"]) {
    await d.recap.getByRole("heading", { level: 2, name: heading }).waitFor();
  }
  assert.equal(await page.getByRole("button", { name: "Print" }).count(), 1);
  const [download] = await Promise.all([page.waitForEvent("download"), d.download.click()]);
  assert.equal(download.suggestedFilename(), "discovery-recap-acme-discovery-2026-03-10.md");
  const md = await readFile(await download.path(), "utf8");
  assert.ok(md.startsWith("# Acme discovery\n"), md);
  assert.ok(md.includes("\n## Stakeholders\n\n- Ana Ruiz, VP Operations (Champion)\n"), md);

  // The calendar: the decision date and the dated step, all-day, CRLF.
  const [ics] = await Promise.all([page.waitForEvent("download"), d.downloadCalendar.click()]);
  assert.equal(ics.suggestedFilename(), "discovery-plan-acme-discovery-2026-03-10.ics");
  const cal = await readFile(await ics.path(), "utf8");
  assert.ok(cal.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), cal);
  assert.ok(cal.includes("\r\nUID:decision-1@stagecraft\r\n") && cal.includes("\r\nDTSTART;VALUE=DATE:20260430\r\nDTEND;VALUE=DATE:20260501\r\n"), cal);
  assert.ok(cal.includes("\r\nSUMMARY:Security review with IT\r\n") && cal.includes("DTSTART;VALUE=DATE:20260317"), cal);
  assert.ok(cal.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75), "lines folded at 75 octets");
  // The contacts: one card per named person, with what was typed.
  const [vcf] = await Promise.all([page.waitForEvent("download"), d.downloadContacts.click()]);
  assert.equal(vcf.suggestedFilename(), "discovery-contacts-acme-discovery-2026-03-10.vcf");
  const cards = await readFile(await vcf.path(), "utf8");
  assert.equal(cards.match(/BEGIN:VCARD\r\nVERSION:3.0\r\n/g)?.length, 3, cards);
  assert.ok(cards.includes("FN:Bo Chen\r\nN:Chen;Bo;;;\r\nTITLE:CFO\r\nEMAIL;TYPE=INTERNET:bo.chen@acme.example\r\nTEL:+1 555 010 0199\r\n"), cards);
  assert.match(await page.getByTestId("files-hint").textContent(), /The contacts file has 3 cards\./);
  assert.deepEqual(await runAxe(page), [], "recap passes axe");

  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.external.list, []);
});

test("bad input is explained inline and never loses the last good figures", async () => {
  const { page, d } = await pausedPage("#/discovery");
  await d.startFirstCall.click();
  await d.field("Monthly cost of the problem").fill("2500");
  await expectText(d.annualCost, "$30,000");
  await d.field("Monthly cost of the problem").fill("25OO");
  await page.getByText("Use digits only, for example 1250.").waitFor();
  assert.equal(await d.field("Monthly cost of the problem").getAttribute("aria-invalid"), "true");
  await expectText(d.annualCost, "$30,000");
  await page.getByText("These are the last valid figures.").waitFor();
  assert.equal(await d.field("Monthly cost of the problem").inputValue(), "25OO", "the typed text stays");

  await d.field("Minutes per section").fill("0");
  await page.getByText("Enter at least 1 minute.").waitFor();
  await expectText(d.sectionClock, "0:00 of 10:00");
  await d.field("Minutes per section").fill("5");
  await expectText(d.sectionClock, "0:00 of 5:00");

  // A due date before the call date can be kept on purpose.
  await d.addAction.click();
  const item = d.actionItem(1);
  await item.getByLabel("Action", { exact: true }).fill("Send the case study");
  await item.getByLabel("Due date", { exact: true }).fill("2026-03-09");
  const warning = item.getByText("This is before the call date (10 Mar 2026).");
  await warning.waitFor();
  await item.getByRole("button", { name: "Keep this date" }).click();
  await warning.waitFor({ state: "hidden" });
  // It is also overdue now (the call day is today), and flagged in words.
  await item.getByText("Overdue").waitFor();
  assert.ok(!(await d.missingTopics()).includes("next-step"), "a confirmed date counts as a next step");
  assert.deepEqual(page.pageErrors, []);
});

test("typing and reloading at once loses nothing, even before the debounced save", async () => {
  const { page, d } = await pausedPage("#/discovery");
  await d.startFirstCall.click();
  // The fake clock is paused, so the debounce timer cannot fire: only the
  // save on page hide can keep this text.
  await d.field("Current state notes").fill("Typed a second before the reload");
  assert.equal(await text(d.saveStatus), "Saving…");
  await page.reload();
  await waitForApp(page);
  assert.equal(await d.field("Current state notes").inputValue(), "Typed a second before the reload");
});

test("a call links to a deal from the qualification wizard", async () => {
  const { page, d } = await pausedPage("#/discovery");
  // Two deals as the qualify tool stores them (only the fields the picker reads matter).
  await page.evaluate(() => {
    const deal = (id, name, company, updated) => ({ id, name, company, created: "2026-03-01T09:00:00Z", updated });
    localStorage.setItem(
      "stagecraft.qualify",
      JSON.stringify({
        version: 1,
        data: { deals: [deal("d-old", "Globex pilot", "", "2026-03-02T09:00:00Z"), deal("d-new", "Acme rollout", "Acme", "2026-03-05T09:00:00Z")] },
      }),
    );
  });
  await d.startFirstCall.click();
  const picker = d.field("Linked deal");
  const options = await picker.locator("option").allTextContents();
  assert.deepEqual(options, ["No deal", "Acme rollout (Acme)", "Globex pilot"], "most recently updated first");
  await picker.selectOption({ label: "Acme rollout (Acme)" });
  await d.title.fill("Acme discovery");
  await page.clock.runFor(1000);
  await page.reload();
  await waitForApp(page);
  assert.equal(await d.field("Linked deal").inputValue(), "d-new");
  await d.openRecap.click();
  await d.chooseRecap("CRM note"); // the buyer's email names no internal deal
  await page.getByText("Deal: Acme rollout (Acme)").waitFor();
  await page.evaluate(() => (location.hash = "#/discovery"));
  await page.getByText("Deal: Acme rollout (Acme)").waitFor();
});

test("the list: duplicate, delete with undo, and newest first", async () => {
  const { page, d } = await pausedPage("#/discovery");
  await d.startFirstCall.click();
  await d.title.fill("Globex intro");
  await page.getByRole("link", { name: "← All calls" }).click();
  await d.newCall.waitFor();
  await d.duplicateButton("Globex intro").click();
  await assertEventually(() => d.rowLinks().allTextContents(), ["Globex intro (copy)", "Globex intro"]);
  assert.match(await page.getByRole("list", { name: "Your calls" }).textContent(), /0 of 8 topics covered/);

  await d.deleteButton("Globex intro (copy)").click();
  await assertEventually(() => d.rowLinks().allTextContents(), ["Globex intro"]);
  await page.getByText("“Globex intro (copy)” deleted.").waitFor();
  await d.undo.click();
  await assertEventually(() => d.rowLinks().allTextContents(), ["Globex intro (copy)", "Globex intro"]);

  await d.deleteButton("Globex intro").click();
  await page.clock.fastForward(7000); // the undo window closes
  await page.getByText("deleted.").waitFor({ state: "hidden" });
  await page.clock.runFor(1000);
  await page.reload();
  await waitForApp(page);
  await assertEventually(() => d.rowLinks().allTextContents(), ["Globex intro (copy)"]);

  // Deleting everything brings back the empty state with its button.
  await d.deleteButton("Globex intro (copy)").click();
  await d.emptyState.waitFor();
  await page.clock.resume();
  assert.deepEqual(await runAxe(page), []);
});

test("a long list of calls shows the newest 50, more on request, and any call by search", async () => {
  const page = await h.newPage("#/");
  await seedCalls(page, 120);
  await page.evaluate(() => (location.hash = "#/discovery"));
  const d = new DiscoveryPage(page);
  await page.getByText("Showing 50 of 120 calls.").waitFor();
  let titles = await d.rowLinks().allTextContents();
  assert.equal(titles.length, 50);
  assert.equal(titles[0], "Call 119");
  await d.showMore.click();
  await d.showMore.click();
  await assertEventually(async () => (await d.rowLinks().allTextContents()).length, 120);
  assert.equal(await d.showMore.count(), 0);
  titles = await d.rowLinks().allTextContents();
  assert.equal(titles[119], "Call 0");

  await d.search.fill("call 77");
  await assertEventually(() => d.rowLinks().allTextContents(), ["Call 77"]);
  await d.search.fill("acme");
  await page.getByText("No calls match “acme”.").waitFor();
  await page.getByRole("button", { name: "Clear the search" }).click();
  await page.getByText("Showing 50 of 120 calls.").waitFor();
  assert.deepEqual(await runAxe(page), []);
  assert.deepEqual(page.pageErrors, []);
});

test("a running clock keeps counting across a reload (real time)", async () => {
  const page = await h.newPage("#/discovery");
  const d = new DiscoveryPage(page);
  await d.startFirstCall.click();
  await d.startPause.click();
  await page.waitForTimeout(2300);
  await page.reload();
  await waitForApp(page);
  await d.callClock.waitFor();
  await page.waitForTimeout(1100);
  const [m, s] = (await text(d.callClock)).split(":").map(Number);
  assert.ok(m * 60 + s >= 3, `clock shows ${m}:${s}`);
  assert.equal(await text(d.startPause), "Pause", "still running after the reload");
});

test("every discovery screen passes axe in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, d } = await pausedPage("#/discovery", { colorScheme });
    await page.clock.resume(); // axe schedules timers of its own
    assert.deepEqual(await runAxe(page), [], `${colorScheme} empty list`);
    await d.startFirstCall.click();
    await d.addStakeholder.click();
    await d.addAction.click();
    await d.actionItem(1).getByLabel("Due date", { exact: true }).fill("2026-03-01");
    await d.field("Monthly cost of the problem").fill("abc");
    assert.deepEqual(await runAxe(page), [], `${colorScheme} call screen`);
    await page.evaluate(() => (location.hash = "#/discovery"));
    await d.newCall.waitFor();
    assert.deepEqual(await runAxe(page), [], `${colorScheme} list`);
    await page.evaluate(() => (location.hash = "#/discovery/1/recap"));
    await page.getByRole("heading", { level: 1 }).waitFor();
    assert.deepEqual(await runAxe(page), [], `${colorScheme} recap`);
  }
});
