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
 *   data-stagecraft-min-height="320"          pixels, 120 to 10000: reserved at once, never shrunk below
 *                                             (default: the tool's usual first height, then what it needs)
 *   data-stagecraft-max-height="1600"         pixels, 120 to 10000 (default none)
 *   data-stagecraft-transparent               transparent background
 *   data-stagecraft-cta-text="Book a review"  your call to action after a result (plain text, 60 chars)
 *   data-stagecraft-cta-url="https://…"       where it goes (https: only); your page's utm_* are added
 *   data-stagecraft-cta-url-emerging="https://…"  per audit tier: ad-hoc, emerging, structured, optimized
 *   data-stagecraft-share-url="https://…"     share links open this page (with the report in its fragment)
 *   data-stagecraft-hide-open-app             no "Open full app" link
 *   data-stagecraft-skip-intro                the audit opens on question 1
 *
 * Events dispatched on the div (CustomEvent, bubbling):
 *   stagecraft:ready      detail {tool}
 *   stagecraft:started    detail {tool}                 first answer or keystroke, once
 *   stagecraft:step       detail {tool, step, of}       the audit moved to question `step`
 *   stagecraft:resize     detail {tool, height}
 *   stagecraft:completed  detail {tool, score, tier, areas, answers, shareUrl}
 *                                | {tool, score, verdict}
 *                                | {tool, velocityPerDay, bottleneck}  (after a 1 s pause)
 *
 * Pages that add widget divs later call window.Stagecraft.scan().
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

  // The height each widget reserves until it reports its own: its first
  // screen (a first visit) measured at 360, 640 and 1000 px wide. A close
  // guess means the host page barely moves when the widget arrives.
  var FIRST = {
    audit: [1444, 1031, 966],
    "audit-skip": [945, 690, 665],
    qualify: [575, 467, 467],
    discovery: [605, 497, 467],
    benchmarks: [810, 646, 619]
  };
  var WIDTHS = [360, 640, 1000];

  function firstHeight(kind, width) {
    var h = FIRST[kind];
    if (width <= WIDTHS[0]) return h[0];
    for (var i = 1; i < WIDTHS.length; i++) {
      if (width <= WIDTHS[i]) {
        var t = (width - WIDTHS[i - 1]) / (WIDTHS[i] - WIDTHS[i - 1]);
        return Math.round(h[i - 1] + t * (h[i] - h[i - 1]));
      }
    }
    return h[h.length - 1];
  }

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

  var TIERS = ["ad-hoc", "emerging", "structured", "optimized"];
  var UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];
  var KNOWN = ["tool", "theme", "accent", "min-height", "max-height", "transparent", "cta-text",
    "cta-url", "share-url", "hide-open-app", "skip-intro", "mounted"];

  // The same rules the app applies again (src/embed.rs): an absolute
  // https: URL with a host and no spaces, quotes or angle brackets.
  function safeUrl(value) {
    var v = (value || "").trim();
    if (v.length > 2000) return null;
    return /^https:\/\/[A-Za-z0-9\[][A-Za-z0-9.\-:\[\]]*([\/?#][^\s"'<>\\`]*)?$/i.test(v) ? v : null;
  }

  // Plain text for a button: no markup, no control characters, 60 at most.
  function plainText(value, max) {
    var v = (value || "").replace(/\s+/g, " ").trim();
    if (!v || v.length > max || /[<>\u0000-\u001f\u007f]/.test(v)) return null;
    return v;
  }

  function flagAttr(el, name) {
    return el.hasAttribute(name) && el.getAttribute(name) !== "false";
  }

  // The report a visitor opened from a share link that points at this page
  // (data-stagecraft-share-url): handed to the first audit widget, once.
  var sharedReport = (function () {
    var m = /^#\/audit\/share\/([A-Za-z0-9_-]{1,200})$/.exec(location.hash);
    return m ? m[1] : null;
  })();

  // The host page's utm_* parameters, for the call to action's URL.
  function utmQuery() {
    var out = "";
    var params = new URLSearchParams(location.search);
    UTM.forEach(function (k) {
      var v = plainText(params.get(k), 200);
      if (v) out += "&" + k + "=" + encodeURIComponent(v);
    });
    return out;
  }

  // Reads the marketer's options, returning the query they add and a list
  // of what was refused, so a mistake shows up on the page being built.
  function marketing(host, tool) {
    var query = "";
    var problems = [];
    var names = host.getAttributeNames ? host.getAttributeNames() : [];
    names.forEach(function (name) {
      if (name.indexOf("data-stagecraft-") !== 0) return;
      var key = name.slice("data-stagecraft-".length);
      var raw = host.getAttribute(name);
      if (key.indexOf("cta-url-") === 0) {
        var tier = key.slice("cta-url-".length);
        if (TIERS.indexOf(tier) < 0) {
          problems.push(name + ": there is no tier called \u201c" + tier.slice(0, 20) + "\u201d (use " + TIERS.join(", ") + ")");
        } else if (!safeUrl(raw)) {
          problems.push(name + " must be an https:// address");
        } else {
          query += "&cta_url_" + tier + "=" + encodeURIComponent(safeUrl(raw));
        }
      } else if (KNOWN.indexOf(key) < 0) {
        problems.push(name + " is not an option (check its spelling)");
      }
    });
    var text = host.getAttribute("data-stagecraft-cta-text");
    var url = host.getAttribute("data-stagecraft-cta-url");
    if (text !== null) {
      if (plainText(text, 60)) query += "&cta_text=" + encodeURIComponent(plainText(text, 60));
      else problems.push("data-stagecraft-cta-text must be plain text of at most 60 characters");
    }
    if (url !== null) {
      if (safeUrl(url)) query += "&cta_url=" + encodeURIComponent(safeUrl(url));
      else problems.push("data-stagecraft-cta-url must be an https:// address");
    }
    if (text === null && (url !== null || query.indexOf("&cta_url_") >= 0)) {
      problems.push("add data-stagecraft-cta-text for the button's words");
    }
    var share = host.getAttribute("data-stagecraft-share-url");
    if (share !== null) {
      if (safeUrl(share)) query += "&share_url=" + encodeURIComponent(safeUrl(share));
      else problems.push("data-stagecraft-share-url must be an https:// address");
    }
    if (flagAttr(host, "data-stagecraft-hide-open-app")) query += "&hide_open_app=1";
    if (flagAttr(host, "data-stagecraft-skip-intro")) {
      if (tool === "audit") query += "&skip_intro=1";
      else problems.push("data-stagecraft-skip-intro only applies to the audit");
    }
    // The call to action and share links belong to the audit's report.
    if (tool !== "audit" && (query.indexOf("&cta_") >= 0 || query.indexOf("&share_url=") >= 0)) {
      problems.push("data-stagecraft-cta-* and data-stagecraft-share-url only apply to the audit");
      query = query.replace(/&(cta_[a-z_-]+|share_url)=[^&]*/g, "");
    }
    if (query.indexOf("&cta_") >= 0) query += utmQuery();
    return { query: query, problems: problems };
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
    var problems = [];
    var theme = host.getAttribute("data-stagecraft-theme");
    if (theme !== null && ["light", "dark", "auto"].indexOf(theme.trim().toLowerCase()) < 0) {
      problems.push("data-stagecraft-theme must be light, dark or auto");
    }
    theme = (theme || "").trim().toLowerCase();
    if (theme !== "light" && theme !== "dark") theme = "auto";
    var accent = host.getAttribute("data-stagecraft-accent");
    if (accent !== null && !validColor(accent)) {
      problems.push("data-stagecraft-accent must be a CSS colour, such as #0a7cff");
    }
    var transparent = flagAttr(host, "data-stagecraft-transparent");
    ["data-stagecraft-min-height", "data-stagecraft-max-height"].forEach(function (name) {
      var raw = host.getAttribute(name);
      if (raw !== null && !/^[0-9]{1,6}$/.test(raw.trim())) {
        problems.push(name + " must be a whole number of pixels, such as 600");
      }
    });
    // The marketer's minimum holds for the widget's whole life; without one,
    // the first height is the tool's own guess and the widget may then
    // shrink to what its content needs.
    var skip = tool === "audit" && flagAttr(host, "data-stagecraft-skip-intro");
    var guess = firstHeight(skip ? "audit-skip" : tool, host.clientWidth || window.innerWidth || 640);
    var min = pxAttr(host, "data-stagecraft-min-height", MIN_PX);
    var max = Math.max(min, pxAttr(host, "data-stagecraft-max-height", MAX_PX));
    var first = Math.max(min, Math.min(max, guess));
    var extra = marketing(host, tool);
    problems = problems.concat(extra.problems);
    if (problems.length) {
      // The widget still loads with its defaults; the note says what to fix.
      showProblem(host, "Stagecraft: " + problems.join("; ") + ".");
      console.warn("Stagecraft: " + problems.join("; "));
    }

    var query = "frame=" + encodeURIComponent(id) +
      "&origin=" + encodeURIComponent(location.origin) +
      "&theme=" + theme +
      (validColor(accent) ? "&accent=" + encodeURIComponent(accent) : "") +
      (transparent ? "&transparent=1" : "") + extra.query;

    // A share link that points at this page opens its report in the widget.
    var rest = "";
    if (tool === "audit" && sharedReport) {
      rest = "/share/" + sharedReport;
      sharedReport = null;
    }

    var iframe = document.createElement("iframe");
    // Each tool has its own page, so a widget loads only that tool's code.
    iframe.src = appUrl.href + tool + "/#/embed/" + tool + rest + "?" + query;
    iframe.title = TOOLS[tool] + " (Stagecraft)";
    iframe.setAttribute("allow", "clipboard-write");
    iframe.setAttribute("scrolling", "no");
    // The frame's own color-scheme must match the page inside it, or a
    // dark-mode browser paints an opaque backdrop behind a transparent widget.
    var scheme = theme === "auto" ? "light dark" : theme;
    iframe.style.cssText = "display:block;width:100%;border:0;overflow:hidden;" +
      "height:" + first + "px;color-scheme:" + scheme + ";" +
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
    } else if (data.type === "stagecraft:completed" || data.type === "stagecraft:started" ||
      data.type === "stagecraft:step") {
      emit(frame.host, data.type, payload);
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
