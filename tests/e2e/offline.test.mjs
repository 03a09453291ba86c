// First visit and return visits: one page's code per visit whatever URL is
// opened, a tool's page without a fragment shows that tool, and after one
// visit every page opens offline; a new build takes over only when asked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, serveStatic, launchBrowser, waitForApp } from "./support/harness.mjs";

const TOOLS = ["audit", "qualify", "discovery", "benchmarks"];
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens `url` in a fresh context and lists every .wasm file it requested. */
async function wasmRequestsFor(url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
  await page.goto(url);
  await waitForApp(page);
  await page.waitForLoadState("networkidle");
  return { page, context, wasm };
}

test("every kind of URL downloads one page's code, once", async () => {
  const site = await serveStatic();
  try {
    const cases = [
      ["#/audit", "/audit/", "Self-audit scorecard"],
      ["#/benchmarks", "/benchmarks/", "Stage benchmark calculator"],
      ["audit/", "/audit/", "Self-audit scorecard"],
      ["qualify/", "/qualify/", "Qualification wizard"],
      ["discovery/#/qualify", "/qualify/", "Qualification wizard"],
      [`audit/#/embed/audit?frame=f1&origin=${encodeURIComponent(site.origin)}`, "/audit/", "Self-audit scorecard"],
      ["#/embed/benchmarks?frame=f2&origin=x", "/benchmarks/", "Stage benchmark calculator"],
      ["#/", "/", "Stagecraft"],
    ];
    for (const [path, folder, title] of cases) {
      const { page, context, wasm } = await wasmRequestsFor(site.url + path);
      assert.equal(wasm.length, 1, `${path}: one wasm download, got ${JSON.stringify(wasm)}`);
      assert.ok(wasm[0].startsWith(folder) && !wasm[0].slice(folder.length).includes("/"), `${path}: the wasm of ${folder}, got ${wasm[0]}`);
      assert.match(await page.title(), new RegExp(title));
      await context.close();
    }
  } finally {
    await site.close();
  }
});

test("a tool's page opened without a fragment shows that tool", async () => {
  const site = await serveStatic();
  try {
    const { page, context } = await wasmRequestsFor(site.url + "audit/");
    assert.equal(await page.evaluate(() => location.hash), "#/audit");
    await page.getByRole("button", { name: "Start the audit" }).waitFor();
    await context.close();
  } finally {
    await site.close();
  }
});

/** Visits once online, waits for the service worker, then goes offline. */
async function visitThenGoOffline(site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + "#/");
  await waitForApp(page);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active.state;
  });
  await context.setOffline(true);
  return { context, page };
}

for (const prefix of ["/", "/tools/stagecraft/"]) {
  test(`after one visit every page opens offline (served at ${prefix})`, async () => {
    const site = await serveStatic({ prefix });
    try {
      const { context, page } = await visitThenGoOffline(site);
      for (const path of ["", ...TOOLS.map((t) => `${t}/`), "#/data", "#/qualify"]) {
        await page.goto(site.url + path);
        await waitForApp(page);
        assert.equal(await page.locator(".sc-root").count(), 1, `${path} offline`);
      }
      // Nothing was cached for any other origin, and the worker's scope is the app's folder.
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(scope, site.url);
      const foreign = await page.evaluate(async () => {
        const out = [];
        for (const name of await caches.keys()) {
          for (const req of await (await caches.open(name)).keys()) {
            if (new URL(req.url).origin !== location.origin) out.push(req.url);
          }
        }
        return out;
      });
      assert.deepEqual(foreign, []);
      await context.close();
    } finally {
      await site.close();
    }
  });
}

test("a new build's worker takes over only when the user asks, never mixing versions", async () => {
  const root = await mkdtemp(join(tmpdir(), "sc-dist-"));
  await cp(DIST, root, { recursive: true });
  const site = await serveStatic({ root: root + "/" });
  try {
    const { context, page } = await visitThenGoOffline(site);
    await context.setOffline(false);
    const build = () => page.evaluate(() => document.documentElement.getAttribute("data-test-build") || "old");
    // Deploy a new build: a changed home page, and a worker listing it.
    const index = join(root, "index.html");
    await writeFile(index, (await readFile(index, "utf8")).replace('<html lang="en"', '<html lang="en" data-test-build="new"'));
    execFileSync("node", [new URL("../../scripts/sw-build.mjs", import.meta.url).pathname, root]);

    await page.reload();
    await waitForApp(page);
    // Still the old version, whole: the new one waits.
    assert.equal(await build(), "old");
    const bar = page.getByRole("status").filter({ hasText: "A new version is ready" });
    await bar.waitFor({ timeout: 20000 });
    assert.equal(await build(), "old", "the old build stays until the user asks");
    await bar.getByRole("button", { name: "Reload" }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-test-build") === "new", null, { timeout: 20000 });
    await waitForApp(page);
    // One cache only: the old version is gone once the new one is in charge.
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.filter((n) => n.startsWith("stagecraft-")).length, 1);
    await context.close();
  } finally {
    await site.close();
    await rm(root, { recursive: true, force: true });
  }
});
