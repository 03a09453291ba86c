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
  await freshShell.importChoice("Replace").click();
  await freshShell.importResult.getByText(/Imported \d+ tool/).waitFor();
  const stored = await fresh.evaluate(() => localStorage.getItem("stagecraft.benchmarks"));
  assert.deepEqual(JSON.parse(stored), bundle.documents["stagecraft.benchmarks"]);
});

/** A qualify document holding `names` (one minute apart, last newest). */
function dealsDoc(names, minute = 0) {
  const deals = names.map((name, i) => {
    const at = new Date(Date.UTC(2026, 11, 1, 9, minute + i)).toISOString();
    return { id: `id-${name}`, name, company: "", acv: "", stakeholders: "", new_category: false, framework_override: null, answers: {}, step: "basics", created: at, updated: at };
  });
  return JSON.stringify({ version: 1, data: { deals } });
}

test("restoring an export previews it, merges or replaces only when asked, and can be undone", async () => {
  const page = await h.newPage("#/data");
  const shell = new ShellPage(page);
  const file = JSON.stringify({
    app: "stagecraft",
    format: 1,
    exported_at: "2026-12-01T10:00:00Z",
    documents: { "stagecraft.qualify": JSON.parse(dealsDoc(["Acme", "Globex"])) },
  });
  // Here: Acme edited later than in the file, and Initech, made since the export.
  const here = dealsDoc(["Initech", "Acme"], 30);
  await page.evaluate((here) => localStorage.setItem("stagecraft.qualify", here), here);
  const names = async () =>
    page.evaluate(() => JSON.parse(localStorage.getItem("stagecraft.qualify")).data.deals.map((d) => d.name).sort());

  await shell.importInput.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await page.getByText("This file has 2 deals, exported on 1 Dec 2026. This browser has 2 deals.").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("stagecraft.qualify")), here, "nothing changes before a choice");
  assert.deepEqual(await runAxe(page), []);
  await shell.importChoice("Cancel").click();
  assert.equal(await page.evaluate(() => localStorage.getItem("stagecraft.qualify")), here);

  // Merge keeps Initech and this browser's newer Acme, and adds Globex.
  await shell.importInput.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await shell.importChoice("Merge").click();
  await shell.importResult.getByText("Imported 1 tool, merged with what was here.").waitFor();
  assert.deepEqual(await names(), ["Acme", "Globex", "Initech"]);
  const acme = await page.evaluate(() => JSON.parse(localStorage.getItem("stagecraft.qualify")).data.deals.find((d) => d.name === "Acme").updated);
  assert.equal(Date.parse(acme), Date.UTC(2026, 11, 1, 9, 31), "the newer edit of Acme wins");

  // Undo puts back exactly what was there.
  await shell.undoImport.click();
  await shell.importResult.getByText("Import undone").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("stagecraft.qualify")), here);

  // Replace swaps this browser's deals for the file's, and undo restores them too.
  await shell.importInput.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await shell.importChoice("Replace").click();
  await shell.importResult.getByText("Imported 1 tool, replacing what was here.").waitFor();
  assert.deepEqual(await names(), ["Acme", "Globex"]);
  await shell.undoImport.click();
  assert.equal(await page.evaluate(() => localStorage.getItem("stagecraft.qualify")), here);

  // A damaged document is named in plain words, with nothing changed.
  const bad = JSON.stringify({ app: "stagecraft", format: 1, exported_at: "2026-12-01T10:00:00Z", documents: { "stagecraft.qualify": { version: 1, data: { deals: [{ id: 1 }] } } } });
  await shell.importInput.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad) });
  await shell.importResult.getByText("The deals in this file can't be used: it is damaged").waitFor();
  assert.doesNotMatch(await shell.importResult.textContent(), /invalid type|expected|variant/);
  assert.equal(await page.evaluate(() => localStorage.getItem("stagecraft.qualify")), here);
});

