/*!
 * Stagecraft page switcher. The site is one page per tool (audit/,
 * qualify/, discovery/, benchmarks/) plus the root page (home, your data),
 * so each visitor downloads only the tool they open. Routes stay in the URL
 * fragment (#/audit), which never reaches the server: this script, loaded
 * before the app, moves a fragment to the page that serves it, on load and
 * whenever the fragment changes. No rewrite rules needed on any static host.
 */
(function () {
  "use strict";
  var TOOLS = ["audit", "qualify", "discovery", "benchmarks"];
  var here = document.documentElement.getAttribute("data-sc-page") || "";

  function pageFor(hash) {
    var m = /^#\/(?:embed\/)?([a-z]+)/.exec(hash || "");
    return m && TOOLS.indexOf(m[1]) >= 0 ? m[1] : "";
  }

  function switchPage() {
    var target = pageFor(location.hash);
    if (target === here) return;
    location.replace((here ? "../" : "./") + (target ? target + "/" : "") + location.hash);
  }

  switchPage();
  window.addEventListener("hashchange", switchPage);
})();
