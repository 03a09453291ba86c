// Logs the events the widgets send, as a marketer's page would listen for
// them. A file, not an inline <script>, so the page works under the app's
// CSP (script-src 'self'). Every event carries {tool, ...} in its detail.
(function () {
  "use strict";
  var log = document.getElementById("event-log");
  ["stagecraft:ready", "stagecraft:started", "stagecraft:step", "stagecraft:completed"].forEach(function (name) {
    document.addEventListener(name, function (ev) {
      log.textContent += ev.target.id + " \u2192 " + name + " " + JSON.stringify(ev.detail) + "\n";
    });
  });
})();
