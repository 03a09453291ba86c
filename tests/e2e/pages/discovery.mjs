// Page object for the discovery-call script. Controls are found the way a
// user finds them: by their visible labels and button names.
export class DiscoveryPage {
  constructor(page) {
    this.page = page;
  }

  // ---- List ----
  get newCall() {
    return this.page.getByRole("button", { name: "New call", exact: true });
  }
  get startFirstCall() {
    return this.page.getByRole("button", { name: "Start your first call" });
  }
  get emptyState() {
    return this.page.getByRole("heading", { name: "No calls yet" });
  }
  rowLinks() {
    return this.page.getByRole("list", { name: "Your calls" }).getByRole("heading", { level: 2 });
  }
  deleteButton(title) {
    return this.page.getByRole("button", { name: `Delete ${title}`, exact: true });
  }
  duplicateButton(title) {
    return this.page.getByRole("button", { name: `Duplicate ${title}`, exact: true });
  }
  /** The search box above a long list of calls. */
  get search() {
    return this.page.getByLabel("Search calls");
  }
  /** "Show 50 more" (or fewer, at the end) below a long list. */
  get showMore() {
    return this.page.getByRole("button", { name: /^Show \d+ more$/ });
  }
  get undo() {
    return this.page.getByRole("button", { name: "Undo" });
  }

  // ---- Call screen ----
  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }
  get title() {
    return this.field("Call title");
  }
  get startPause() {
    return this.page.getByRole("button", { name: /^(Start|Pause)$/ });
  }
  get nextSection() {
    return this.page.getByRole("button", { name: /^(Next section|End call)$/ });
  }
  talk(who) {
    return this.page.getByRole("button", { name: who === "rep" ? "Rep talking" : "Buyer talking", exact: true });
  }
  get talkRatio() {
    return this.page.getByTestId("talk-ratio");
  }
  get talkStatus() {
    return this.page.getByTestId("talk-status");
  }
  get callClock() {
    return this.page.getByTestId("call-clock");
  }
  get sectionClock() {
    return this.page.getByTestId("section-clock");
  }
  get sectionStatus() {
    return this.page.getByTestId("section-status");
  }
  get annualCost() {
    return this.page.getByTestId("cost-of-inaction-annual");
  }
  get payback() {
    return this.page.getByTestId("payback-months");
  }
  get multithread() {
    return this.page.getByTestId("multithread-status");
  }
  get saveStatus() {
    return this.page.getByTestId("save-status");
  }
  get addStakeholder() {
    return this.page.getByRole("button", { name: "Add stakeholder" });
  }
  stakeholder(n) {
    return this.page.getByRole("group", { name: `Stakeholder ${n}`, exact: true });
  }
  async fillStakeholder(n, { name, title, role, email, phone }) {
    const row = this.stakeholder(n);
    await row.getByLabel("Name", { exact: true }).fill(name);
    await row.getByLabel("Title", { exact: true }).fill(title);
    await row.getByLabel("Role", { exact: true }).selectOption({ label: role });
    if (email !== undefined) await row.getByLabel("Email", { exact: true }).fill(email);
    if (phone !== undefined) await row.getByLabel("Phone", { exact: true }).fill(phone);
  }
  get addAction() {
    return this.page.getByRole("button", { name: "Add action item" });
  }
  actionItem(n) {
    return this.page.getByRole("group", { name: new RegExp(`^Action item ${n}\\b`) });
  }
  /** The data-topic of every item in the coverage list, in order. */
  async missingTopics() {
    return this.page
      .getByTestId("coverage-missing")
      .locator("li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-topic")));
  }
  /** The call screen's copy of the internal recap. */
  get copyRecap() {
    return this.page.getByRole("button", { name: "Copy CRM note" });
  }
  get copyEmail() {
    return this.page.getByRole("button", { name: "Copy email to the buyer" });
  }
  get openRecap() {
    return this.page.getByRole("link", { name: "Open recap" });
  }

  // ---- Recap ----
  get recap() {
    return this.page.getByTestId("recap");
  }
  /** Picks which recap the recap screen shows ("Email to the buyer", "CRM note"). */
  async chooseRecap(label) {
    await this.page.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
  }
  get download() {
    return this.page.getByRole("button", { name: /^Download (email|CRM note) \(\.md\)$/ });
  }
  get downloadCalendar() {
    return this.page.getByRole("button", { name: "Download calendar (.ics)" });
  }
  get downloadContacts() {
    return this.page.getByRole("button", { name: "Download contacts (.vcf)" });
  }
}
