// The cross-engine smoke suite: what a rep does in Firefox or Safari's
// engine, against the release build in dist/. One file per engine calls
// `smoke(engine)`; each test says what a user would notice if it broke.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { access, mkdir, writeFile } from "node:fs/promises";
import { DIST, serveStatic } from "../e2e/support/harness.mjs";
import { hostPageHtml } from "../e2e/pages/host.mjs";
import { startDriver } from "./webdriver.mjs";
import { ENGINES } from "./engines.mjs";
import { Ui, completeAuditWithKeys, waitForQuestion, assertNoNaN, MIXED_SCORE, MIXED_TIER } from "./ui.mjs";

const BLOCKED_NOTICE = "This browser isn't letting Stagecraft save.";
const WIDGET_NOTICE = "Your browser blocks saving here";
const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;

/** Saves what `ui`'s browser shows, for a failure message; never throws. */
async function screenshot(ui, name) {
  try {
    await mkdir(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 80)}.png`;
    await writeFile(path, Buffer.from(await ui.s.screenshot(), "base64"));
    return path;
  } catch {
    return null;
  }
}

/** Runs `body`; when it fails, adds a screenshot of `ui` to the error. */
async function shootOnFailure(ui, name, body) {
  try {
    return await body();
  } catch (e) {
    const path = await screenshot(ui, name);
    if (path) e.message += `\n  screenshot: ${path}`;
    throw e;
  }
}

export function smoke(engineName) {
  const engine = ENGINES[engineName];
  let app, host, driver, main, ui;

  before(async () => {
    await access(DIST + "index.html").catch(() => {
      throw new Error(`no release build in ${DIST}: run scripts/build.sh first (scripts/test.sh does)`);
    });
    // The app's files allow cross-origin reads, as the README recommends for
    // sandboxed embeds; the host pages live on a second origin (localhost).
    app = await serveStatic({ headers: { "access-control-allow-origin": "*" } });
    const sandboxed = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed</title></head><body>
<h1>Partner page with a sandboxed widget</h1>
<iframe id="sandboxed" title="Sandboxed Stagecraft" sandbox="allow-scripts" style="width:100%;height:700px"
  src="${app.origin}/audit/#/embed/audit?frame=sandbox-1&origin=${encodeURIComponent("http://localhost")}"></iframe></body></html>`;
    host = await serveStatic({
      host: "localhost",
      extra: {
        "/landing.html": { type: "text/html; charset=utf-8", body: hostPageHtml(app.origin, [{ id: "audit-widget", tool: "audit" }]) },
        "/sandboxed.html": { type: "text/html; charset=utf-8", body: sandboxed },
      },
    });
    driver = await startDriver(engine.driver());
    main = await driver.newSession(engine.capabilities());
    ui = new Ui(main);
  });

  after(async () => {
    await driver?.stop();
    await host?.close();
    await app?.close();
  });

  /**
   * A browser of its own: its own profile, so its own (empty) storage. Both
   * drivers hold one session at a time, so it gets its own driver too;
   * both end with it.
   */
  async function withFreshBrowser(name, options, body) {
    const d = await startDriver(engine.driver());
    try {
      const fresh = new Ui(await d.newSession(engine.capabilities(options)));
      return await shootOnFailure(fresh, `${engineName}-${name}`, () => body(fresh));
    } finally {
      await d.stop();
    }
  }

  /** A test whose failure message carries a screenshot of the main browser. */
  function check(name, body) {
    test(`${engineName}: ${name}`, () => shootOnFailure(ui, `${engineName}-${name}`, body));
  }

  let shareLink;

  check("the audit, answered with keys 1–4, reaches the report with a score", async () => {
    await ui.open(app.url + "#/audit");
    assert.equal(await completeAuditWithKeys(ui), MIXED_SCORE, "the hand-worked score");
    assert.equal(await ui.testText("audit-tier"), MIXED_TIER);
    const link = await ui.s.find('[data-testid="share-link"]', "the report's share link");
    shareLink = await link.property("value");
    assert.match(shareLink, /#\/audit\/share\/1-[0-9a-z]{8}$/, "a share link for the report");
    assert.ok(shareLink.startsWith(app.url), `the share link points at this site: ${shareLink}`);
  });

  check("a reload keeps the audit report", async () => {
    assert.ok(shareLink, "needs the audit finished in the test above");
    await ui.reload();
    assert.equal(await ui.testText("audit-score"), MIXED_SCORE);
    assert.equal(await ui.testText("audit-tier"), MIXED_TIER);
  });

  check("the share link, opened in a fresh session, shows the same report", async () => {
    assert.ok(shareLink, "needs the share link from the first test");
    await withFreshBrowser("share-link", {}, async (visitor) => {
      await visitor.open(shareLink);
      assert.equal(await visitor.testText("audit-score"), MIXED_SCORE);
      assert.equal(await visitor.testText("audit-tier"), MIXED_TIER);
      await visitor.s.find('[data-testid="audit-shared-banner"]', "the shared-report banner");
      await visitor.button("Take the audit yourself");
      assert.equal(await visitor.stored("stagecraft.audit"), null, "viewing a shared report saves nothing");
    });
  });

  check("qualify: a deal answered with keys resumes after a reload and gets a verdict", async () => {
    await ui.open(app.url + "#/qualify");
    await ui.seeText("No deals yet");
    await ui.focusAndPress(await ui.button("New deal"), "Enter");
    const name = await ui.field("Deal name");
    await name.type("Acme rollout");
    await (await ui.field("Company")).type("Acme");
    await (await ui.field("Annual contract value")).type("40000");
    await (await ui.field("Stakeholders engaged")).type("2");
    await ui.expectText("recommended-framework", /BANT.*MEDDIC/);
    await ui.focusAndPress(name, "Enter"); // Enter submits the basics

    // One key picks the rating (1 Confirmed … 4 Red flag), Enter moves on.
    await ui.group("Budget");
    await ui.s.press("1", "Enter");
    await ui.group("Authority");
    await ui.s.press("2", "Enter");
    await ui.group("Need");

    await ui.reload();
    await ui.group("Need", 20000).catch(async (e) => {
      throw new Error(`after a reload the wizard is not back at "Need" (focus: ${await ui.focused()}): ${e.message}`);
    });
    await ui.focusAndPress(await ui.button("Back"), "Enter");
    await ui.group("Authority");
    const partially = await ui.s.script(
      "return [...document.querySelectorAll('fieldset input[type=radio]')].filter((r) => r.checked).map((r) => r.value);",
    );
    assert.deepEqual(partially, ["partially"], "the Authority answer survived the reload");
    await ui.focusAndPress(await ui.button("Next"), "Enter");
    await ui.group("Need");
    await ui.s.press("1", "Enter");
    await ui.group("Timeline");
    await ui.s.press("4", "Enter");

    // 2 + 1 + 2 + 0 = 5 of 8 → 63, one red flag → Needs work.
    assert.equal(await ui.testText("qual-score"), "63");
    assert.equal(await ui.testText("qual-verdict"), "Needs work");
  });

  check("discovery: a call starts, its clock runs, the talk keys toggle, and a reload keeps it", async () => {
    await ui.open(app.url + "#/discovery");
    await ui.focusAndPress(await ui.button("Start your first call"), "Enter");
    await main.waitFor("the call screen (#/discovery/1)", async () => (await main.url()).endsWith("#/discovery/1"));
    const title = await ui.field("Call title");
    await title.type("Acme discovery");
    await ui.focusAndPress(await ui.button("Start"), "Enter");
    await ui.button("Pause");
    await main.press("r"); // focus is on a button, not a field: the key toggles
    await main.waitFor("“Rep talking” to be pressed", async () => (await (await ui.button("Rep talking")).attribute("aria-pressed")) === "true");
    await ui.expectText("call-clock", /^0:0[1-9]$/, 10000);
    await main.press("r");
    await main.waitFor("“Rep talking” to be released", async () => (await (await ui.button("Rep talking")).attribute("aria-pressed")) === "false");
    await ui.expectText("talk-ratio", "100%");
    await ui.focusAndPress(await ui.button("Pause"), "Enter");
    await ui.expectText("save-status", "✓ Saved", 10000);

    await ui.reload();
    await main.waitFor("the call title after a reload", async () => (await (await ui.field("Call title")).property("value")) === "Acme discovery");
    await ui.expectText("talk-ratio", "100%");
  });

  check("benchmarks: “Load example team” shows a velocity, and a reload keeps the inputs", async () => {
    await ui.open(app.url + "#/benchmarks");
    assert.equal(await ui.testText("velocity-per-day"), "—", "no velocity before any input");
    await ui.focusAndPress(await ui.button("Load example team"), "Enter");
    // The example team of tests/e2e/benchmarks.test.mjs, in en-US: $4,021 a day.
    await ui.expectText("velocity-per-day", "$4,021");
    assert.equal(await ui.testText("win-rate"), "17.3%");
    assert.equal(await ui.testText("bottleneck-stage"), "Discovery");
    assertNoNaN(await (await main.find("main")).text(), "the calculator");

    await ui.reload();
    assert.equal(await (await ui.field("Average deal size")).property("value"), "24000");
    await ui.expectText("velocity-per-day", "$4,021");
  });

  check("with storage switched off the app still works and says it can't save", async () => {
    await withFreshBrowser("storage-off", { storageBlocked: true }, async (blocked) => {
      await blocked.open(app.url + "#/audit");
      const off = await blocked.s.script("try { return !window.localStorage; } catch (e) { return true; }");
      assert.ok(off, "this session was started with storage switched off, but localStorage is there");
      const notice = await blocked.testText("notice-memory-only");
      assert.ok(notice.startsWith(BLOCKED_NOTICE), `the notice reads: ${notice}`);
      assert.equal(await completeAuditWithKeys(blocked), MIXED_SCORE, "the audit still works in memory");
    });
  });

  check("a sandboxed widget (no allow-same-origin) works in memory with its one-line notice", async () => {
    await main.go(`http://localhost:${host.port}/sandboxed.html`);
    await main.frame(await main.find("#sandboxed", "the sandboxed iframe"));
    try {
      // The app replaces the first screen when it mounts: wait for it, so the
      // button found is the one that stays.
      await ui.ready();
      // Quiet until the visitor answers (issue 15), then one line.
      await ui.focusAndPress(await ui.button("Start the audit", 30000), "Enter");
      await waitForQuestion(ui, 1);
      assert.equal((await ui.s.all('[data-testid="notice-memory-only"]')).length, 0, "a warning before any answer");
      await ui.s.press("2");
      await waitForQuestion(ui, 2);
      const notice = await ui.testText("notice-memory-only", 30000);
      assert.ok(notice.startsWith(WIDGET_NOTICE), `the notice reads: ${notice}`);
    } finally {
      await main.frame(null);
    }
  });

  check("the widget on a cross-origin host page shows the audit's first question", async () => {
    await main.go(`http://localhost:${host.port}/landing.html`);
    await main.waitFor("the host page to receive stagecraft:ready", () =>
      main.script("return (window.__events || []).some((e) => e.name === 'stagecraft:ready' && e.target === 'audit-widget');"), 30000);
    const iframe = await main.find("#audit-widget iframe", "the widget's iframe");
    assert.equal(await iframe.attribute("title"), "Self-audit scorecard (Stagecraft)");
    const src = new URL(await iframe.property("src"));
    assert.equal(src.origin, app.origin, "the widget comes from the app's origin, not the host's");
    await main.frame(iframe);
    try {
      const legend = await main.find("fieldset.sc-audit-question__group legend", "the first question");
      assert.match(await legend.text(), /pipeline stages/);
      assert.equal((await main.all("nav")).length, 0, "no site navigation inside the widget");
      // It answers the keyboard like the full app: key 2 on question 1 moves on.
      await ui.focusAndPress(await ui.button("Start the audit"), "Enter");
      await waitForQuestion(ui, 1);
      await main.press("2");
      await waitForQuestion(ui, 2);
    } finally {
      await main.frame(null);
    }
  });
}
