// Page object for the stage benchmark calculator (#/benchmarks).

/** The example team typed field by field, in form order. */
export const TEAM = [
  ["New prospects per month", "400"],
  ["Open opportunities", "60"],
  ["Average deal size", "24000"],
  ["Prospecting conversion (%)", "12"],
  ["Prospecting days", "5"],
  ["Qualification conversion (%)", "55"],
  ["Qualification days", "6"],
  ["Discovery conversion (%)", "52"],
  ["Discovery days", "12"],
  ["Solution presentation conversion (%)", "58"],
  ["Solution presentation days", "18"],
  ["Proposal & negotiation conversion (%)", "70"],
  ["Proposal & negotiation days", "16"],
  ["Closing conversion (%)", "82"],
  ["Closing days", "10"],
  ["Onboarding days to first value", "25"],
];

export const SLUGS = ["prospecting", "qualification", "discovery", "solution", "proposal", "closing", "onboarding"];

export class BenchmarksPage {
  constructor(page) {
    this.page = page;
  }
  /** A field by its visible label. Deliberately not `exact`: the labels must
   * stay unambiguous even under Playwright's default substring matching. */
  field(label) {
    return this.page.getByLabel(label);
  }
  get segment() {
    return this.page.getByLabel("Segment");
  }
  out(testId) {
    return this.page.getByTestId(testId);
  }
  async text(testId) {
    return (await this.out(testId).textContent()).trim();
  }
  button(name) {
    return this.page.getByRole("button", { name, exact: true });
  }
  async fillTeam(values = TEAM) {
    for (const [label, value] of values) await this.field(label).fill(value);
  }
  /** The example team typed by hand, leaving the fields labelled `skip` empty. */
  async fillTeamExcept(...skip) {
    await this.fillTeam(TEAM.filter(([label]) => !skip.includes(label)));
  }
  /** The one-sentence answer at the top of the results. */
  get headline() {
    return this.out("headline");
  }
  get quota() {
    return this.field("Quota for the period");
  }
  /** The summary card whose heading is `title`. */
  card(title) {
    return this.page.locator("article.sc-benchmarks-card").filter({ has: this.page.getByRole("heading", { name: title, exact: true }) });
  }
  /** Presses the toast's Undo. */
  async undo() {
    await this.button("Undo").click();
  }
  /** All the result figures a user reads, for before/after comparisons. */
  async figures() {
    const ids = ["win-rate", "sales-cycle-days", "velocity-per-day", "revenue-per-month", "bottleneck-stage", "slowest-stage"];
    for (const s of SLUGS) ids.push(`conversion-status-${s}`, `time-status-${s}`, `stale-days-${s}`, `fix-value-${s}`);
    const out = {};
    for (const id of ids) out[id] = await this.text(id);
    return out;
  }
  /** Presses Tab until the focused control is the one labelled `label`. */
  async tabTo(label, max = 60) {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press("Tab");
      const focused = await this.page.evaluate(() => {
        const el = document.activeElement;
        return el?.labels?.[0]?.textContent.trim() ?? el?.textContent?.trim() ?? "";
      });
      if (focused === label) return;
    }
    throw new Error(`Tab never reached ${label}`);
  }

  // What-if changes and the counts' period (issue 13, items 3 and 4).
  /** The active changes listed under the sliders, one text per change. */
  async whatIfChanges() {
    const items = this.out("what-if-changes").locator("li > span");
    return (await items.allTextContents()).map((t) => t.trim());
  }
  /** Nudges `stage`'s conversion by `points` through the stage picker. */
  async nudgeConversion(stage, points) {
    await this.page.getByLabel("Stage to adjust").selectOption({ label: stage });
    await this.page.getByLabel("Nudge the conversion (points)").fill(String(points));
  }
  get countPeriod() {
    return this.field("Period your counts cover");
  }
}
