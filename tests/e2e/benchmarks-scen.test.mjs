// Stage benchmark calculator, issue 13 items 3 and 4, against the release
// build in dist/: every what-if change listed with its own effect and
// reset, saved scenarios side by side with today (delete and Undo), and
// the counts' period deciding the monthly volume.
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
  await page.getByText("All 2 changes together").waitFor();
  assert.match(await tool.text("what-if-revenue"), /\$109,688 → \$134,280 \(up 22\.4%\)/);

  await tool.button("Reset Discovery").click();
  assert.deepEqual(await tool.whatIfChanges(), ["Closing +5 pts, alone: velocity up 6.1%, revenue up 6.1%"]);
  assert.match(await tool.text("what-if-revenue"), /\(up 6\.1%\)/);
  assert.equal(await page.getByLabel("Nudge the conversion (points)").inputValue(), "5");
  await tool.button("Reset Closing").click();
  assert.equal(await tool.out("what-if-changes").count(), 0);
  assert.equal(await tool.text("what-if-revenue"), "Revenue per month: $109,688 → $109,688 (no change)");
  assert.match(await tool.text("what-if-velocity"), /\$4,021 a day → \$4,021 a day \(no change\)/);
  assert.equal(await tool.button("Reset all").isDisabled(), true);
});

test("scenarios are saved under unique names, compared with today, deleted with Undo and applied", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.nudgeConversion("Discovery", 8);
  await tool.saveScenario("Fix discovery");
  await page.getByText("Saved “Fix discovery”.").waitFor();
  await tool.button("Reset all").click();
  await tool.nudgeConversion("Closing", 5);

  // Names are required and unique, said under the field.
  const name = tool.field("Scenario name");
  await tool.button("Save scenario").click();
  await page.getByText("Give the scenario a name.").waitFor();
  assert.equal(await name.getAttribute("aria-invalid"), "true");
  await name.fill("fix DISCOVERY");
  await page.getByText("You already have a scenario with this name.").waitFor();
  await tool.button("Save scenario").click();
  assert.equal(await page.getByRole("checkbox").count(), 1, "nothing saved under a taken name");
  await tool.saveScenario("Better closing");
  assert.equal(await name.getAttribute("aria-invalid"), "false");

  // Today first, then each scenario: Discovery 60% and Closing 87%.
  assert.deepEqual(await tool.scenarioTable(), [
    ["Figure", "Today", "Fix discovery", "Better closing"],
    ["Velocity", "$4,021 a day", "$4,639 a day", "$4,266 a day"],
    ["Revenue per month", "$109,688", "$126,563", "$116,376"],
    ["Win rate", "17.3%", "20%", "18.4%"],
    ["Sales cycle", "62 days", "62 days", "62 days"],
  ]);
  // Only the ticked ones are compared.
  await page.getByRole("checkbox", { name: /Better closing/ }).uncheck();
  assert.deepEqual((await tool.scenarioTable())[0], ["Figure", "Today", "Fix discovery"]);
  await page.getByRole("checkbox", { name: /Better closing/ }).check();

  // Delete, then Undo brings it back into the table; saved across a reload.
  await tool.button("Delete Fix discovery").click();
  assert.deepEqual((await tool.scenarioTable())[0], ["Figure", "Today", "Better closing"]);
  await tool.undo();
  assert.deepEqual((await tool.scenarioTable())[0], ["Figure", "Today", "Fix discovery", "Better closing"]);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole("checkbox").count(), 2);

  // Apply loads a scenario's changes into the what-if.
  await tool.button("Apply Fix discovery").click();
  assert.deepEqual(await tool.whatIfChanges(), ["Discovery +8 pts, alone: velocity up 15.4%, revenue up 15.4%"]);
  assert.match(await tool.text("what-if-revenue"), /\(up 15\.4%\)/);

  // Missing inputs: the table says what each row needs, never NaN.
  await page.getByRole("checkbox", { name: /Fix discovery/ }).check();
  await tool.field("Closing days").fill("");
  const rows = await tool.scenarioTable();
  assert.deepEqual(rows[1], ["Velocity", "Needs: Closing days."]);
  assert.deepEqual(rows[4], ["Sales cycle", "Needs: Closing days."]);
  assert.equal(rows[2][1], "$109,688", "revenue does not read Closing days");
  assert.doesNotMatch(await page.locator("main").textContent(), /NaN|Infinity|∞/);
});

test("counts over a quarter give a third of a month's monthly figures, and a typed volume is reconciled", async () => {
  const { page, tool } = await open();
  await tool.button("Load example team").click();
  await tool.field("Enter counts instead").check();
  assert.equal(await tool.countPeriod.inputValue(), "0", "a month by default");
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
  assert.equal(await tool.countPeriod.inputValue(), "2", "the period is saved");
});

test("axe finds nothing serious on the what-if and scenarios at 360 px", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, tool } = await open({ viewport: { width: 360, height: 740 }, colorScheme });
    await tool.button("Load example team").click();
    await tool.nudgeConversion("Discovery", 8);
    await tool.saveScenario("Fix discovery");
    await tool.nudgeConversion("Closing", 5);
    await tool.button("Save scenario").click();
    await page.getByText("Give the scenario a name.").waitFor();
    await tool.out("scenario-compare").scrollIntoViewIfNeeded();
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: what-if and scenarios`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
    await tool.field("Enter counts instead").check();
    await tool.countPeriod.selectOption({ label: "A quarter" });
    assert.deepEqual(await runAxe(page), [], `${colorScheme}: counts with a period`);
  }
});
