// Finding things the way a user does (button names, field labels, group
// legends, the data-testid contract), over WebDriver. The Chromium e2e page
// objects in tests/e2e/pages/ use the same names.
import assert from "node:assert/strict";

// In-page helpers: whitespace-normalised text, "is rendered", and a name
// close to the accessible one (aria-label, else the text without
// aria-hidden parts, such as a button's key hint).
const NORM = `const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const shown = (el) => el.getClientRects().length > 0;
  const named = (el) => {
    if (el.getAttribute('aria-label')) return norm(el.getAttribute('aria-label'));
    const copy = el.cloneNode(true);
    copy.querySelectorAll('[aria-hidden=true]').forEach((h) => h.remove());
    return norm(copy.textContent);
  };`;

export class Ui {
  constructor(session) {
    this.s = session;
  }

  /** Waits until the wasm app has replaced the static first screen. */
  async ready(timeout = 30000) {
    await this.s.find('#stagecraft[data-sc-ready="true"] > .sc-root', "the app to mount (data-sc-ready)", timeout);
  }

  /** Opens `url` and waits for the app. */
  async open(url) {
    await this.s.go(url);
    await this.ready();
  }

  async reload() {
    await this.s.refresh();
    await this.ready();
  }

  /** A visible button (or link styled as one) by its exact name. */
  button(name, timeout) {
    return this.s.findBy(
      `the button "${name}"`,
      `${NORM} const [name] = arguments;
       return [...document.querySelectorAll('button, a, [role=button]')]
         .find((b) => shown(b) && named(b) === name) || null;`,
      [name],
      timeout,
    );
  }

  /** A visible form control by its label's exact text (or aria-label). */
  field(label, timeout) {
    return this.s.findBy(
      `the field labelled "${label}"`,
      `${NORM} const [label] = arguments;
       return [...document.querySelectorAll('input, select, textarea')].find((el) => shown(el) &&
         [el.getAttribute('aria-label'), ...[...(el.labels || [])].map((l) => l.textContent)].some((n) => norm(n) === label)) || null;`,
      [label],
      timeout,
    );
  }

  /** A visible fieldset by its legend's exact text. */
  group(legend, timeout) {
    return this.s.findBy(
      `the group "${legend}"`,
      `${NORM} const [legend] = arguments;
       return [...document.querySelectorAll('fieldset')].find((f) => shown(f) && norm(f.querySelector('legend')?.textContent) === legend) || null;`,
      [legend],
      timeout,
    );
  }

  /** Text of the element with `data-testid`, once it is on screen. */
  async testText(id, timeout) {
    const el = await this.s.find(`[data-testid="${id}"]`, `[data-testid="${id}"]`, timeout);
    return (await el.text()).trim();
  }

  /** Waits until the element with `data-testid` reads `expected` (a string or RegExp). */
  async expectText(id, expected, timeout) {
    let last;
    await this.s.waitFor(`[data-testid="${id}"] to read ${expected}`, async () => {
      const [el] = await this.s.all(`[data-testid="${id}"]`);
      if (!el) return false;
      last = (await el.text()).trim();
      return typeof expected === "string" ? last === expected : expected.test(last);
    }, timeout).catch((e) => {
      throw new Error(`${e.message}; it read ${JSON.stringify(last)}`);
    });
    return last;
  }

  /** Waits for visible text anywhere in the page's main content. */
  async seeText(text, timeout) {
    await this.s.waitFor(`the text "${text}" on screen`, () =>
      this.s.script(`${NORM} return norm(document.body.innerText).includes(arguments[0]);`, [text]), timeout);
  }

  /** What has keyboard focus, for messages. */
  focused() {
    return this.s.script(
      "const el = document.activeElement; return el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || el.value || '').trim().slice(0, 40) : null;",
    );
  }

  /** Focuses a control and presses keys, as a keyboard user does after tabbing to it. */
  async focusAndPress(el, ...keys) {
    await el.focus();
    await this.s.press(...keys);
  }

  /** The stored text under a localStorage key (null when nothing is stored). */
  stored(key) {
    return this.s.script("try { return localStorage.getItem(arguments[0]); } catch (e) { return 'threw: ' + e; }", [key]);
  }
}

// ---- the audit -------------------------------------------------------------

// Scores 0–3 per question, answered with keys 1–4; the hand-worked example
// of tests/e2e/audit.test.mjs: 47 of 102 points, 46, "Emerging".
export const MIXED = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
export const MIXED_SCORE = "46";
export const MIXED_TIER = "Emerging";

export async function waitForQuestion(ui, n) {
  await ui.s.waitFor(`audit question ${n} of 16`, async () => {
    const [count] = await ui.s.all(".sc-progress__count");
    return count && (await count.text()).trim() === `${n} of 16`;
  });
}

/** Start, then one digit key per question, to the report. */
export async function completeAuditWithKeys(ui, scores = MIXED) {
  await ui.focusAndPress(await ui.button("Start the audit"), "Enter");
  for (let i = 0; i < scores.length; i++) {
    await waitForQuestion(ui, i + 1);
    await ui.s.press(String(scores[i] + 1));
  }
  return ui.testText("audit-score");
}

export function assertNoNaN(text, where) {
  assert.doesNotMatch(text, /NaN|Infinity|undefined/, `${where} shows a broken figure`);
}
