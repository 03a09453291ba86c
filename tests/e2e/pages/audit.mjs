// Page object for the self-audit scorecard.
export class AuditPage {
  constructor(page) {
    this.page = page;
  }
  get startButton() {
    return this.page.getByRole("button", { name: "Start the audit" });
  }
  /** The current question's radio group (a fieldset named by its legend). */
  get group() {
    return this.page.locator("fieldset.sc-audit-question__group");
  }
  get legend() {
    return this.group.locator("legend");
  }
  get radios() {
    return this.group.getByRole("radio");
  }
  get progressText() {
    return this.page.locator(".sc-progress__count");
  }
  /** Waits until question `n` (1-based) is on screen. */
  async waitForQuestion(n) {
    await this.page.getByText(`${n} of 16`, { exact: true }).waitFor();
  }
  get score() {
    return this.page.getByTestId("audit-score");
  }
  get tier() {
    return this.page.getByTestId("audit-tier");
  }
  area(slug) {
    return this.page.getByTestId(`audit-area-${slug}`);
  }
  get fixList() {
    return this.page.getByTestId("audit-fix-list");
  }
  /** The `data-question` ids of the fix list, in order. */
  async fixOrder() {
    return this.fixList.locator(":scope > li").evaluateAll((items) => items.map((li) => li.dataset.question));
  }
  get shareLink() {
    return this.page.getByTestId("share-link");
  }
  get shareError() {
    return this.page.getByTestId("audit-share-error");
  }
  get takeItYourself() {
    return this.page.getByRole("link", { name: "Take the audit yourself" });
  }
  get saveAsMine() {
    return this.page.getByRole("button", { name: "Save as my audit" });
  }
  get confirmSave() {
    return this.page.getByRole("button", { name: "Yes, save as my audit" });
  }
  get retake() {
    return this.page.getByRole("button", { name: "Retake the audit" });
  }
  /** The saved audit document, exactly as stored. */
  async saved() {
    return this.page.evaluate(() => localStorage.getItem("stagecraft.audit"));
  }
  /**
   * Answers all 16 questions with the keyboard only: focus Start, Enter,
   * then one digit key per question (score 0–3 is key 1–4).
   */
  async completeWithKeyboard(scores) {
    await this.startButton.focus();
    await this.page.keyboard.press("Enter");
    for (let i = 0; i < scores.length; i++) {
      await this.waitForQuestion(i + 1);
      await this.page.keyboard.press(String(scores[i] + 1));
    }
    await this.score.waitFor();
  }
}
