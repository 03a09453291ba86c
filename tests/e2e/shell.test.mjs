// App shell end to end: routes, deep links, theme, data export/import,
// accessibility and privacy, against the release build in dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { setup, runAxe, serveStatic, launchBrowser, waitForApp } from "./support/harness.mjs";
import { ShellPage } from "./pages/shell.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

const ROUTES = ["#/", "#/audit", "#/qualify", "#/discovery", "#/benchmarks", "#/data", "#/no-such-page"];

test("home presents the audit as the primary action and links every tool", async () => {
  const page = await h.newPage("#/");
  const shell = new ShellPage(page);
  await shell.startAudit.waitFor();
  for (const name of ["Audit", "Qualify", "Discovery", "Benchmarks"]) {
    assert.equal(await shell.nav(name).count(), 1, `nav link ${name}`);
  }
  await shell.startAudit.click();
  await page.waitForFunction(() => location.hash === "#/audit");
  assert.match(await page.title(), /Self-audit scorecard/);
});

test("deep links survive a reload and unknown routes explain themselves", async () => {
  const page = await h.newPage("#/benchmarks");
  await page.reload();
  await waitForApp(page);
  assert.match(await page.title(), /Stage benchmark calculator/);
  const shell = new ShellPage(page);
  await shell.gotoHash("#/pricing");
  await page.getByText("We couldn't find that page").waitFor();
  await page.getByRole("link", { name: "Home" }).click();
  await shell.startAudit.waitFor();
});

test("the static shell's call to action works before the wasm arrives", async () => {
  const ctx = await h.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(h.baseUrl);
  const cta = page.getByRole("link", { name: "Start the 2-minute audit" });
  assert.equal(await cta.getAttribute("href"), "#/audit");
  assert.ok(await cta.isVisible());
});

test("every route passes axe with no serious or critical violations", async () => {
  for (const scheme of ["light", "dark"]) {
    const ctx = await h.newContext({ colorScheme: scheme });
    for (const route of ROUTES) {
      const page = await h.newPage(route, ctx);
      await page.waitForTimeout(100);
      const violations = await runAxe(page);
      assert.deepEqual(violations, [], `${scheme} ${route}: ${JSON.stringify(violations, null, 1)}`);
      await page.close();
    }
  }
});

test("no request leaves the page's origin and no script errors", async () => {
  const page = await h.newPage("#/");
  for (const route of ROUTES) {
    await new ShellPage(page).gotoHash(route);
    await page.waitForTimeout(150);
  }
  assert.deepEqual(page.external.list, []);
  assert.deepEqual(page.pageErrors, []);
});

test("dark mode follows the system setting", async () => {
  const light = await h.newPage("#/", await h.newContext({ colorScheme: "light" }));
  const dark = await h.newPage("#/", await h.newContext({ colorScheme: "dark" }));
  const bg = (p) => p.evaluate(() => getComputedStyle(document.querySelector(".sc-root")).backgroundColor);
  assert.notEqual(await bg(light), await bg(dark));
});

test("the layout fits a 360 px phone without sideways scrolling", async () => {
  const ctx = await h.newContext({ viewport: { width: 360, height: 740 } });
  for (const route of ROUTES) {
    const page = await h.newPage(route, ctx);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${route} overflows by ${overflow}px`);
    await page.close();
  }
});

test("export, then import into a fresh browser, restores the data; a bad file changes nothing", async () => {
  const page = await h.newPage("#/data");
  await page.evaluate(() => {
    localStorage.setItem("stagecraft.benchmarks", JSON.stringify({ version: 1, data: {} }));
  });
  const shell = new ShellPage(page);
  const [download] = await Promise.all([page.waitForEvent("download"), shell.exportButton.click()]);
  const exported = await readFile(await download.path(), "utf8");
  const bundle = JSON.parse(exported);
  assert.equal(bundle.app, "stagecraft");
  assert.ok(bundle.documents["stagecraft.benchmarks"], "export holds the calculator data");

  const fresh = await h.newPage("#/data");
  const freshShell = new ShellPage(fresh);
  await freshShell.importInput.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{\"hello\": 1}") });
  await freshShell.importResult.getByText("not a Stagecraft export").waitFor();
  assert.equal(await fresh.evaluate(() => localStorage.length), 0, "a bad file must change nothing");

  await freshShell.importInput.setInputFiles({ name: "good.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await freshShell.importResult.getByText(/Imported \d+ tool/).waitFor();
  const stored = await fresh.evaluate(() => localStorage.getItem("stagecraft.benchmarks"));
  assert.deepEqual(JSON.parse(stored), bundle.documents["stagecraft.benchmarks"]);
});

test("dist/ works under a sub-path with deep links and reloads", async () => {
  const site = await serveStatic({ prefix: "/tools/stagecraft/" });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const failed = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(site.url + "#/data");
    await waitForApp(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Your data");
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Your data");
    assert.deepEqual(failed, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
