// The embed loader and the embed view, cross-origin: the app is served on
// 127.0.0.1 and the host page on localhost, as on a real marketing site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveStatic, launchBrowser } from "./support/harness.mjs";
import { hostPageHtml, HostPage } from "./pages/host.mjs";
import { AuditPage } from "./pages/audit.mjs";

let app, host, browser;
// Landing pages of the marketer tests, each served by the host.
const CTA_WIDGETS = [{
  id: "cta-widget",
  tool: "audit",
  attrs: {
    "cta-text": "Book a pipeline review",
    "cta-url": "https://acme.example/book",
    "cta-url-structured": "https://acme.example/structured?utm_medium=site",
    "share-url": "https://acme.example/audit#old",
    "hide-open-app": "",
    "skip-intro": "",
  },
}];
const SHARE_WIDGETS = [{ id: "share-widget", tool: "audit" }];
const TYPO_WIDGETS = [
  { id: "typo-widget", tool: "audti" },
  { id: "upper-widget", tool: "Audit" },
  { id: "bad-options", tool: "audit", attrs: { accent: "notacolour", "cta-url": "javascript:alert(1)", "cta-text": "<b>Go</b>", "min-heigth": "300" } },
  { id: "bench-cta", tool: "benchmarks", attrs: { "cta-text": "Talk to us", "cta-url": "https://acme.example/talk" } },
];
// Heights past the documented range are clamped; anything but whole pixels
// is named and falls back to the default.
const HEIGHT_WIDGETS = [
  { id: "huge-min", tool: "qualify", attrs: { "min-height": "20000" } },
  { id: "tiny", tool: "qualify", attrs: { "min-height": "50", "max-height": "50" } },
  { id: "sci", tool: "qualify", attrs: { "min-height": "1e9" } },
  { id: "inf", tool: "qualify", attrs: { "max-height": "Infinity" } },
  { id: "neg", tool: "qualify", attrs: { "min-height": "-5" } },
  { id: "unit", tool: "qualify", attrs: { "max-height": "12px" } },
];
const WIDGETS = [
  { id: "audit-widget", tool: "audit", attrs: { accent: "#c2410c" } },
  { id: "bench-widget", tool: "benchmarks", attrs: { theme: "dark", "min-height": "300" } },
];

