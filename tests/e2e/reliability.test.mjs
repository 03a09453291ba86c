// Issue 16 (reliability), against the release build in dist/: long
// unbroken user text never widens a page, and storage that fails to read
// or is full before load never loses what is stored.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, waitForApp } from "./support/harness.mjs";
import { QualifyPage } from "./pages/qualify.mjs";
import { DiscoveryPage } from "./pages/discovery.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

// One word of 3,000 characters: no space, hyphen or other break in it.
const LONG = "W".repeat(3000);

async function assertNoSideScroll(page, where) {
  // Layout settles a frame after an input; give it two.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${where}: the page is ${scroll} px wide in a ${width} px viewport`);
}

test("a 3,000-character deal name keeps every qualify screen within a 360 px phone", async () => {
  const ctx = await h.newContext({ viewport: { width: 360, height: 800 } });
  const page = await h.newPage("#/qualify", ctx);
  const q = new QualifyPage(page);
  await q.emptyState.waitFor();
  await q.newDeal.click();
  await q.dealName.waitFor();
  await q.fillBasics({ name: LONG, company: LONG });
  await assertNoSideScroll(page, "basics");
  await q.next.click();
  await assertNoSideScroll(page, "first criterion");
  await page.evaluate(() => (location.hash = "#/qualify"));
  await q.list.waitFor();
  await q.row(LONG).waitFor();
  await assertNoSideScroll(page, "deal list");
  assert.deepEqual(page.pageErrors, []);
});

test("a 3,000-character call title keeps the discovery call and list within a 360 px phone", async () => {
  const ctx = await h.newContext({ viewport: { width: 360, height: 800 } });
  const page = await h.newPage("#/discovery", ctx);
  const d = new DiscoveryPage(page);
  await d.emptyState.waitFor();
  await d.startFirstCall.click();
  await d.title.fill(LONG);
  await assertNoSideScroll(page, "call screen");
  await page.evaluate(() => (location.hash = "#/discovery"));
  await d.rowLinks().first().waitFor();
  assert.equal((await d.rowLinks().first().textContent()).trim(), LONG);
  await assertNoSideScroll(page, "call list");
  await page.evaluate(() => (location.hash = "#/discovery/1/recap"));
  await d.recap.waitFor();
  await assertNoSideScroll(page, "recap");
  assert.deepEqual(page.pageErrors, []);
});
