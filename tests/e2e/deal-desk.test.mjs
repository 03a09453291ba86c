// One deal across tools, against the release build in dist/: a discovery
// call linked to a qualification deal brings its people, its economic buyer
// and what it learned to the deal's summary, and the summary links back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { assertEventually, setup, runAxe, waitForApp } from "./support/harness.mjs";
import { seedCalls, seedDeals } from "./support/fixtures.mjs";

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

/** A MEDDIC deal with two stakeholders typed, at its summary, and a call linked to it. */
async function seed(page) {
  await page.evaluate(() => {
    const at = "2026-03-01T09:00:00Z";
    const deal = {
      id: "nw1",
      name: "Northwind Health",
      company: "Northwind",
      acv: "60000",
      stakeholders: "2",
      new_category: false,
      framework_override: "meddic",
      answers: {},
      step: "summary",
      created: at,
      updated: at,
    };
    localStorage.setItem("stagecraft.qualify", JSON.stringify({ version: 1, data: { deals: [deal] } }));
    const t = Date.UTC(2026, 2, 10, 10);
    const call = {
      id: 7,
      title: "Northwind discovery",
      deal_id: "nw1",
      date: "2026-03-10",
      created_at: t,
      updated_at: t,
      stakeholders: [
        { id: 1, name: "Ana Ruiz", title: "VP Operations", role: "Champion" },
        { id: 2, name: "Cy Diaz", title: "IT Director", role: "TechnicalBuyer" },
        { id: 3, name: "Bo Chen", title: "CFO", role: "EconomicBuyer", email: "bo@northwind.example" },
      ],
      decision: { steps: "Ops review\nCFO sign-off", decision_date: "2026-04-30", competitors: "QuoteCo" },
    };
    localStorage.setItem("stagecraft.discovery", JSON.stringify({ version: 1, data: { calls: [call], next_id: 8 } }));
  });
}

test("a call linked to a deal brings its people, economic buyer and findings to the summary", async () => {
  const page = await h.newPage("#/qualify");
  await seed(page);
  await page.evaluate(() => (location.hash = "#/qualify/deal/nw1"));
  await page.reload();
  await waitForApp(page);
  const calls = page.getByTestId("deal-calls");
  await calls.getByRole("link", { name: "Northwind discovery" }).waitFor();
  assert.match(await calls.textContent(), /Economic buyer: Bo Chen, CFO/);

  // Three people named on the call: the deal is no longer single-threaded.
  const warnings = await page.getByTestId("qual-warnings").textContent();
  assert.doesNotMatch(warnings, /Single-threaded/, warnings);
  assert.match(await page.getByTestId("qual-verdict").textContent(), /Incomplete/);

  // What the call learned, applied with one click, then undone.
  const apply = (name) => calls.getByRole("button", { name: new RegExp(`^Apply\\s*:\\s*${name}`) });
  await apply("Economic buyer").click();
  const evidence = page.locator("table.sc-qualify-evidence");
  await evidence.getByText("Economic buyer named on a call: Bo Chen, CFO.").waitFor();
  assert.equal(await apply("Economic buyer").count(), 0, "an applied update is not offered again");
  await page.getByRole("button", { name: "Undo" }).click();
  await apply("Economic buyer").waitFor();
  assert.equal(await evidence.getByText("Economic buyer named on a call").count(), 0);

  await apply("Expected close date").click();
  await apply("Expected close date").waitFor({ state: "detached" });
  assert.deepEqual(await runAxe(page), [], "summary with calls passes axe");

  // The call opens on the discovery page.
  await calls.getByRole("link", { name: "Northwind discovery" }).click();
  await page.waitForURL(/\/discovery\//);
  await waitForApp(page);
  await page.getByRole("textbox", { name: "Call title" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Call title" }).inputValue(), "Northwind discovery");

  // Back on the deal, the close date was saved; the typed count is kept.
  await page.goBack();
  await page.waitForURL(/\/qualify\//);
  await waitForApp(page);
  await page.getByRole("button", { name: "Edit deal basics" }).click();
  assert.equal(await page.getByLabel("Expected close date").inputValue(), "2026-04-30");
  assert.equal(await page.getByLabel("Stakeholders engaged").inputValue(), "2", "what the rep typed is kept");
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.external.list, []);
});

test("the call list sorts and filters by deal, and a long deal list can be searched from the picker", async () => {
  const page = await h.newPage("#/discovery");
  await seedDeals(page, 12);
  await seedCalls(page, 3);
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem("stagecraft.discovery"));
    doc.data.calls[0].title = "zeta review";
    doc.data.calls[0].deal_id = "seed4";
    localStorage.setItem("stagecraft.discovery", JSON.stringify(doc));
  });
  await page.reload();
  await waitForApp(page);
  const titles = () => page.getByRole("list", { name: "Your calls" }).getByRole("heading").allTextContents();
  await assertEventually(titles, ["Call 2", "Call 1", "zeta review"]);
  await page.getByLabel("Sort by").selectOption({ label: "Title" });
  await assertEventually(titles, ["Call 1", "Call 2", "zeta review"]);
  await page.getByLabel("Deal", { exact: true }).selectOption({ label: "Deal 4 (Company 4)" });
  await assertEventually(titles, ["zeta review"]);
  await page.getByLabel("Deal", { exact: true }).selectOption({ label: "No deal linked" });
  await assertEventually(titles, ["Call 1", "Call 2"]);
  assert.deepEqual(await runAxe(page), [], "sorted, filtered call list passes axe");

  // Twelve deals: the picker gets a search box that narrows its options.
  await page.getByRole("link", { name: "Call 1", exact: true }).click();
  const picker = page.getByLabel("Linked deal");
  await picker.waitFor();
  assert.equal(await picker.locator("option").count(), 13);
  await page.getByLabel("Find a deal").fill("deal 1");
  await assertEventually(() => picker.locator("option").allTextContents(), ["No deal", "Deal 11 (Company 11)", "Deal 10 (Company 10)", "Deal 1 (Company 1)"]);
  await picker.selectOption({ label: "Deal 10 (Company 10)" });
  await page.getByLabel("Find a deal").fill("");
  assert.equal(await picker.inputValue(), "seed10", "the choice stays when the search is cleared");
  assert.deepEqual(page.pageErrors, []);
});

