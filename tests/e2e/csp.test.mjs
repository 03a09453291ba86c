// Serves dist/ with exactly the headers from dist/_headers (the CSP the
// README recommends) and checks that the app runs with zero violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, serveStatic, launchBrowser, waitForApp } from "./support/harness.mjs";

function headersFromFile() {
  const text = readFileSync(join(DIST, "_headers"), "utf8");
  const headers = {};
  for (const line of text.split("\n")) {
    const m = line.match(/^\s+([A-Za-z-]+):\s*(.+)$/);
    if (m) headers[m[1].toLowerCase()] = m[2];
  }
  return headers;
}

/**
 * Collects CSP violations in `page` (and in each of its frames, each in its
 * own `window.__violations`) and returns the console errors it logs.
 */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    );
  });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  return errors;
}

test("the app works under the recommended CSP with no violations", async () => {
  const headers = headersFromFile();
  assert.match(headers["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const site = await serveStatic({ headers });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const console_ = await recordViolations(page);
    await page.goto(site.url + "#/");
    await waitForApp(page);
    for (const route of ["#/audit", "#/qualify", "#/discovery", "#/benchmarks", "#/data", "#/"]) {
      await page.evaluate((h) => (location.hash = h), route);
      await page.waitForTimeout(200);
    }
    await page.getByRole("link", { name: "Start the 2-minute audit" }).click();
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(console_.filter((t) => /Content Security Policy/i.test(t)), []);
  } finally {
    await browser.close();
    await site.close();
  }
});

// Issue 16: a violation is only reported to the document it happened in,
// so switching routes inside one document would miss what another page's
// own HTML does (its inline boot script, its prerendered first screen, the
// redirect of a deep link). Every page is opened as a document of its own.
test("every page, opened in its own document, runs under the CSP with no violations", async () => {
  const headers = headersFromFile();
  const site = await serveStatic({ headers });
  const browser = await launchBrowser();
  const urls = [
    "", "#/audit", "#/qualify", "#/discovery", "#/benchmarks", "#/data", "#/nowhere",
    "audit/", "qualify/", "discovery/", "benchmarks/",
    "qualify/#/qualify", "discovery/#/discovery", "benchmarks/#/benchmarks", "audit/#/audit",
  ];
  try {
    for (const url of urls) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const console_ = await recordViolations(page);
      await page.goto(site.url + url);
      await waitForApp(page);
      await page.waitForTimeout(150);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], url || "/");
      assert.deepEqual(console_.filter((t) => /Content Security Policy/i.test(t)), [], url || "/");
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
});

test("the example landing page works under the same CSP: styled, logging, zero violations", async () => {
  const headers = headersFromFile();
  const site = await serveStatic({ headers });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // Runs in the page and in every widget frame, each with its own list.
    const console_ = await recordViolations(page);
    await page.goto(site.url + "examples/embed.html");
    const log = page.locator("#event-log");
    // The event log is the page's own script: it runs, and hears both widgets.
    await page.waitForFunction(() => {
      const t = document.getElementById("event-log").textContent;
      return t.includes("audit-widget → stagecraft:ready") && t.includes("bench-widget → stagecraft:ready");
    }, null, { timeout: 30000 });
    assert.match(await log.textContent(), /\{"tool":"audit"\}/);
    // Its stylesheet applied: the page's warm background, not the default white.
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 250, 243)");
    for (const frame of page.frames()) {
      assert.deepEqual(await frame.evaluate(() => window.__violations || []), [], frame.url());
    }
    assert.deepEqual(console_.filter((t) => /Content Security Policy/i.test(t)), []);
  } finally {
    await browser.close();
    await site.close();
  }
});
