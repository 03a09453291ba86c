// Page object for the qualification wizard: the deal list, the basics
// step, the criteria steps and the summary. Locators use labels, roles and
// the data-testid contract, never CSS structure.
export class QualifyPage {
  constructor(page) {
    this.page = page;
  }

  // List
  get newDeal() {
    return this.page.getByRole("button", { name: "New deal", exact: true });
  }
  get emptyState() {
    return this.page.getByRole("heading", { name: "No deals yet" });
  }
  get allDeals() {
    return this.page.getByRole("link", { name: "All deals" }).first();
  }
  /** The deal list's table, by its caption, so that rows of the summary's
   *  evidence table, still on screen mid-navigation, never match. */
  get list() {
    return this.page.getByRole("table", { name: /^Your deals/ });
  }
  rows() {
    return this.list.locator("tbody").getByRole("row");
  }
  row(name) {
    return this.rows().filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
  async rowNames() {
    return this.rows().getByRole("rowheader").getByRole("link").allTextContents();
  }
  deleteButton(name) {
    return this.page.getByRole("button", { name: `Delete ${name}`, exact: true });
  }
  /** The search box above a long list. */
  get search() {
    return this.page.getByLabel("Search deals");
  }
  /** "Show 50 more" (or fewer, at the end) below a long list. */
  get showMore() {
    return this.page.getByRole("button", { name: /^Show \d+ more$/ });
  }
  get undo() {
    return this.page.getByRole("button", { name: "Undo", exact: true });
  }

  // Basics
  get dealName() {
    return this.page.getByLabel("Deal name", { exact: true });
  }
  get company() {
    return this.page.getByLabel("Company", { exact: true });
  }
  get acv() {
    return this.page.getByLabel("Annual contract value", { exact: true });
  }
  get stakeholders() {
    return this.page.getByLabel("Stakeholders engaged", { exact: true });
  }
  newCategory(yes) {
    return this.page
      .getByRole("group", { name: "Selling something new to the category?" })
      .getByRole("radio", { name: yes ? "Yes" : "No", exact: true });
  }
  get framework() {
    return this.page.getByTestId("recommended-framework");
  }
  get methodology() {
    return this.page.getByTestId("recommended-methodology");
  }
  async fillBasics({ name, company = "", acv = "", stakeholders = "", newCategory = false, closeDate }) {
    await this.dealName.fill(name);
    await this.company.fill(company);
    await this.acv.fill(acv);
    if (closeDate !== undefined) await this.page.getByLabel("Expected close date").fill(closeDate);
    await this.stakeholders.fill(stakeholders);
    await this.newCategory(newCategory).check();
  }
  /** Clicks a list download and returns its file name and text. */
  async downloadFile(label) {
    const [file] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: label }).click()]);
    const { readFile } = await import("node:fs/promises");
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
  }

  // Steps
  get next() {
    return this.page.getByRole("button", { name: "Next", exact: true });
  }
  get back() {
    return this.page.getByRole("button", { name: "Back", exact: true });
  }
  get progress() {
    return this.page.locator(".sc-progress__count");
  }
  criterion(name) {
    return this.page.getByRole("group", { name, exact: true });
  }
  option(criterion, label) {
    return this.criterion(criterion).getByRole("radio", { name: label, exact: true });
  }
  get evidence() {
    return this.page.getByLabel("Evidence", { exact: true });
  }
  /** Answers the current criterion with a key (1–4) and moves on with Enter. */
  async answerWithKeys(criterion, key) {
    await this.criterion(criterion).waitFor();
    await this.page.keyboard.press(key);
    await this.page.keyboard.press("Enter");
  }

  // Summary
  get score() {
    return this.page.getByTestId("qual-score");
  }
  get verdict() {
    return this.page.getByTestId("qual-verdict");
  }
  get warnings() {
    return this.page.getByTestId("qual-warnings");
  }
  get gaps() {
    return this.page.getByTestId("qual-gaps");
  }
  async gapOrder() {
    return this.gaps.locator("[data-criterion]").evaluateAll((els) => els.map((e) => e.dataset.criterion));
  }
  get download() {
    return this.page.getByRole("button", { name: "Download .md" });
  }
}
