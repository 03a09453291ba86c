/*
 * Stagecraft boot script, inlined into the <head> of every page by
 * scripts/inline-boot.mjs (so it runs before the browser starts fetching the
 * page's own code; the CSP allows it by hash). Three jobs:
 * 1. Send each #/route to the page that serves it, before this page's wasm
 *    is requested, so a deep link downloads one page's code, once. A tool's
 *    page opened without a fragment shows that tool.
 * 2. Inside an embed, style the first screen like the widget (theme, accent,
 *    transparency, no site chrome) before the app takes over.
 * 3. Register the service worker that keeps every page offline, and offer
 *    "A new version is ready" when a new build has been fully cached.
 */
(function () {
  "use strict";
  var TOOLS = ["audit", "qualify", "discovery", "benchmarks"];
  var root = document.documentElement;
  var here = root.getAttribute("data-sc-page") || "";
  var base = here ? "../" : "./";

  function pageFor(hash) {
    var m = /^#\/(?:embed\/)?([a-z]+)/.exec(hash || "");
    return m && TOOLS.indexOf(m[1]) >= 0 ? m[1] : "";
  }

  function switchPage(first) {
    var hash = location.hash;
    if (here && (hash === "" || hash === "#")) {
      // A tool's own page without a fragment is that tool.
      history.replaceState(null, "", "#/" + here);
      return false;
    }
    var target = pageFor(hash);
    if (target === here) return false;
    // Stop this document first, so none of its code is requested, then go.
    if (first && window.stop) window.stop();
    location.replace(base + (target ? target + "/" : "") + hash);
    return true;
  }

  if (switchPage(true)) return;
  window.addEventListener("hashchange", function () { switchPage(false); });

  // This page's code, preloaded only now that the visitor stays here (the
  // build moves Trunk's preload links into this list: left in the HTML, the
  // browser's preload scanner would fetch them before a redirect could stop it).
  var preload = /*SC_PRELOAD*/ [] /*SC_PRELOAD_END*/;
  preload.forEach(function (p) {
    var link = document.createElement("link");
    link.rel = p.rel;
    link.href = p.href;
    link.crossOrigin = "anonymous";
    if (p.integrity) link.integrity = p.integrity;
    if (p.as) link.setAttribute("as", p.as);
    if (p.type) link.type = p.type;
    document.head.appendChild(link);
  });

  // The first screen in the HTML is the empty tool. A visitor with saved
  // work sees a quiet placeholder instead until the app has read it.
  try {
    if (here && localStorage.getItem("stagecraft." + here) !== null) root.setAttribute("data-sc-boot-saved", "");
  } catch (e) { /* storage blocked: nothing saved to hide */ }

  var embed = /^#\/embed\/[a-z]+\?(.*)$/.exec(location.hash);
  if (embed) {
    var q = {};
    embed[1].split("&").forEach(function (pair) {
      var kv = pair.split("=");
      try { q[kv[0]] = decodeURIComponent(kv[1] || ""); } catch (e) { /* ignored */ }
    });
    root.setAttribute("data-sc-boot", "embed");
    if (q.theme === "light" || q.theme === "dark") root.setAttribute("data-sc-boot-theme", q.theme);
    if (q.transparent === "1") root.setAttribute("data-sc-boot-transparent", "");
    // The audit's widget opens on question 1: the prerendered intro already
    // holds it, so only the question shows until the app takes over.
    if (q.skip_intro === "1") root.setAttribute("data-sc-boot-skip-intro", "");
    // Storage that asks (src/app/storage_access.rs): where the browser
    // blocks a widget's storage, the app calls this on the visitor's click
    // (or `silent`, at start, to take back a grant given on an earlier
    // visit without a prompt). Resolves to a usable Storage, or null.
    if (document.requestStorageAccess) {
      window.scStorageAccess = function (silent) {
        var d = document;
        var allowed = !silent ? Promise.resolve(true) :
          (navigator.permissions ? navigator.permissions.query({ name: "storage-access" }).then(function (p) { return p.state === "granted"; }, function () { return false; }) : Promise.resolve(false))
            .then(function (yes) { return yes || (d.hasStorageAccess ? d.hasStorageAccess() : false); });
        return allowed.then(function (yes) {
          if (!yes) return null;
          return d.requestStorageAccess({ localStorage: true }).then(function (handle) {
            if (handle && handle.localStorage) return handle.localStorage;
            try { return window.localStorage; } catch (e) { return null; }
          });
        }).catch(function () { return null; });
      };
    }
    if (q.accent && window.CSS && CSS.supports("color", q.accent)) {
      root.style.setProperty("--sc-boot-accent", q.accent);
      root.setAttribute("data-sc-boot-accent", "");
    }
  }

  // Offline and instant return visits. Registered after load, so the first
  // visit's own code never waits for the precache.
  // Not inside a widget: precaching every page would spend a landing-page
  // visitor's data on tools they never open (and third-party frames keep
  // their own, partitioned worker anyway). The widget loads its one page.
  if (embed || !("serviceWorker" in navigator) || location.protocol === "file:") return;
  function showUpdate(worker) {
    if (document.getElementById("sc-update")) return;
    var bar = document.createElement("div");
    bar.id = "sc-update";
    bar.className = "sc-update";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "A new version is ready.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sc-button sc-button--primary";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      button.disabled = true;
      worker.postMessage({ type: "stagecraft:activate" });
    });
    bar.appendChild(text);
    bar.appendChild(button);
    // Inside the app's root, so it takes the app's theme tokens.
    (document.querySelector(".sc-root") || document.body).appendChild(bar);
  }
  window.addEventListener("load", function () {
    var sw;
    // Reading navigator.serviceWorker throws in an origin-less (sandboxed) frame.
    try { sw = navigator.serviceWorker; } catch (e) { return; }
    var hadController = !!sw.controller;
    sw.register(base + "sw.js", { scope: base }).then(function (reg) {
      function watch(worker) {
        if (!worker) return;
        if (worker.state === "installed") {
          if (sw.controller) showUpdate(worker);
          return;
        }
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && sw.controller) showUpdate(worker);
        });
      }
      watch(reg.waiting);
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
    }).catch(function () { /* storage blocked (some embeds): the app works without it */ });
    sw.addEventListener("controllerchange", function () {
      // Only a version the user asked for takes over; then load it whole.
      if (hadController) location.reload();
    });
  });
})();
