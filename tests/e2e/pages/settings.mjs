// Page object for the shared settings: the currency select on "Your data"
// and the calculator's spreadsheet format. Labels only, never CSS structure.
export class SettingsBar {
  constructor(page) {
    this.page = page;
  }
  get dataPageCurrency() {
    return this.page.getByLabel("Currency for all tools", { exact: true });
  }
  get spreadsheetFormat() {
    return this.page.getByLabel("Spreadsheet format", { exact: true });
  }
  /** The "= …" line under a number field, by the field's id. */
  understood(fieldId) {
    return this.page.locator(`#${fieldId}-understood`);
  }
}
