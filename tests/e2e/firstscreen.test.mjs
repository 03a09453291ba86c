// The first screen before the wasm: every page ships its first screen as
// HTML drawn at build time by the app's own components, and what a visitor
// does there before the wasm arrives is kept when the app takes over. The
// wasm response is held back with a route handler to make "before" certain.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveStatic, launchBrowser, waitForApp } from "./support/harness.mjs";

let site, browser;
before(async () => {
  site = await serveStatic();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page whose wasm download waits until `release()` is called. */
async function withWasmHeld(path) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(site.url + path);
  return { page, context, release };
}

test("an answer picked on the audit's first screen before the wasm arrives is kept", async () => {
  const { page, context, release } = await withWasmHeld("audit/");
  const first = page.locator(".sc-audit-intro fieldset.sc-audit-question__group");
  await first.waitFor();
  assert.equal(await page.locator("#stagecraft[data-sc-ready]").count(), 0, "the wasm has not run yet");
  assert.match(await first.locator("legend").textContent(), /pipeline stages/);
  // The third answer (score 2), picked with a click on its label.
  await first.locator("label").nth(2).click();
  assert.equal(await first.locator("input").nth(2).isChecked(), true);
  release();
  await waitForApp(page);
  // The flow continued from the pick: question 2 is on screen, and the
  // first answer is saved.
  await page.getByText("2 of 16", { exact: true }).waitFor();
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("stagecraft.audit")));
  assert.equal(saved.data.answers[0], 2);
  await context.close();
});

test("keys 1-4 on the audit's intro answer the first question", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(site.url + "audit/");
  await waitForApp(page);
  await page.keyboard.press("4");
  await page.getByText("2 of 16", { exact: true }).waitFor();
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("stagecraft.audit")));
  assert.equal(saved.data.answers[0], 3);
  await context.close();
});

test("text typed into the calculator before the wasm arrives is kept", async () => {
  const { page, context, release } = await withWasmHeld("benchmarks/");
  const prospects = page.locator("#sc-benchmarks-prospects");
  await prospects.waitFor();
  await prospects.fill("400");
  await page.locator("#sc-benchmarks-deal-size").fill("24000");
  await page.locator("#sc-benchmarks-deal-size").focus();
  release();
  await waitForApp(page);
  await page.waitForFunction(() => document.getElementById("sc-benchmarks-prospects")?.value === "400");
  assert.equal(await page.locator("#sc-benchmarks-deal-size").inputValue(), "24000");
  // Focus is back where the visitor was typing.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "sc-benchmarks-deal-size");
  // And it is the app's own input now: saved like anything typed.
  await page.waitForFunction(() => (localStorage.getItem("stagecraft.benchmarks") || "").includes("24000"));
  await context.close();
});

test("the lists show their empty state in the page's layout before the wasm, never 'Loading'", async () => {
  for (const [path, text] of [["qualify/", "No deals yet"], ["discovery/", "No calls"]]) {
    const { page, context, release } = await withWasmHeld(path);
    await page.getByText(text).first().waitFor();
    assert.equal(await page.locator("#stagecraft[data-sc-ready]").count(), 0);
    assert.equal(await page.getByText(/Loading/).count(), 0, `${path} says Loading`);
    assert.equal(await page.getByRole("navigation", { name: "Tools" }).count(), 1, `${path} has the site header`);
    release();
    await waitForApp(page);
    await context.close();
  }
});

test("a returning visitor's saved work is never hidden behind the empty first screen", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(() => {
    if (!localStorage.getItem("stagecraft.qualify")) localStorage.setItem("stagecraft.qualify", '{"version":1,"data":{}}');
  });
  const page = await context.newPage();
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(site.url + "qualify/");
  await page.locator("#stagecraft .sc-main").waitFor({ state: "attached" });
  assert.equal(await page.getByText("No deals yet").isVisible(), false, "the empty state stays hidden");
  release();
  await waitForApp(page);
  await context.close();
});
