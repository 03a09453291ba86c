// Page object for the shared settings: the header's currency select and
// the calculator's spreadsheet format. Labels only, never CSS structure.
export class SettingsBar {
  constructor(page) {
    this.page = page;
  }
  /** The header's select (exact, so "Currency for all tools" on the data page never matches). */
  get currency() {
    return this.page.getByLabel("Currency", { exact: true });
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
