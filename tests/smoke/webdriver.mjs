// A small W3C WebDriver client over fetch, enough for the smoke suites:
// start a driver (geckodriver, WebKitWebDriver), open sessions, find
// elements, type, press keys, run scripts, switch frames.
//
// Why not an npm client: the current `webdriver` (WebdriverIO) and
// `selenium-webdriver` releases need Node 22 (this machine has Node 20);
// WebdriverIO's utils pull in driver downloaders (@puppeteer/browsers, the
// `geckodriver` and `edgedriver` npm packages) and selenium-webdriver ships
// Selenium Manager, both of which fetch binaries from outside the package
// registries. The few endpoints used here are plain HTTP + JSON.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export const KEY = { Enter: "\uE007", Tab: "\uE004", Backspace: "\uE003", Escape: "\uE00C" };

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The error a WebDriver endpoint answered with, with the command it answered. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} → ${status} ${value?.error ?? ""}: ${String(value?.message ?? JSON.stringify(value)).split("\n")[0]}`);
    this.error = value?.error;
  }
}

async function call(base, method, path, body) {
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new Error(`${method} ${path}: the driver at ${base} did not answer (${e.cause?.code ?? e.message})`);
  }
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path} → ${res.status}: not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

// Drivers run in process groups of their own (so that stopping one also
// ends Xvfb and the browser); if this process ends without stopping them,
// on a crash or a signal, they are ended here rather than left running.
const running = new Set();
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
process.on("exit", () => {
  for (const pid of running) killGroup(pid, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    for (const pid of running) killGroup(pid, "SIGKILL");
    process.kill(process.pid, signal);
  });
}

/**
 * Starts a driver binary on a free loopback port and waits until it is
 * ready. `wrap` runs it under another command (xvfb-run -a). Returns
 * {url, newSession(capabilities), stop()}.
 */
export async function startDriver({ name, binary, args = (port) => [`--port=${port}`], wrap = [], env = {} }) {
  const port = await freePort();
  const argv = [...wrap, binary, ...args(port)];
  const child = spawn(argv[0], argv.slice(1), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() also ends Xvfb and the browsers
  });
  let log = "";
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  running.add(child.pid);
  child.on("exit", (code, signal) => {
    exited = { code, signal };
    running.delete(child.pid);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (exited) throw new Error(`${name}: ${argv.join(" ")} exited (${JSON.stringify(exited)}) before it was ready:\n${log}`);
    try {
      const status = await call(url, "GET", "/status");
      if (status?.ready !== false) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup(child.pid, "SIGKILL");
      throw new Error(`${name}: ${argv.join(" ")} was not ready on port ${port} within 20 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const sessions = new Set();
  return {
    name,
    url,
    log: () => log,
    async newSession(capabilities) {
      let value;
      try {
        value = await call(url, "POST", "/session", { capabilities: { alwaysMatch: capabilities } });
      } catch (e) {
        throw new Error(`${name}: could not start a browser session: ${e.message}\n--- driver log (tail) ---\n${log.slice(-1500)}`);
      }
      const session = new Session(url, value.sessionId, name);
      sessions.add(session);
      session.onQuit = () => sessions.delete(session);
      await session.cmd("POST", "/timeouts", { script: 30000, pageLoad: 30000, implicit: 0 });
      return session;
    },
    async stop() {
      for (const s of [...sessions]) await s.quit().catch(() => {});
      if (!exited) {
        killGroup(child.pid, "SIGTERM");
        await new Promise((r) => {
          if (exited) return r();
          const t = setTimeout(() => {
            killGroup(child.pid, "SIGKILL");
            r();
          }, 3000);
          child.on("exit", () => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
  };
}

/** A DOM element in a session, by its WebDriver reference. */
export class Element {
  constructor(session, id, what) {
    this.session = session;
    this.id = id;
    this.what = what;
  }
  toJSON() {
    return { [ELEMENT]: this.id };
  }
  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd("POST", "/click", {});
  }
  text() {
    return this.cmd("GET", "/text");
  }
  /** Types `text` into the element as key presses (it is focused first). */
  type(text) {
    return this.cmd("POST", "/value", { text });
  }
  clear() {
    return this.cmd("POST", "/clear", {});
  }
  property(name) {
    return this.cmd("GET", `/property/${name}`);
  }
  attribute(name) {
    return this.cmd("GET", `/attribute/${name}`);
  }
  focus() {
    return this.session.script("arguments[0].focus()", [this]);
  }
}

export class Session {
  constructor(base, id, engine) {
    this.base = base;
    this.id = id;
    this.engine = engine;
  }
  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }
  async quit() {
    this.onQuit?.();
    await call(this.base, "DELETE", `/session/${this.id}`);
  }
  go(url) {
    return this.cmd("POST", "/url", { url });
  }
  url() {
    return this.cmd("GET", "/url");
  }
  refresh() {
    return this.cmd("POST", "/refresh", {});
  }
  wrap(value, what) {
    if (value && typeof value === "object" && value[ELEMENT]) return new Element(this, value[ELEMENT], what);
    if (Array.isArray(value)) return value.map((v, i) => this.wrap(v, `${what}[${i}]`));
    return value;
  }
  async script(source, args = []) {
    return this.wrap(await this.cmd("POST", "/execute/sync", { script: source, args }), "script result");
  }
  /** All elements matching a CSS selector (possibly none). */
  async all(css) {
    const list = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return list.map((v, i) => new Element(this, v[ELEMENT], `${css}[${i}]`));
  }
  /** Presses keys on whatever has focus, one after another (W3C actions). */
  async press(...keys) {
    const actions = [];
    for (const k of keys) {
      const value = KEY[k] ?? k;
      actions.push({ type: "keyDown", value }, { type: "keyUp", value });
    }
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }
  /** Switches into the iframe element `frame`, or back to the top with null. */
  frame(frame) {
    return this.cmd("POST", "/frame", { id: frame ?? null });
  }
  screenshot() {
    return this.cmd("GET", "/screenshot");
  }

  /**
   * Polls `probe` (an async function) until it returns a truthy value and
   * returns that value; after `timeout` ms fails with `what` and the last
   * value or error seen. WebDriver errors while the page is re-rendering
   * (stale or missing elements) just mean "not yet".
   */
  async waitFor(what, probe, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
        last = value;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        const seen = last instanceof Error ? `last error: ${last.message}` : `last value: ${JSON.stringify(last)}`;
        const where = await this.url().catch(() => "?");
        throw new Error(`${this.engine}: timed out after ${timeout / 1000} s waiting for ${what} (at ${where}; ${seen})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits for the first element matching a CSS selector, and returns it. */
  async find(css, what = css, timeout) {
    return this.waitFor(what, async () => (await this.all(css))[0], timeout);
  }

  /**
   * Waits for a visible element found by a script (run in the page with
   * `args`), e.g. a control by its label text. The script returns an
   * element or null.
   */
  async findBy(what, source, args = [], timeout) {
    return this.waitFor(what, async () => {
      const el = await this.script(source, args);
      return el instanceof Element ? ((el.what = what), el) : null;
    }, timeout);
  }
}
