// Peercircle's service worker: keeps an exact copy of this build's files so the app opens
// with the network off. It never stores anyone's data: only the app's own static files.
// scripts/post_build.py fills in VERSION (a hash of every file) and FILES at build time.
"use strict";
const VERSION = "__PEERCIRCLE_VERSION__";
const FILES = __PEERCIRCLE_FILES__;
const CACHE = "peercircle-app-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(
        keys
          .filter((key) => key.startsWith("peercircle-app-") && key !== CACHE)
          .map((key) => caches.delete(key))
      )
    )
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
