/*
 * Stagecraft service worker. scripts/sw-build.mjs writes the build's own
 * file list into BUILD at build time, so a version is the exact set of
 * files one build produced, cached under its own name:
 * - install caches every file of the build (all or nothing: `addAll`), so
 *   after one visit every page opens offline, even pages not yet opened;
 * - a new version waits until the user presses "Reload" (the page posts
 *   stagecraft:activate), so a page of one build never meets the wasm of
 *   another; the very first install activates at once, as there is nothing
 *   to mix with;
 * - only same-origin GETs inside the scope are answered; every other request
 *   goes to the network untouched, and nothing from another origin is cached.
 */
"use strict";
var BUILD = /*SC_BUILD*/ { id: "dev", files: [] } /*SC_BUILD_END*/;
var CACHE = "stagecraft-" + BUILD.id;
var SCOPE = self.registration.scope;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      var requests = BUILD.files.map(function (f) {
        return new Request(new URL(f, SCOPE).href, { cache: "reload" });
      });
      return cache.addAll(requests);
    }).then(function () {
      if (!self.registration.active) return self.skipWaiting();
    }),
  );
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "stagecraft:activate") self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) {
        return n.indexOf("stagecraft-") === 0 && n !== CACHE;
      }).map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); }),
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.href.indexOf(SCOPE) !== 0) return;
  var key = url.origin + url.pathname + (url.pathname.slice(-1) === "/" ? "index.html" : "");
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(key).then(function (hit) { return hit || fetch(request); });
    }),
  );
});
