/*!
 * Stagecraft embed loader.
 *
 * Usage on any page:
 *   <div data-stagecraft-tool="audit"></div>
 *   <script src="https://YOUR-HOST/PATH/embed.js" defer></script>
 *
 * Options (data attributes on the div):
 *   data-stagecraft-theme="light|dark|auto"   colour scheme (default auto)
 *   data-stagecraft-accent="#0a7cff"          accent colour; ignored unless valid CSS
 *   data-stagecraft-min-height="320"          pixels, 120 to 10000 (default 240)
 *   data-stagecraft-max-height="1600"         pixels, 120 to 10000 (default none)
 *   data-stagecraft-transparent               transparent background
 *
 * Events dispatched on the div (CustomEvent, bubbling):
 *   stagecraft:ready      detail {tool}
 *   stagecraft:resize     detail {tool, height}
 *   stagecraft:completed  detail {tool, score, tier} | {tool, score, verdict}
 *                                | {tool, velocityPerDay, bottleneck}
 *
 * Security: the app URL comes from this script's own src. Messages are only
 * accepted from our own iframes' windows, with the app's exact origin, and
 * carry the id of their frame. The app posts only to this page's origin.
 * No dependencies; nothing is sent anywhere else.
 */
(function () {
  "use strict";

  var TOOLS = {
    audit: "Self-audit scorecard",
    qualify: "Qualification wizard",
    discovery: "Discovery-call script",
    benchmarks: "Stage benchmark calculator"
  };
  var PREFIX = "stagecraft:";

  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll('script[src*="embed.js"]');
    script = all[all.length - 1];
  }
  if (!script || !script.src) return;
  var appUrl = new URL(".", script.src); // the folder that holds index.html
  var appOrigin = appUrl.origin;

  // frame id -> { iframe, host, tool, min, max }. A Map, so ids a message
  // names ("__proto__", "toString") can never find a built-in property.
  var frames = new Map();
  var counter = 0;
  var MIN_PX = 120;
  var MAX_PX = 10000;

  // A height in whole pixels, clamped to a sane range; anything else
  // ("1e9", "50%", "tall") falls back to the default.
  function pxAttr(el, name, fallback) {
    var raw = (el.getAttribute(name) || "").trim();
    if (!/^[0-9]{1,6}$/.test(raw)) return fallback;
    return Math.max(MIN_PX, Math.min(MAX_PX, parseInt(raw, 10)));
  }

  // Says what went wrong inside the div itself: a console warning alone
  // leaves the marketer looking at an empty gap.
  function showProblem(host, text) {
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.style.cssText = "margin:0;padding:12px 16px;border:1px dashed #b3261e;border-radius:8px;" +
      "color:#b3261e;background:#fff;font:14px/1.4 system-ui,sans-serif;";
    p.textContent = text;
    host.appendChild(p);
  }

  function validColor(value) {
    return !!value && !!window.CSS && CSS.supports("color", value);
  }

  function mount(host) {
    if (host.getAttribute("data-stagecraft-mounted")) return;
    host.setAttribute("data-stagecraft-mounted", "true");
    var given = host.getAttribute("data-stagecraft-tool") || "";
    var tool = given.trim().toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(TOOLS, tool)) {
      var names = Object.keys(TOOLS).join(", ");
      showProblem(host, "Stagecraft: there is no tool called \u201c" + given.slice(0, 40) +
        "\u201d. Set data-stagecraft-tool to one of: " + names + ".");
      console.warn("Stagecraft: unknown tool \"" + given + "\". Use " + names + ".");
      return;
    }

    var id = "sc-" + (++counter) + "-" + Math.random().toString(36).slice(2, 8);
    var theme = host.getAttribute("data-stagecraft-theme");
    if (theme !== "light" && theme !== "dark") theme = "auto";
    var accent = host.getAttribute("data-stagecraft-accent");
    var transparent = host.hasAttribute("data-stagecraft-transparent") &&
      host.getAttribute("data-stagecraft-transparent") !== "false";
    var min = pxAttr(host, "data-stagecraft-min-height", 240);
    var max = Math.max(min, pxAttr(host, "data-stagecraft-max-height", MAX_PX));

    var query = "frame=" + encodeURIComponent(id) +
      "&origin=" + encodeURIComponent(location.origin) +
      "&theme=" + theme +
      (validColor(accent) ? "&accent=" + encodeURIComponent(accent) : "") +
      (transparent ? "&transparent=1" : "");

    var iframe = document.createElement("iframe");
    // Each tool has its own page, so a widget loads only that tool's code.
    iframe.src = appUrl.href + tool + "/#/embed/" + tool + "?" + query;
    iframe.title = TOOLS[tool] + " (Stagecraft)";
    iframe.setAttribute("allow", "clipboard-write");
    iframe.setAttribute("scrolling", "no");
    // The frame's own color-scheme must match the page inside it, or a
    // dark-mode browser paints an opaque backdrop behind a transparent widget.
    var scheme = theme === "auto" ? "light dark" : theme;
    iframe.style.cssText = "display:block;width:100%;border:0;overflow:hidden;" +
      "height:" + min + "px;color-scheme:" + scheme + ";" +
      (transparent ? "background:transparent;" : "");
    if (transparent) iframe.setAttribute("allowtransparency", "true");
    // Widgets below the fold load when the visitor scrolls near them.
    if (host.getBoundingClientRect().top > (window.innerHeight || 800)) {
      iframe.setAttribute("loading", "lazy");
    }

    frames.set(id, { iframe: iframe, host: host, tool: tool, min: min, max: max });
    host.appendChild(iframe);
  }

  function emit(host, name, detail) {
    host.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
  }

  window.addEventListener("message", function (ev) {
    if (ev.origin !== appOrigin) return;
    var data = ev.data;
    if (!data || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
    var frame = typeof data.frame === "string" ? frames.get(data.frame) : undefined;
    // Only the window inside our own iframe may speak for that frame.
    if (!frame || ev.source !== frame.iframe.contentWindow) return;
    var payload = data.payload || {};

    if (data.type === "stagecraft:ready") {
      emit(frame.host, "stagecraft:ready", { tool: frame.tool });
    } else if (data.type === "stagecraft:resize") {
      var h = Math.ceil(Number(payload.height));
      if (!isFinite(h) || h <= 0) return;
      h = Math.max(frame.min, Math.min(frame.max, h));
      frame.iframe.style.height = h + "px";
      frame.iframe.setAttribute("scrolling", h >= frame.max ? "auto" : "no");
      emit(frame.host, "stagecraft:resize", { tool: frame.tool, height: h });
    } else if (data.type === "stagecraft:completed") {
      emit(frame.host, "stagecraft:completed", payload);
    }
  });

  function scan() {
    var hosts = document.querySelectorAll("[data-stagecraft-tool]");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  // For pages that add widgets later: window.Stagecraft.scan().
  window.Stagecraft = { scan: scan };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