before(async () => {
  // The app's assets allow cross-origin reads, as the README recommends, so a
  // sandboxed (origin-less) iframe can still load the module and the wasm.
  app = await serveStatic({ headers: { "access-control-allow-origin": "*" } });
  const sandboxed = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed</title></head><body>
<iframe id="sandboxed" title="Sandboxed Stagecraft" sandbox="allow-scripts" style="width:100%;height:600px"
  src="${app.origin}/audit/#/embed/audit?frame=sandbox-1&origin=${encodeURIComponent("http://localhost")}"></iframe></body></html>`;
  host = await serveStatic({
    host: "localhost",
    extra: {
      "/landing.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, WIDGETS) },
      "/sandboxed.html": { type: "text/html; charset=utf-8", body: sandboxed },
      "/cta.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, CTA_WIDGETS) },
      "/shared.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, SHARE_WIDGETS) },
      "/typos.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, TYPO_WIDGETS) },
      "/heights.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, HEIGHT_WIDGETS) },
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

async function openLanding() {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://localhost:${host.port}/landing.html`);
  const hp = new HostPage(page);
  for (const w of WIDGETS) await hp.waitForEvent("stagecraft:ready", w.id);
  return { page, hp, errors };
}

test("the loader puts a titled, chromeless iframe in every widget div", async () => {
  const { hp, errors } = await openLanding();
  assert.equal(await hp.iframe("audit-widget").getAttribute("title"), "Self-audit scorecard (Stagecraft)");
  assert.equal(await hp.iframe("bench-widget").getAttribute("title"), "Stage benchmark calculator (Stagecraft)");
  const ready = await hp.events("stagecraft:ready");
  assert.deepEqual(ready.map((e) => [e.target, e.detail.tool]).sort(), [["audit-widget", "audit"], ["bench-widget", "benchmarks"]]);
  const audit = hp.frame("audit-widget");
  assert.equal(await audit.locator("nav").count(), 0, "no site navigation inside an embed");
  const open = audit.getByRole("link", { name: /Open full app/ });
  assert.equal(await open.getAttribute("target"), "_blank");
  assert.match(await open.getAttribute("href"), /#\/audit$/);
  assert.deepEqual(errors, []);
});

test("host options reach the widget: accent and theme", async () => {
  const { hp } = await openLanding();
  const auditFrame = await hp.contentFrame("audit-widget");
  const accent = await auditFrame.evaluate(() => getComputedStyle(document.querySelector(".sc-root")).getPropertyValue("--sc-accent").trim());
  assert.equal(accent, "#c2410c");
  const benchFrame = await hp.contentFrame("bench-widget");
  assert.equal(await benchFrame.evaluate(() => document.querySelector(".sc-root").dataset.scTheme), "dark");
});

test("each iframe grows with its content, with no inner scrollbar", async () => {
  const { hp } = await openLanding();
  for (const w of WIDGETS) {
    // Chromium pauses rendering (and so ResizeObserver) in off-screen
    // cross-origin frames; a reader scrolls to the widget before it matters.
    await hp.iframe(w.id).scrollIntoViewIfNeeded();
    const frame = await hp.contentFrame(w.id);
    const before = await frame.evaluate(() => document.querySelector(".sc-root").scrollHeight);
    await frame.evaluate(() => {
      const extra = document.createElement("div");
      extra.style.height = "700px";
      extra.className = "sc-test-grow";
      document.querySelector(".sc-main").appendChild(extra);
    });
    await hp.page
      .waitForFunction(
        ([id, h]) => document.querySelector(`#${id} iframe`).getBoundingClientRect().height >= h + 650,
        [w.id, before],
        { timeout: 10000 },
      )
      .catch(async (e) => {
        const now = await hp.iframeHeight(w.id);
        const inner = await frame.evaluate(() => document.querySelector(".sc-root").scrollHeight);
        throw new Error(`${w.id}: content was ${before}px, iframe is ${now}px, content now ${inner}px (${e.message})`);
      });
    const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
    assert.ok(fits, `${w.id} has an inner scrollbar`);
    const resizes = await hp.events("stagecraft:resize", w.id);
    assert.ok(resizes.length >= 2, `${w.id} reported its new height`);
  }
});

test("completing the audit inside its iframe fires exactly one completed event on its div", async () => {
  const { page, hp } = await openLanding();
  await hp.iframe("audit-widget").scrollIntoViewIfNeeded();
  const frame = await hp.contentFrame("audit-widget");
  // The page object drives a frame like a page; key presses go to the focused frame.
  const audit = new AuditPage(Object.assign(Object.create(frame), { keyboard: page.keyboard }));
  await audit.completeWithKeyboard(Array(16).fill(2)); // every answer scores 2 of 3
  assert.equal((await audit.score.textContent()).trim(), "67");
  await hp.waitForEvent("stagecraft:completed", "audit-widget");
  await page.waitForTimeout(300);
  const completed = await hp.events("stagecraft:completed");
  assert.equal(completed.length, 1, JSON.stringify(completed));
  assert.equal(completed[0].target, "audit-widget");
  // Issue 15 widened the detail: area scores, the answers and a share link.
  const { shareUrl, ...rest } = completed[0].detail;
  assert.deepEqual(rest, {
    tool: "audit",
    score: 67,
    tier: "Structured",
    areas: { design: 67, qualification: 67, discovery: 67, execution: 67, measurement: 67, postsale: 67 },
    answers: Array(16).fill(2),
  });
  assert.match(shareUrl, /\/audit\/#\/audit\/share\/1-/, "without a share-url the link opens the full app");
  assert.doesNotMatch(shareUrl, /embed/);
  // The visitor started once, and every move to a question was a step.
  const started = await hp.events("stagecraft:started");
  assert.deepEqual(started.map((e) => [e.target, e.detail]), [["audit-widget", { tool: "audit" }]]);
  const steps = (await hp.events("stagecraft:step", "audit-widget")).map((e) => e.detail);
  assert.deepEqual(steps[0], { tool: "audit", step: 1, of: 16 });
  assert.deepEqual(steps.at(-1), { tool: "audit", step: 16, of: 16 });
  assert.deepEqual(steps.map((d) => d.step), Array.from({ length: 16 }, (_, i) => i + 1));
});

test("the calculator reports once the visitor pauses, not on every keystroke", async () => {
  const { page, hp } = await openLanding();
  await hp.iframe("bench-widget").scrollIntoViewIfNeeded();
  const frame = hp.frame("bench-widget");
  await frame.getByRole("button", { name: "Load example team", exact: true }).click();
  await hp.waitForEvent("stagecraft:completed", "bench-widget");
  assert.equal((await hp.events("stagecraft:started", "bench-widget")).length, 0, "a button is not typing");
  // The widget folds its inputs under headings (issue 15); opening one is not typing either.
  await frame.locator("summary", { hasText: "Your pipeline" }).click();
  const field = frame.getByLabel("Average deal size");
  await field.fill("");
  await field.pressSequentially("42000", { delay: 60 });
  await page.waitForFunction(() => window.__events.filter((e) => e.name === "stagecraft:completed").length >= 2, null, { timeout: 10000 });
  await page.waitForTimeout(1500);
  const done = await hp.events("stagecraft:completed", "bench-widget");
  assert.equal(done.length, 2, JSON.stringify(done.map((e) => e.detail)));
  assert.equal((await hp.events("stagecraft:started", "bench-widget")).length, 1);
});

test("the marketer's call to action, share page and switches reach the widget", async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${host.port}/cta.html?utm_source=newsletter&utm_medium=email&utm_campaign=q4`);
  const hp = new HostPage(page);
  await hp.waitForEvent("stagecraft:ready", "cta-widget");
  assert.equal(await hp.problem("cta-widget").count(), 0, "every option was accepted");
  const frame = hp.frame("cta-widget");
  // skip-intro: question 1 at once, no intro heading.
  await frame.getByText("1 of 16", { exact: true }).waitFor();
  assert.equal(await frame.getByRole("heading", { name: /How well does your sales process run/ }).count(), 0);
  assert.equal(await frame.getByRole("link", { name: /Open full app/ }).count(), 0, "hide-open-app");
  await hp.iframe("cta-widget").scrollIntoViewIfNeeded();
  await frame.getByRole("radio").first().focus();
  for (let i = 1; i <= 16; i++) {
    await frame.getByText(`${i} of 16`, { exact: true }).waitFor();
    await page.keyboard.press("3");
  }
  await frame.getByTestId("audit-score").waitFor();
  const cta = frame.getByTestId("audit-cta").getByRole("link", { name: /Book a pipeline review/ });
  assert.equal(await cta.getAttribute("target"), "_blank");
  // The per-tier URL wins for a Structured result; the host's UTM join it,
  // except the medium the marketer set.
  assert.equal(await cta.getAttribute("href"), "https://acme.example/structured?utm_medium=site&utm_source=newsletter&utm_campaign=q4");
  await hp.waitForEvent("stagecraft:completed", "cta-widget");
  const [done] = await hp.events("stagecraft:completed", "cta-widget");
  assert.match(done.detail.shareUrl, /^https:\/\/acme\.example\/audit#\/audit\/share\/1-/);
  assert.equal(await frame.getByTestId("share-link").inputValue(), done.detail.shareUrl);
});

test("a share link to the marketer's page opens the shared report inside the widget", async () => {
  const page = await (await browser.newContext()).newPage();
  // Every answer 2 of 3: the share code of a 67.
  const code = await (async () => {
    const p = await (await browser.newContext()).newPage();
    await p.goto(`${app.origin}/audit/`);
    const a = new AuditPage(p);
    await a.completeWithKeyboard(Array(16).fill(2));
    const url = await a.shareLink.inputValue();
    await p.context().close();
    return url.split("#")[1];
  })();
  await page.goto(`http://localhost:${host.port}/shared.html#${code}`);
  const hp = new HostPage(page);
  await hp.waitForEvent("stagecraft:ready", "share-widget");
  const frame = hp.frame("share-widget");
  await frame.getByTestId("audit-shared-banner").waitFor();
  assert.equal((await frame.getByTestId("audit-score").textContent()).trim(), "67");
});

test("widget heights are clamped to 120–10,000 px and only whole pixels are read", async () => {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://localhost:${host.port}/heights.html`);
  const hp = new HostPage(page);
  // The loader sizes each iframe when it mounts it; widgets pushed below the
  // fold load lazily, so this reads the loader's heights, not the app's.
  for (const w of HEIGHT_WIDGETS) await hp.iframe(w.id).waitFor({ state: "attached" });
  assert.equal(await hp.iframeHeight("huge-min"), 10000);
  assert.equal(await hp.iframeHeight("tiny"), 120);
  assert.equal(await hp.problem("huge-min").count(), 0, "a number out of range is clamped, not refused");
  for (const [id, name] of [["sci", "min-height"], ["inf", "max-height"], ["neg", "min-height"], ["unit", "max-height"]]) {
    assert.match(await hp.problem(id).textContent(), new RegExp(`data-stagecraft-${name} must be a whole number of pixels`), id);
    const height = await hp.iframeHeight(id);
    assert.ok(height >= 120 && height < 3000, `${id}: ${height} px, the default, not the value`);
  }
  assert.deepEqual(errors, []);
});

test("a frame id such as __proto__ or toString finds no widget and throws nothing on the host page", async () => {
  const { page, hp, errors } = await openLanding();
  const before = (await hp.events("stagecraft:resize")).length;
  const frame = await hp.contentFrame("audit-widget");
  // From the app's own origin and window, as a compromised or confused app would.
  await frame.evaluate(() => {
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      for (const type of ["stagecraft:resize", "stagecraft:ready", "stagecraft:completed"]) {
        parent.postMessage({ type, frame: id, payload: { height: 5000, tool: "audit" } }, "*");
      }
    }
  });
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
  assert.equal((await hp.events("stagecraft:resize")).length, before);
  assert.deepEqual(await hp.events("stagecraft:completed"), []);
});

test("a bad tool name or option says so inside the div", async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${host.port}/typos.html`);
  const hp = new HostPage(page);
  await hp.waitForEvent("stagecraft:ready", "upper-widget");
  const typo = await hp.problem("typo-widget").textContent();
  assert.match(typo, /no tool called “audti”/);
  assert.match(typo, /audit, qualify, discovery, benchmarks/);
  assert.equal(await hp.iframe("typo-widget").count(), 0);
  assert.equal(await hp.problem("upper-widget").count(), 0, "tool names are case-insensitive");
  await hp.waitForEvent("stagecraft:ready", "bad-options");
  const bad = await hp.problem("bad-options").textContent();
  for (const part of [/data-stagecraft-accent must be a CSS colour/, /cta-url must be an https:\/\/ address/,
    /cta-text must be plain text/, /data-stagecraft-min-heigth is not an option/]) {
    assert.match(bad, part);
  }
  assert.doesNotMatch(await hp.iframe("bad-options").getAttribute("src"), /cta_|javascript/);
  // A call to action belongs to the audit's report; elsewhere it is named, not dropped silently.
  assert.match(await hp.problem("bench-cta").textContent(), /only apply to the audit/);
  assert.doesNotMatch(await hp.iframe("bench-cta").getAttribute("src"), /cta_/);
});

test("a message forged by the host page is ignored by the loader and the app", async () => {
  const { page, hp } = await openLanding();
  const frameId = await hp.iframe("audit-widget").evaluate((el) => new URL(el.src).hash.match(/frame=([^&]+)/)[1]);
  const frame = await hp.contentFrame("audit-widget");
  const snapshot = () => frame.evaluate(() => [location.hash, document.querySelector(".sc-main").innerText]);
  const before = await snapshot();
  await page.evaluate((id) => {
    const forged = { type: "stagecraft:completed", frame: id, payload: { tool: "audit", score: 100, tier: "Optimized" } };
    window.postMessage(forged, "*");
    document.querySelector("#audit-widget iframe").contentWindow.postMessage(forged, "*");
  }, frameId);
  await page.waitForTimeout(300);
  assert.deepEqual(await hp.events("stagecraft:completed"), []);
  assert.deepEqual(await snapshot(), before, "the widget did not react to the forged message");
});

test("a sandboxed iframe without allow-same-origin still works, in memory, with a notice", async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${host.port}/sandboxed.html`);
  const frame = page.frameLocator("#sandboxed");
  // The widget works, and keeps quiet about storage until the first answer.
  await frame.getByRole("button", { name: /Start the audit/ }).click({ timeout: 20000 });
  await frame.locator("fieldset.sc-audit-question__group").waitFor();
  assert.equal(await frame.getByTestId("notice-memory-only").count(), 0);
  await frame.locator(".sc-audit-option").nth(1).click();
  await frame.getByTestId("notice-memory-only").waitFor({ timeout: 20000 });
  assert.match(await frame.getByTestId("notice-memory-only").textContent(), /blocks saving here/);
});