test("a deal past twice its stage's benchmark days is flagged stale, and can be snoozed with a reason", async () => {
  const page = await h.newPage("#/qualify");
  const iso = (daysFromToday) => {
    const d = new Date();
    d.setDate(d.getDate() + daysFromToday);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };
  await page.evaluate(({ since, due }) => {
    const at = "2026-01-05T10:00:00Z";
    const base = { company: "", acv: "10000", stakeholders: "3", new_category: false, framework_override: null, answers: {}, step: "basics", created: at, updated: at };
    const deals = [
      { ...base, id: "s1", name: "Sleepy deal", stage: "discovery", stage_since: since },
      { ...base, id: "s2", name: "Busy deal", stage: "discovery", stage_since: due, next_step: "Send pricing", next_step_due: due },
    ];
    localStorage.setItem("stagecraft.qualify", JSON.stringify({ version: 1, data: { deals } }));
  }, { since: iso(-40), due: iso(1) });
  await page.reload();
  await waitForApp(page);
  const flags = (name) => page.getByRole("list", { name: `Flags for ${name}` });
  await flags("Sleepy deal").getByText("Stale: 40 days in Discovery (stale after 28)").waitFor();
  await flags("Sleepy deal").getByText("No dated next step").waitFor();
  assert.equal(await flags("Busy deal").count(), 0, "a fresh deal with a dated next step has no flags");

  // Snooze needs a resume date after today; then the stale flag goes away.
  await page.getByRole("button", { name: "Snooze Sleepy deal" }).click();
  await page.getByLabel("Why snooze it?").fill("Budget frozen until April");
  await page.getByRole("button", { name: "Save snooze" }).click();
  await page.getByText("Pick the day the deal should come back.").waitFor();
  await page.getByLabel("Resume on").fill(iso(14));
  await page.getByRole("button", { name: "Save snooze" }).click();
  await page.getByText(/^Snoozed until .*: Budget frozen until April$/).waitFor();
  assert.equal(await flags("Sleepy deal").getByText(/^Stale/).count(), 0);
  assert.deepEqual(await runAxe(page), [], "list with flags and a snooze passes axe");

  // The snooze is saved; ending it brings the flag back.
  await page.reload();
  await waitForApp(page);
  await page.getByText(/^Snoozed until/).waitFor();
  await page.getByRole("button", { name: "End snooze Sleepy deal" }).click();
  await flags("Sleepy deal").getByText(/^Stale: 40 days/).waitFor();

  // The stage and the next step are set on the deal's first step.
  await page.getByRole("link", { name: "Busy deal" }).click();
  assert.equal(await page.getByLabel("Stage", { exact: true }).inputValue(), "discovery");
  assert.equal(await page.getByLabel("Next step", { exact: true }).inputValue(), "Send pricing");
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.external.list, []);
});
