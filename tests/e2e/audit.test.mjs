// Self-audit scorecard end to end, against the release build in dist/:
// keyboard-only completion, scoring and fix order, reload, share links in
// fresh and in already-used browsers, and accessibility.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, runAxe, waitForApp } from "./support/harness.mjs";
import { AuditPage } from "./pages/audit.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

// Scores 0–3 per question (q1…q16), answered with keys 1–4.
const MIXED = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
// Worked by hand: weights 3,3,3,2,3,2,2,1,1,2,3,2,2,2,2,1 give 47 of 102
// points, 46.1 → 46, "Emerging".
const MIXED_SCORE = "46";
const MIXED_AREAS = { design: "17", qualification: "80", discovery: "29", execution: "42", measurement: "52", postsale: "78" };
// Priority = weight · (3 − answer); ties keep question order.
// 9: q1 q5 · 6: q2 q13 · 4: q6 q10 q14 · 3: q3 q9 q11 · 2: q7 q15.
const MIXED_FIXES = ["q1", "q5", "q2", "q13", "q6", "q10", "q14", "q3", "q9", "q11", "q7", "q15"];

/** Completes the MIXED audit in a fresh context; returns the page. */
async function completedMixed(context) {
  const page = await h.newPage("#/audit", context);
  const audit = new AuditPage(page);
  await audit.completeWithKeyboard(MIXED);
  return { page, audit };
}

test("the audit can be completed with the keyboard alone", async () => {
  const page = await h.newPage("#/audit");
  const audit = new AuditPage(page);
  await audit.startButton.focus();
  await page.keyboard.press("Enter");
  await audit.waitForQuestion(1);
  // The radio group is labelled by the question, four options in score order.
  const prompt = await audit.legend.textContent();
  assert.match(prompt, /pipeline stages/);
  assert.equal(await page.getByRole("group", { name: prompt }).count(), 1);
  assert.equal(await audit.radios.count(), 4);
  assert.deepEqual(await audit.radios.evaluateAll((r) => r.map((x) => x.value)), ["0", "1", "2", "3"]);
  // Focus is inside the group, so digits work right away; ← goes back.
  await page.keyboard.press("2");
  await audit.waitForQuestion(2);
  await page.keyboard.press("ArrowLeft");
  await audit.waitForQuestion(1);
  assert.equal(await audit.radios.nth(1).isChecked(), true, "the answer survives Back");
  await page.keyboard.press("Enter");
  await audit.waitForQuestion(2);
  for (let i = 1; i < 16; i++) {
    await audit.waitForQuestion(i + 1);
    await page.keyboard.press(String(MIXED[i] + 1));
  }
  await audit.score.waitFor();
  assert.deepEqual(page.pageErrors, []);
});

test("score, tier, area scores and fix order match the hand-worked example", async () => {
  const { audit } = await completedMixed();
  assert.equal(await audit.score.textContent(), MIXED_SCORE);
  assert.equal(await audit.tier.textContent(), "Emerging");
  for (const [slug, value] of Object.entries(MIXED_AREAS)) {
    assert.equal(await audit.area(slug).textContent(), value, slug);
  }
  assert.equal(await audit.fixList.evaluate((el) => el.tagName), "OL");
  assert.deepEqual(await audit.fixOrder(), MIXED_FIXES);
  // Fixes point into the tool that helps.
  const q5 = audit.fixList.locator('li[data-question="q5"]');
  assert.equal(await q5.getByRole("link").getAttribute("href"), "#/discovery");
  const q13 = audit.fixList.locator('li[data-question="q13"]');
  assert.equal(await q13.getByRole("link").getAttribute("href"), "#/benchmarks");
  assert.equal(await audit.fixList.locator('li[data-question="q2"] a').count(), 0);
});

test("tapping an answer moves on by itself after a short beat", async () => {
  const page = await h.newPage("#/audit");
  const audit = new AuditPage(page);
  await audit.startButton.click();
  await audit.waitForQuestion(1);
  await page.getByLabel("Every stage is a buyer milestone").click();
  await audit.waitForQuestion(2);
  await page.getByRole("button", { name: "Back" }).click();
  await audit.waitForQuestion(1);
  assert.equal(await page.getByLabel("Every stage is a buyer milestone").isChecked(), true);
});

test("the report survives a reload, and so does an audit in progress", async () => {
  const { page, audit } = await completedMixed();
  await page.reload();
  await waitForApp(page);
  assert.equal(await audit.score.textContent(), MIXED_SCORE);
  assert.deepEqual(await audit.fixOrder(), MIXED_FIXES);

  await audit.retake.click();
  await audit.waitForQuestion(1);
  await page.keyboard.press("4");
  await audit.waitForQuestion(2);
  await page.reload();
  await waitForApp(page);
  await audit.waitForQuestion(2);
});

