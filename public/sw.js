// Peercircle's service worker: keeps an exact copy of this build's files so the app opens
// with the network off. It never stores anyone's data: only the app's own static files.
// scripts/post_build.py fills in VERSION (a hash of every file) and FILES at build time.
"use strict";
const VERSION = "__PEERCIRCLE_VERSION__";
const FILES = __PEERCIRCLE_FILES__;
const CACHE = "peercircle-app-" + VERSION;

// A file named by its contents (Trunk's hashed names, the pieces of the wasm) is never
// replaced under its name: the copy the page has just downloaded will do, once the browser has
// checked it with the server. Every other file (index.html, icons) is fetched afresh.
const named = (file) => /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css)$/.test(file);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((file) => new Request(file, { cache: named(file) ? "no-cache" : "reload" })))
    )
  );
});

// On activating, older copies go, and the open page is taken under this worker's care at
// once: a first visit that loses the network before any reload still opens every screen
// (their pieces are in this copy). Only the first install activates by itself; a new version
// waits for "Reload to update", which reloads the page anyway.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(
        keys
          .filter((key) => key.startsWith("peercircle-app-") && key !== CACHE)
          .map((key) => caches.delete(key))
      )
    ).then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every screen is the same page (screens live after the #), so any navigation inside
    // the app's folder gets this build's index.html.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match("./index.html").then((hit) => hit || fetch(request))
      )
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))
    )
  );
});
