// Registers the offline service worker and tells the app when a new version is waiting.
// The new version takes over only when the person chooses "Reload to update", so old and
// new files are never mixed in one page.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var updating = false;
  function announce(registration) {
    window.peercircleUpdate = registration;
    window.dispatchEvent(new Event("peercircle-update-ready"));
  }
  window.addEventListener("peercircle-apply-update", function () {
    var registration = window.peercircleUpdate;
    if (registration && registration.waiting) {
      updating = true;
      registration.waiting.postMessage("skip-waiting");
    } else {
      location.reload();
    }
  });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (updating) location.reload();
  });
  // Keeping a copy of every file (the screens loaded on first use included) downloads the
  // whole app once more: wait until the first screen is showing (the app removes the
  // "Opening Peercircle…" line), so that first visit on a slow connection is not slowed by it.
  function register() {
    navigator.serviceWorker.register("./sw.js", { scope: "./" }).then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration);
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(registration);
        });
      });
    }).catch(function () {
      // Without a service worker the app still works online; nothing to tell the person.
    });
  }
  function whenShowing() {
    if (!document.getElementById("boot")) return register();
    var seen = new MutationObserver(function () {
      if (document.getElementById("boot")) return;
      seen.disconnect();
      register();
    });
    seen.observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "complete") whenShowing();
  else window.addEventListener("load", whenShowing);
})();
