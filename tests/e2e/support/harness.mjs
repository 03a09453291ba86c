// End-to-end harness: serves the release dist/ on loopback and drives
// Debian's Chromium through playwright-core. It never downloads a browser.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const DIST = new URL("../../../dist/", import.meta.url).pathname;
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/**
 * A minimal static file server, like any static host: no rewrites.
 * `prefix` serves the directory under a sub-path (e.g. "/tools/stagecraft/").
 * `headers` are added to every response (CSP tests).
 * `extra` maps URL paths to {type, body} for host pages.
 */
export async function serveStatic({ root = DIST, prefix = "/", host = "127.0.0.1", headers = {}, extra = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (extra[url.pathname]) {
      const { type, body } = extra[url.pathname];
      res.writeHead(200, { "content-type": type, ...headers });
      res.end(body);
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const path = normalize(join(root, rel));
    if (!path.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error("not a file");
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  const origin = `http://${host === "127.0.0.1" ? "127.0.0.1" : host}:${port}`;
  return { server, port, origin, url: origin + prefix, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Serves dist/ and starts the browser. `newPage(pathAndHash)` opens a page in
 * a fresh context (its own storage) and waits until the app has mounted.
 */
export async function setup() {
  const site = await serveStatic();
  const browser = await launchBrowser();
  const contexts = [];
  return {
    browser,
    baseUrl: site.url,
    origin: site.origin,
    async newContext(options = {}) {
      const context = await browser.newContext({ ...options });
      contexts.push(context);
      return context;
    },
    async newPage(pathAndHash = "", context) {
      const ctx = context || (await this.newContext());
      const page = await ctx.newPage();
      page.external = expectNoExternalRequests(page, site.origin);
      page.pageErrors = [];
      page.on("pageerror", (e) => page.pageErrors.push(String(e)));
      await page.goto(site.url + pathAndHash);
      await waitForApp(page);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await site.close();
    },
  };
}

/** Resolves once the wasm app has replaced the static shell. */
export async function waitForApp(page) {
  await page.waitForSelector('#stagecraft[data-sc-ready="true"] > .sc-root', { state: "attached", timeout: 20000 });
}

/** Records every request that leaves `origin`; read `.list` at the end. */
export function expectNoExternalRequests(page, origin) {
  const list = [];
  page.on("request", (req) => {
    const u = req.url();
    if (u.startsWith("data:") || u.startsWith("blob:") || u.startsWith("about:")) return;
    if (!u.startsWith(origin + "/")) list.push(u);
  });
  return { list };
}

/** Runs axe-core in the page; returns serious and critical violations. */
export async function runAxe(page) {
  const axePath = require.resolve("axe-core/axe.min.js");
  const source = await readFile(axePath, "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { resultTypes: ["violations"] });
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/**
 * Polls `read` until it deep-equals `expected`, then returns; after
 * `timeout` ms it asserts with the last value read. List reads such as
 * `allTextContents()` do not wait for the DOM to settle, so a navigation or
 * re-render still in flight would otherwise make a correct app fail.
 */
export async function assertEventually(read, expected, message, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  assert.deepStrictEqual(last, expected, message);
}
