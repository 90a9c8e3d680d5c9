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
})();