test("a share link opened in a fresh browser shows the same report, read-only", async () => {
  const { audit } = await completedMixed();
  const link = await audit.shareLink.inputValue();
  const url = new URL(link);
  assert.match(url.hash, /^#\/audit\/share\/1-[0-9a-z]{8}$/);
  assert.ok(link.startsWith(h.baseUrl), link);

  const visitor = await h.newPage(url.hash);
  const shared = new AuditPage(visitor);
  assert.equal(await shared.score.textContent(), MIXED_SCORE);
  assert.equal(await shared.tier.textContent(), "Emerging");
  assert.deepEqual(await shared.fixOrder(), MIXED_FIXES);
  await shared.takeItYourself.waitFor();
  assert.equal(await shared.saved(), null, "viewing a shared report saves nothing");
  await shared.takeItYourself.click();
  await shared.startButton.waitFor();
});

test("a share link never changes the visitor's own saved audit", async () => {
  const { audit } = await completedMixed();
  const hash = new URL(await audit.shareLink.inputValue()).hash;

  // A visitor with an audit of their own: all best answers, score 100.
  const ctx = await h.newContext();
  const page = await h.newPage("#/audit", ctx);
  const mine = new AuditPage(page);
  await mine.completeWithKeyboard(new Array(16).fill(3));
  assert.equal(await mine.score.textContent(), "100");
  const before = await mine.saved();

  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByTestId("audit-shared-banner").waitFor();
  assert.equal(await mine.score.textContent(), MIXED_SCORE);
  await page.reload();
  await waitForApp(page);
  assert.equal(await mine.score.textContent(), MIXED_SCORE);
  assert.equal(await mine.saved(), before, "the saved audit is unchanged");

  // A damaged link explains itself, offers the audit, and changes nothing.
  await page.evaluate(() => (location.hash = "#/audit/share/1-0000000z"));
  await mine.shareError.waitFor();
  assert.match(await mine.shareError.textContent(), /can't be opened/);
  assert.equal(await mine.saved(), before);

  await page.evaluate((h) => (location.hash = h), "#/audit");
  await mine.score.waitFor();
  assert.equal(await mine.score.textContent(), "100");

  // Saving the shared audit asks first, then makes it the latest report.
  await page.evaluate((h) => (location.hash = h), hash);
  await mine.saveAsMine.click();
  assert.equal(await mine.saved(), before, "nothing changes before confirming");
  await mine.confirmSave.click();
  await page.waitForFunction(() => location.hash === "#/audit");
  await mine.score.waitFor();
  assert.equal(await mine.score.textContent(), MIXED_SCORE);
  assert.notEqual(await mine.saved(), before);
  await page.getByText("Down 54 points").waitFor();
  assert.deepEqual(page.pageErrors, []);
});

test("intro, question, report and shared report pass axe in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const ctx = await h.newContext({ colorScheme });
    const page = await h.newPage("#/audit", ctx);
    const audit = new AuditPage(page);
    const check = async (where) => {
      const violations = await runAxe(page);
      assert.deepEqual(violations, [], `${colorScheme} ${where}: ${JSON.stringify(violations, null, 1)}`);
    };
    await check("intro");
    await audit.startButton.click();
    await audit.waitForQuestion(1);
    await check("question");
    await page.keyboard.press("Enter");
    await page.getByText("Pick an answer first").waitFor();
    await check("question with a nudge");
    for (let i = 0; i < 16; i++) {
      await audit.waitForQuestion(i + 1);
      await page.keyboard.press(String(MIXED[i] + 1));
    }
    await audit.score.waitFor();
    await check("report");
    const hash = new URL(await audit.shareLink.inputValue()).hash;
    await page.evaluate((h) => (location.hash = h), hash);
    await page.getByTestId("audit-shared-banner").waitFor();
    await audit.saveAsMine.click();
    await check("shared report with confirmation");
    assert.deepEqual(page.external.list, []);
  }
});

test("the report carries the calculator's headline once the calculator is filled in", async () => {
  const { BenchmarksPage } = await import("./pages/benchmarks.mjs");
  const ctx = await h.newContext();
  const page = await h.newPage("#/audit", ctx);
  const audit = new AuditPage(page);
  await audit.completeWithKeyboard(MIXED);
  // Not filled in yet: the report invites the user to the calculator.
  const section = page.getByTestId("audit-calculator");
  assert.match(await section.textContent(), /Open the stage benchmark calculator/);
  assert.equal(await page.getByTestId("audit-calc-bottleneck").count(), 0);

  await page.evaluate(() => (location.hash = "#/benchmarks"));
  const calc = new BenchmarksPage(page);
  await calc.fillTeam();
  const bottleneck = await calc.text("bottleneck-stage");
  const velocity = await calc.text("velocity-per-day");

  await page.evaluate(() => (location.hash = "#/audit"));
  await audit.score.waitFor();
  assert.equal((await page.getByTestId("audit-calc-bottleneck").textContent()).trim(), bottleneck);
  assert.match(await page.getByTestId("audit-calc-win-rate").textContent(), /^\d+(\.\d)?%$/);
  assert.equal((await page.getByTestId("audit-calc-velocity").textContent()).trim(), `${velocity} per day`);
  assert.equal(await section.getByRole("link").getAttribute("href"), "#/benchmarks");
});

