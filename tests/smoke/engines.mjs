// The two non-Chromium engines the smoke suites drive, as Debian and
// crates.io install them (scripts/setup.sh): Firefox ESR through geckodriver,
// and WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

function onPath(name, also = []) {
  for (const dir of [...(process.env.PATH || "").split(delimiter), ...also]) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

function need(path, what) {
  if (!path || !existsSync(path)) {
    throw new Error(`${what} is missing (looked for ${path ?? "it on PATH"}); run scripts/setup.sh, which installs it from the registries.`);
  }
  return path;
}

// A browser's language follows LANG (WebKit reports "C" without it); the
// suites read figures in US conventions, as the Chromium e2e tests do.
const LOCALE_ENV = { LANG: "en_US.UTF-8", LANGUAGE: "en_US", LC_ALL: "" };

// Firefox calls home on its own (remote settings, safe browsing, updates,
// plugin downloads): these prefs switch that off (the remote-settings server
// is honoured only with MOZ_REMOTE_SETTINGS_DEVTOOLS set), and whatever is
// left goes to a proxy on a closed loopback port. Loopback itself is never
// proxied, so the app and host pages load directly. Measured with a
// recording proxy: no request at all in a smoke run. (WebKit's MiniBrowser
// made none without any of this.)
const FIREFOX_QUIET = {
  "services.settings.server": "data:,#remote-settings-dummy/v1",
  "network.connectivity-service.enabled": false,
  "network.captive-portal-service.enabled": false,
  "browser.safebrowsing.update.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "extensions.blocklist.enabled": false,
  "app.update.disabledForTesting": true,
  "datareporting.policy.dataSubmissionEnabled": false,
  "media.gmp-manager.updateEnabled": false,
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": 9,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": 9,
};

export const FIREFOX_BINARY = process.env.FIREFOX_BINARY || "/usr/bin/firefox-esr";
export const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export const ENGINES = {
  firefox: {
    name: "firefox",
    driver() {
      const binary = process.env.GECKODRIVER || onPath("geckodriver", [join(homedir(), ".cargo/bin")]);
      need(FIREFOX_BINARY, "Firefox ESR (Debian firefox-esr)");
      return {
        name: "geckodriver",
        binary: need(binary, "geckodriver (cargo install geckodriver)"),
        args: (port) => [`--port=${port}`, "--host=127.0.0.1"],
        env: { ...LOCALE_ENV, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
      };
    },
    /** Capabilities of a fresh session; `storageBlocked` switches DOM storage off. */
    capabilities({ storageBlocked = false } = {}) {
      return {
        browserName: "firefox",
        "moz:firefoxOptions": {
          binary: FIREFOX_BINARY,
          args: ["-headless"],
          prefs: {
            ...FIREFOX_QUIET,
            "intl.accept_languages": "en-US",
            "intl.locale.requested": "en-US",
            ...(storageBlocked ? { "dom.storage.enabled": false } : {}),
          },
        },
      };
    },
  },
  webkit: {
    name: "webkit",
    driver() {
      need(onPath("xvfb-run"), "xvfb-run (Debian xvfb)");
      need(MINIBROWSER, "WebKitGTK's MiniBrowser (Debian webkit2gtk-driver)");
      return {
        name: "WebKitWebDriver",
        binary: need(process.env.WEBKITWEBDRIVER || onPath("WebKitWebDriver"), "WebKitWebDriver (Debian webkit2gtk-driver)"),
        args: (port) => [`--port=${port}`],
        wrap: ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"],
        env: LOCALE_ENV,
      };
    },
    capabilities({ storageBlocked = false } = {}) {
      // MiniBrowser takes any WebKitSettings property as an option.
      const args = ["--automation", ...(storageBlocked ? ["--enable-html5-local-storage=false"] : [])];
      return { "webkitgtk:browserOptions": { binary: MINIBROWSER, args } };
    },
  },
};