test("an export taken while one document is damaged imports back: the good data is restored, the damaged one named and kept as a backup", async () => {
  const DAMAGED = '{"version":1,"data":{"calls":[{"id":"half a call';
  const page = await h.newPage("#/data");
  await page.evaluate(
    ([deals, damaged]) => {
      localStorage.setItem("stagecraft.qualify", deals);
      localStorage.setItem("stagecraft.discovery", damaged);
    },
    [dealsDoc(["Acme", "Globex"]), DAMAGED],
  );
  const shell = new ShellPage(page);
  const [download] = await Promise.all([page.waitForEvent("download"), shell.exportButton.click()]);
  const exported = await readFile(await download.path(), "utf8");
  const bundle = JSON.parse(exported);
  assert.equal(bundle.documents["stagecraft.discovery"], undefined, "the damaged document is not exported as a document");
  assert.equal(bundle.documents["stagecraft.discovery.backup"], DAMAGED, "its text is exported as a backup, byte for byte");

  const fresh = await h.newPage("#/data");
  const freshShell = new ShellPage(fresh);
  const names = () => fresh.evaluate(() => JSON.parse(localStorage.getItem("stagecraft.qualify")).data.deals.map((d) => d.name).sort());
  await freshShell.importInput.setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await fresh.getByText(/^This file has 2 deals/).waitFor();
  assert.match(await fresh.getByTestId("import-aside").textContent(), /backup of damaged calls will be kept/);
  assert.equal(await fresh.evaluate(() => localStorage.length), 0, "nothing changes before a choice");
  await freshShell.importChoice("Replace").click();
  await freshShell.importResult.getByText("Imported 1 tool, replacing what was here.").waitFor();
  assert.match(await freshShell.importResult.textContent(), /damaged calls was kept with your backups/);
  assert.deepEqual(await names(), ["Acme", "Globex"]);
  assert.equal(await fresh.evaluate(() => localStorage.getItem("stagecraft.discovery.backup")), DAMAGED);
  const listed = fresh.getByRole("heading", { name: "Backups of damaged data" }).locator("..").locator("code", { hasText: "stagecraft.discovery.backup" });
  await listed.waitFor();

  // Undo takes back the backup the import made, as well as the deals.
  await freshShell.undoImport.click();
  await freshShell.importResult.getByText("Import undone").waitFor();
  assert.equal(await fresh.evaluate(() => localStorage.length), 0);
  assert.equal(await listed.count(), 0);

  // A file whose damaged document is still filed as a document (an older
  // export, or one made by hand) imports the rest and names the damaged one.
  const older = JSON.stringify({
    app: "stagecraft",
    format: 1,
    exported_at: "2026-12-01T10:00:00Z",
    documents: { "stagecraft.qualify": JSON.parse(dealsDoc(["Acme"])), "stagecraft.discovery": DAMAGED },
  });
  for (const round of [1, 2]) {
    await freshShell.importInput.setInputFiles({ name: "older.json", mimeType: "application/json", buffer: Buffer.from(older) });
    await fresh.getByTestId("import-aside").getByText("The calls in this file can't be used (it is damaged").waitFor();
    await freshShell.importChoice("Replace").click();
    await freshShell.importResult.getByText("Imported 1 tool, replacing what was here.").waitFor();
    assert.match(await freshShell.importResult.textContent(), /The calls in this file can't be used \(it is damaged[^)]*\), so its text was kept as a backup/, `round ${round}`);
  }
  assert.deepEqual(await names(), ["Acme"]);
  const backupKeys = await fresh.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(".backup")));
  assert.deepEqual(backupKeys, ["stagecraft.discovery.backup"], "the same text is kept once, however often it is imported");
  assert.equal(await fresh.evaluate(() => localStorage.getItem("stagecraft.discovery.backup")), DAMAGED);
  assert.deepEqual(fresh.pageErrors, []);
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
