// Page object for a marketing page that embeds Stagecraft widgets.
export function hostPageHtml(appOrigin, widgets) {
  const divs = widgets
    .map((w) => `<div id="${w.id}" data-stagecraft-tool="${w.tool}" ${Object.entries(w.attrs || {}).map(([k, v]) => `data-stagecraft-${k}="${v}"`).join(" ")}></div>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>Partner landing page</h1>
${divs}
<script>
  window.__events = [];
  for (const name of ["stagecraft:ready", "stagecraft:started", "stagecraft:step", "stagecraft:resize", "stagecraft:completed"]) {
    document.addEventListener(name, (ev) => window.__events.push({ name, target: ev.target.id, detail: ev.detail }));
  }
</script>
<script src="${appOrigin}/embed.js" defer></script>
</body></html>`;
}

export class HostPage {
  constructor(page) {
    this.page = page;
  }
  iframe(divId) {
    return this.page.locator(`#${divId} iframe`);
  }
  frame(divId) {
    return this.page.frameLocator(`#${divId} iframe`);
  }
  async contentFrame(divId) {
    const handle = await this.iframe(divId).elementHandle();
    return handle.contentFrame();
  }
  events(name, target) {
    return this.page.evaluate(
      ([n, t]) => window.__events.filter((e) => e.name === n && (!t || e.target === t)),
      [name, target],
    );
  }
  async waitForEvent(name, target) {
    await this.page.waitForFunction(
      ([n, t]) => window.__events.some((e) => e.name === n && e.target === t),
      [name, target],
      { timeout: 20000 },
    );
  }
  /** The loader's message inside the div (a bad tool name or option). */
  problem(divId) {
    return this.page.locator(`#${divId} [role=alert]`);
  }
  async iframeHeight(divId) {
    return this.iframe(divId).evaluate((el) => el.getBoundingClientRect().height);
  }
}
