// The widget on a landing page, cross-origin (app on 127.0.0.1, host on
// localhost): a skip-intro audit that shows question 1 before the wasm
// arrives, a reserved first height and no shrinking between questions, the
// compact calculator, storage that asks (the Storage Access API) where the
// browser blocks a third-party frame's storage, and the completed event a
// corrected report sends.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveStatic, launchBrowser, runAxe } from "./support/harness.mjs";
import { hostPageHtml, HostPage } from "./pages/host.mjs";

let app, host, browser;
const PAGES = {
  "/skip.html": [{ id: "skip", tool: "audit", attrs: { "skip-intro": "" } }],
  "/audit.html": [{ id: "audit", tool: "audit" }],
  "/bench.html": [{ id: "bench", tool: "benchmarks" }],
  "/two.html": [{ id: "audit", tool: "audit" }, { id: "bench", tool: "benchmarks" }],
};

before(async () => {
  app = await serveStatic({ headers: { "access-control-allow-origin": "*" } });
  const extra = {};
  for (const [path, widgets] of Object.entries(PAGES)) {
    extra[path] = { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, widgets) };
  }
  host = await serveStatic({ host: "localhost", extra });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

async function open(path, { width = 640, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: "block" });
  if (init) await context.addInitScript(init[0], init[1]);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://localhost:${host.port}${path}`);
  return { context, page, hp: new HostPage(page), errors };
}

test("a skip-intro widget shows question 1, never the intro, even before the wasm arrives", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  // Hold the wasm back: what shows is the prerendered first screen.
  let release;
  const held = new Promise((r) => (release = r));
  await context.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`http://localhost:${host.port}/skip.html`);
  const frame = page.frameLocator("#skip iframe");
  await frame.locator("fieldset.sc-audit-question__group").waitFor();
  assert.equal(await frame.locator("#stagecraft[data-sc-ready]").count(), 0, "the wasm is still held back");
  assert.equal(await frame.getByRole("heading", { name: /How well does your sales process run/ }).isVisible(), false);
  assert.equal(await frame.getByRole("button", { name: "Start the audit" }).isVisible(), false);
  assert.ok(await frame.getByRole("radio").first().isVisible(), "the first question's answers are there to pick");
  release();
  await frame.locator("#stagecraft[data-sc-ready]").waitFor();
  assert.equal(await frame.getByRole("heading", { name: /How well does your sales process run/ }).count(), 0);
  await frame.locator("fieldset.sc-audit-question__group").waitFor();
  await context.close();
});

test("each widget reserves its usual first height, and the audit's questions never shrink it", async () => {
  const { context, page, hp } = await open("/audit.html", { width: 360 });
  const reserved = await hp.iframeHeight("audit");
  await hp.waitForEvent("stagecraft:resize", "audit");
  const settled = await hp.iframeHeight("audit");
  // The guess is within 5 % of what the first screen needed.
  assert.ok(Math.abs(settled - reserved) / settled < 0.05, `reserved ${reserved}px, settled ${settled}px`);
  const frame = hp.frame("audit");
  await hp.iframe("audit").scrollIntoViewIfNeeded();
  await frame.getByRole("button", { name: "Start the audit" }).click();
  const heights = [];
  for (let i = 0; i < 8; i++) {
    await frame.getByText(`${i + 1} of 16`, { exact: true }).waitFor();
    await page.waitForTimeout(200);
    heights.push(await hp.iframeHeight("audit"));
    await frame.locator(".sc-audit-option").nth(i % 4).click();
  }
  for (let i = 2; i < heights.length; i++) {
    assert.ok(heights[i] >= heights[i - 1], `question ${i + 1} shrank the widget: ${heights.join(", ")}`);
  }
  await context.close();
});

