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
  /** The import preview's choice buttons, and the undo after an import. */
  importChoice(name) {
    return this.page.getByRole("group", { name: /^This file has/ }).getByRole("button", { name, exact: true });
  }
  get undoImport() {
    return this.page.getByRole("button", { name: "Undo import", exact: true });
  }
  get importInput() {
    return this.page.getByLabel("Import a Stagecraft export");
  }
  get importResult() {
    return this.page.getByTestId("import-result");
  }
}
