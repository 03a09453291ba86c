// Page object for the app shell: home, navigation, data page.
export class ShellPage {
  constructor(page) {
    this.page = page;
  }
  get startAudit() {
    return this.page.getByRole("link", { name: "Start the 2-minute audit" });
  }
  nav(name) {
    return this.page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name, exact: true });
  }
  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }
  async gotoHash(hash) {
    await this.page.evaluate((h) => (location.hash = h), hash);
  }
  // Data page
  get exportButton() {
    return this.page.getByRole("button", { name: "Export my data" });
  }
  get importInput() {
    return this.page.getByLabel("Import a Stagecraft export");
  }
  get importResult() {
    return this.page.getByTestId("import-result");
  }
}