for (const width of [360, 640]) {
  test(`the calculator widget is compact at ${width} px: the answer first, inputs folded, under 1,400 px`, async () => {
    const { context, page, hp } = await open("/bench.html", { width });
    await hp.waitForEvent("stagecraft:ready", "bench");
    const frame = hp.frame("bench");
    await hp.iframe("bench").scrollIntoViewIfNeeded();
    // Before any input: the invitation, the folded inputs, nothing long.
    await frame.getByText(/Fill in your funnel, or load the example team/).waitFor();
    await page.waitForTimeout(400);
    const blank = await hp.iframeHeight("bench");
    assert.ok(blank < 1400, `the empty widget is ${blank}px tall`);
    await frame.getByRole("button", { name: "Load example team" }).click();
    await frame.getByTestId("velocity-per-day").getByText(/4,021/).waitFor();
    await page.waitForTimeout(400);
    const height = await hp.iframeHeight("bench");
    assert.ok(height < 1400, `the widget is ${height}px tall`);
    // The headline and the figures come before the inputs, in reading order.
    const order = await frame.locator("[data-testid=headline], [data-testid=velocity-per-day], form.sc-benchmarks-inputs").evaluateAll((els) => els.map((e) => e.dataset.testid || "inputs"));
    assert.deepEqual(order, ["headline", "velocity-per-day", "inputs"]);
    // On a phone the longer figures fold under one heading, a click away.
    const revenue = frame.getByTestId("revenue-per-month");
    if (width < 560) {
      assert.equal(await revenue.isVisible(), false);
      await frame.locator("summary", { hasText: "Revenue per month and the slowest stage" }).click();
    }
    assert.match(await revenue.textContent(), /109,688/);
    assert.ok(await revenue.isVisible());
    // A folded group opens from the keyboard and its fields work.
    const summary = frame.locator("summary", { hasText: "Your pipeline" });
    await summary.focus();
    await page.keyboard.press("Enter");
    await frame.getByLabel("Average deal size").fill("30000");
    await frame.getByTestId("velocity-per-day").getByText(/5,026/).waitFor();
    const f = await hp.contentFrame("bench");
    const axe = await runAxe(f);
    assert.deepEqual(axe, [], JSON.stringify(axe, null, 1));
    await context.close();
  });
}

// Storage blocked in the third-party frame, as Chromium does by default:
// reading `localStorage` throws there. The Storage Access API is stubbed
// the way Chrome shapes it: `requestStorageAccess({localStorage: true})`
// resolves to a handle whose `localStorage` works. Here that storage is a
// stand-in kept in the page (`window.__granted`), seeded from `seed`.
const BLOCKED = ({ mode, seed }) => {
  if (location.hostname !== "127.0.0.1") return;
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    },
  });
  const data = new Map(Object.entries(seed || {}));
  window.__granted = {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => void data.set(String(k), String(v)),
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
  document.hasStorageAccess = async () => mode === "allowed-before";
  document.requestStorageAccess = async (types) => {
    if (mode === "refuse") throw new DOMException("denied", "NotAllowedError");
    return types && types.localStorage ? { localStorage: window.__granted } : undefined;
  };
};

// The audit document the first storage test kept, after two answers.
let savedAudit;

async function granted(hp, key) {
  const f = await hp.contentFrame("audit");
  return f.evaluate((k) => window.__granted.getItem(k), key);
}