const PHONE = { viewport: { width: 360, height: 640 } };

test("on a 360 px phone a shared report opens on its score, under a thin strip", async () => {
  const { page: sender, audit } = await completedMixed();
  const hash = new URL(await audit.shareLink.inputValue()).hash;
  await sender.context().close();
  const ctx = await h.newContext(PHONE);
  const page = await h.newPage("#/audit", ctx);
  await page.evaluate((x) => (location.hash = x), hash);
  const shared = new AuditPage(page);
  await page.getByTestId("audit-shared-banner").waitFor();
  const strip = await page.getByTestId("audit-shared-banner").boundingBox();
  assert.ok(strip.height <= 130, `the strip is thin (${strip.height}px)`);
  const score = await shared.score.boundingBox();
  assert.ok(score.y + score.height <= 640, `the score is on the first screen (bottom at ${score.y + score.height}px)`);
  assert.ok((await shared.takeItYourself.boundingBox()).y < 640);
  // The share, copy and print actions sit within the first two screens.
  for (const name of ["Copy summary", "Print"]) {
    const box = await page.getByRole("button", { name }).boundingBox();
    assert.ok(box.y + box.height <= 2 * 640, `${name} ends at ${box.y + box.height}px`);
  }
  assert.ok((await page.locator("#audit-share-link").boundingBox()).y < 3 * 640);
  // Someone else's answers, in the third person.
  const text = await page.locator(".sc-audit-report").innerText();
  assert.match(text, /they answered/);
  assert.doesNotMatch(text, /you answered|What you already do well/);
  await ctx.close();
});

test("the report places the score on the tier scale, cites its sources and explains the fix order", async () => {
  const { page, audit } = await completedMixed();
  // 46, Emerging: 14 points to Structured.
  assert.equal((await page.getByTestId("audit-next-tier").textContent()).trim(), "14 points to Structured.");
  assert.equal(await page.locator(".sc-audit-scale__tier--here .sc-audit-scale__name").textContent(), "Emerging");
  const first = audit.fixList.locator(":scope > li").first();
  assert.match(await first.innerText(), /18% higher revenue growth and 13% shorter sales cycles.*\(Source: Sales Management Association\)/s);
  // q1, weight 3, answered 0: 3 × 3 = 9.
  assert.match(await first.getByTestId("audit-fix-rank").textContent(), /weighs the most \(3 of 3\) and the answer is 3 steps below best practice, so 3 × 3 = 9/);
  // Every fix whose reason cites a figure names where it comes from.
  for (const item of await audit.fixList.locator(":scope > li").all()) {
    await item.locator("summary").click().catch(() => {});
    const body = await item.innerText();
    if (/Why it matters:[^\n]*\d/.test(body)) assert.match(body, /\(Source: /, body.slice(0, 80));
  }
  await page.context().close();
});

test("one answer can be changed from the report without retaking the audit", async () => {
  const { page, audit } = await completedMixed();
  await page.getByTestId("audit-revise").locator("summary").click();
  // q1 from "rep activities" (0) to "every stage a buyer milestone" (3): +9 points: 56 of 102 is 55.
  await page.getByLabel(/^1\. Do your pipeline stages/).selectOption("3");
  await page.waitForFunction(() => document.querySelector("[data-testid=audit-score]").textContent === "55");
  assert.equal(await audit.area("design").textContent(), "67");
  assert.ok(!(await audit.fixOrder()).includes("q1"), "q1 is no longer a fix");
  // The picker stays open where the visitor was, and the change is saved.
  assert.equal(await page.evaluate(() => document.activeElement.id), "audit-revise-q1");
  const saved = JSON.parse(await audit.saved());
  assert.equal(JSON.stringify(saved).includes("\"history\""), true);
  await page.reload();
  await waitForApp(page);
  assert.equal(await audit.score.textContent(), "55");
  assert.equal(await page.getByRole("button", { name: "Retake the audit" }).count(), 1);
  await page.context().close();
});

test("a score of 0 marks no area 'Weakest', and the skip link jumps to the content", async () => {
  const page = await h.newPage("#/audit");
  const audit = new AuditPage(page);
  await audit.completeWithKeyboard(new Array(16).fill(0));
  assert.equal(await audit.score.textContent(), "0");
  assert.equal(await page.locator(".sc-audit-areas").getByText("Weakest").count(), 0);
  // A fresh load of the report: the first Tab is the skip link.
  await page.reload();
  await waitForApp(page);
  await audit.score.waitFor();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to main content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "sc-main");
  assert.match(page.url(), /#\/audit$/, "the route did not change");
  await page.context().close();
});
