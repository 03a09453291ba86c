// Stage benchmark calculator, issue 13 items 3 and 4, against the release
// build in dist/: every what-if change listed with its own effect and
// reset, and the counts' period deciding the monthly volume.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, runAxe, waitForApp } from "./support/harness.mjs";
import { BenchmarksPage } from "./pages/benchmarks.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

async function open(options = {}) {
  const ctx = await h.newContext({ locale: "en-US", ...options });
  const page = await h.newPage("#/benchmarks", ctx);
  return { page, tool: new BenchmarksPage(page) };
}

test("the what-if lists every change with its own effect, and each can be reset", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.nudgeConversion("Discovery", 8);
  await page.getByLabel("Stage to adjust").selectOption({ label: "Closing" });
  // The picker shows Closing's own change (none yet); Discovery's stays listed.
  assert.equal(await page.getByLabel("Nudge the conversion (points)").inputValue(), "0");
  assert.deepEqual(await tool.whatIfChanges(), ["Discovery +8 pts, alone: velocity up 15.4%, revenue up 15.4%"]);
  await page.getByLabel("Nudge the conversion (points)").fill("5");
  // Closing 82 → 87% is worth 87/82 = +6.1% alone; both together 60/52 · 87/82 = +22.4%.
  assert.deepEqual(await tool.whatIfChanges(), [
    "Discovery +8 pts, alone: velocity up 15.4%, revenue up 15.4%",
    "Closing +5 pts, alone: velocity up 6.1%, revenue up 6.1%",
  ]);
  await page.getByText("All 2 changes together:").waitFor();
  assert.match(await tool.text("what-if-revenue"), /\$109,688 → \$134,280 \(up 22\.4%\)/);

  await tool.button("Reset Discovery").click();
  assert.deepEqual(await tool.whatIfChanges(), ["Closing +5 pts, alone: velocity up 6.1%, revenue up 6.1%"]);
  assert.match(await tool.text("what-if-revenue"), /\(up 6\.1%\)/);
  assert.equal(await page.getByLabel("Nudge the conversion (points)").inputValue(), "5");
  await tool.button("Reset Closing").click();
  assert.deepEqual(await tool.whatIfChanges(), []);
  await page.getByText("None yet: your figures as they are.").waitFor();
  assert.equal(await tool.text("what-if-revenue"), "Revenue per month: $109,688 → $109,688 (no change)");
  assert.match(await tool.text("what-if-velocity"), /\$4,021 a day → \$4,021 a day \(no change\)/);
  assert.equal(await tool.button("Reset all").isDisabled(), true);
});

test("counts over a quarter give a third of a month's monthly figures, and a typed volume is reconciled", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.field("Enter counts instead").check();
  assert.equal(await tool.countPeriod.inputValue(), "month", "a month by default");
  // 1,000 entered Prospecting, 11 won at $24,000: the counts, not the typed 400, give the volume.
  const volume = tool.out("monthly-volume");
  assert.equal(
    (await volume.textContent()).trim(),
    "From your counts over a month: 1,000 new prospects a month. The results use this, not the 400 you typed, because the stage rates come from the same counts. Your figure is kept for rates mode.",
  );
  assert.equal(await tool.text("revenue-per-month"), "$264,000");
  const month = await tool.text("fix-value-discovery");

  await tool.countPeriod.selectOption({ label: "A quarter" });
  assert.match(await volume.textContent(), /^From your counts over a quarter: 1,000 ÷ 3 = about 333 new prospects a month\./);
  assert.equal(await tool.text("revenue-per-month"), "$88,000");
  assert.match(await tool.card("Revenue per month").textContent(), /From your counts over a quarter \(about 333 new prospects a month\): 3\.7 deals won a month/);
  const money = (t) => Number(t.replace(/[^0-9.]/g, ""));
  assert.ok(Math.abs(money(await tool.text("fix-value-discovery")) - money(month) / 3) <= 1, "fix values are a third too");
  assert.equal(await tool.text("win-rate"), "16.7%", "rates do not depend on the period");

  // Emptied, the typed volume is not needed with counts and stops disagreeing.
  const prospects = tool.field("New prospects per month");
  await prospects.fill("");
  assert.equal(await prospects.getAttribute("aria-invalid"), "false");
  assert.equal((await volume.textContent()).trim(), "From your counts over a quarter: 1,000 ÷ 3 = about 333 new prospects a month.");
  assert.equal(await tool.text("revenue-per-month"), "$88,000");
  await tool.countPeriod.selectOption({ label: "A year" });
  assert.equal(await tool.text("revenue-per-month"), "$22,000");
  await page.reload();
  await waitForApp(page);
  assert.equal(await tool.countPeriod.inputValue(), "year", "the period is saved");
});

test("axe finds nothing serious on the what-if and the counts' period at 360 px", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, tool } = await open({ viewport: { width: 360, height: 740 }, colorScheme });
    await tool.button("Load example team").click();
    await tool.nudgeConversion("Discovery", 8);
    await tool.nudgeConversion("Closing", 5);
    await tool.out("what-if-changes").scrollIntoViewIfNeeded();
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: what-if with two changes`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
    await tool.field("Enter counts instead").check();
    await tool.countPeriod.selectOption({ label: "A quarter" });
    await tool.out("monthly-volume").waitFor();
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: counts with a period`);
  }
});