test("blocked storage: quiet until the first answer, then 'Keep my answers on this device' keeps them", async () => {
  const { context, page, hp, errors } = await open("/audit.html", { init: [BLOCKED, { mode: "ask" }] });
  await hp.waitForEvent("stagecraft:ready", "audit");
  const frame = hp.frame("audit");
  await hp.iframe("audit").scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  assert.equal(await frame.getByTestId("notice-memory-only").count(), 0, "no warning before the visitor has answered");
  await frame.locator(".sc-audit-option").nth(2).click();
  const notice = frame.getByTestId("notice-memory-only");
  await notice.waitFor();
  assert.match(await notice.textContent(), /blocks saving here/);
  assert.equal(await granted(hp, "stagecraft.audit"), null, "nothing kept before the visitor asks");
  const keep = notice.getByRole("button", { name: "Keep my answers on this device" });
  await keep.focus();
  await page.keyboard.press("Enter");
  await notice.waitFor({ state: "detached" });
  savedAudit = await granted(hp, "stagecraft.audit");
  const stored = JSON.parse(savedAudit);
  assert.equal(stored.data.answers[0], 2, "the first answer moved into the granted storage");
  // Later answers are saved there too.
  await frame.getByText("2 of 16", { exact: true }).waitFor();
  await frame.locator(".sc-audit-option").nth(3).click();
  await frame.getByText("3 of 16", { exact: true }).waitFor();
  assert.equal(JSON.parse(await granted(hp, "stagecraft.audit")).data.answers[1], 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("blocked storage, allowed on an earlier visit: the widget resumes the saved audit without asking", async () => {
  // What the test above saved after one answer: a returning visitor's audit.
  const saved = savedAudit;
  const { context, hp, errors } = await open("/audit.html", { init: [BLOCKED, { mode: "allowed-before", seed: { "stagecraft.audit": saved } }] });
  await hp.waitForEvent("stagecraft:ready", "audit");
  const frame = hp.frame("audit");
  await hp.iframe("audit").scrollIntoViewIfNeeded();
  await frame.getByText("2 of 16", { exact: true }).or(frame.getByRole("button", { name: /Continue the audit \(1 of 16 answered\)/ })).first().waitFor();
  await frame.locator(".sc-audit-option").first().click();
  await frame.getByText("3 of 16", { exact: true }).or(frame.getByText("2 of 16", { exact: true })).first().waitFor();
  assert.equal(await frame.getByTestId("notice-memory-only").count(), 0, "no warning: the answers are kept");
  assert.deepEqual(errors, []);
  await context.close();
});

test("blocked storage, access refused: the widget says so and keeps working in memory", async () => {
  const { context, hp, errors } = await open("/audit.html", { init: [BLOCKED, { mode: "refuse" }] });
  await hp.waitForEvent("stagecraft:ready", "audit");
  const frame = hp.frame("audit");
  await hp.iframe("audit").scrollIntoViewIfNeeded();
  await frame.locator(".sc-audit-option").first().click();
  const notice = frame.getByTestId("notice-memory-only");
  await notice.getByRole("button", { name: "Keep my answers on this device" }).click();
  await notice.getByText(/said no/).waitFor();
  await frame.getByText("2 of 16", { exact: true }).waitFor();
  await frame.locator(".sc-audit-option").nth(3).click();
  await frame.getByText("3 of 16", { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("changing an answer from the widget's report sends a new completed event", async () => {
  const { context, page, hp } = await open("/audit.html");
  await hp.waitForEvent("stagecraft:ready", "audit");
  const frame = hp.frame("audit");
  await hp.iframe("audit").scrollIntoViewIfNeeded();
  await frame.getByRole("button", { name: "Start the audit" }).click();
  for (let i = 0; i < 16; i++) {
    await frame.getByText(`${i + 1} of 16`, { exact: true }).waitFor();
    await frame.locator(".sc-audit-option").nth(1).click();
  }
  await hp.waitForEvent("stagecraft:completed", "audit");
  const first = (await hp.events("stagecraft:completed", "audit"))[0].detail;
  await frame.getByTestId("audit-revise").locator("summary").click();
  await frame.getByLabel(/^1\. /).selectOption("3");
  await page.waitForFunction(() => window.__events.filter((e) => e.name === "stagecraft:completed").length === 2);
  const second = (await hp.events("stagecraft:completed", "audit"))[1].detail;
  assert.ok(second.score > first.score, `${first.score} then ${second.score}`);
  assert.equal(second.answers[0], 3);
  await context.close();
});

// The calculator's example team, as a returning visitor's widget saved it.
const SAVED_BENCHMARKS = JSON.stringify({
  version: 1,
  data: {
    segment: "mid-market", mode: "rates", prospects: "400", open_opportunities: "60", deal_size: "24000",
    conversion: ["12", "55", "52", "58", "70", "82"], days: ["5", "6", "12", "18", "16", "10"], onboarding_days: "25",
  },
});

test("a returning visitor's saved figures are not reported: only a change made in this visit is", async () => {
  // A host on the app's own site (another port), so the widget reads its
  // storage at once, as where the browser partitions instead of blocking.
  const sameSite = await serveStatic({
    extra: { "/bench.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, PAGES["/bench.html"]) } },
  });
  const context = await browser.newContext({ viewport: { width: 640, height: 900 }, serviceWorkers: "block" });
  await context.addInitScript(([origin, saved]) => {
    if (location.origin === origin) localStorage.setItem("stagecraft.benchmarks", saved);
  }, [app.origin, SAVED_BENCHMARKS]);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${sameSite.origin}/bench.html`);
    const hp = new HostPage(page);
    await hp.waitForEvent("stagecraft:ready", "bench");
    await hp.iframe("bench").scrollIntoViewIfNeeded();
    const frame = hp.frame("bench");
    await frame.locator("summary", { hasText: "Your pipeline" }).click();
    const field = frame.getByLabel("Average deal size");
    assert.equal(await field.inputValue(), "24000", "the saved figures are back");
    await page.waitForTimeout(2500); // past the widget's one-second pause
    assert.deepEqual(await hp.events("stagecraft:completed", "bench"), [], "nothing the visitor did in this visit");
    await field.fill("");
    await field.pressSequentially("42000", { delay: 40 });
    await hp.waitForEvent("stagecraft:completed", "bench");
    await page.waitForTimeout(1500);
    const done = await hp.events("stagecraft:completed", "bench");
    assert.equal(done.length, 1, JSON.stringify(done.map((e) => e.detail)));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await sameSite.close();
  }
});
