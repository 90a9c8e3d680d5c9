// Shared test harness: a static file server for dist/ (optionally under a sub-folder) that
// can be stopped to simulate the network going away, and a Chromium launched the way this
// machine needs it. Every test finds elements by role and label, as a person would.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

export const DIST = path.resolve(import.meta.dirname, "../../dist");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml", ".png": "image/png",
};

/** Serves dist/ at `prefix` (e.g. "/tools/peercircle/") on a free loopback port. */
export async function serve({ prefix = "/", root = DIST } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end("not here"); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end("not found"); return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream",
      "cache-control": "no-cache" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh browser context and page that records every request, page error and CSP refusal. */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const seen = { requests: [], errors: [] };
  context.on("request", (r) => seen.requests.push(r.url()));
  const page = await context.newPage();
  watch(page, seen);
  await page.goto(url);
  await ready(page);
  return { context, page, seen };
}

/**
 * Opens the app on records stored in the documented format, the way a returning facilitator
 * finds them. The records are written from a blank page of the same origin where the app is
 * not running: an app that is open notices its storage being cleared under it and writes its
 * own records back (as it must), which would race a seed written beside it.
 */
export async function openSeeded(browser, server, records, { hash = "#/", before, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const seen = { requests: [], errors: [] };
  context.on("request", (r) => seen.requests.push(r.url()));
  const page = await context.newPage();
  watch(page, seen);
  if (before) await before(page);
  // A blank page of the same origin, answered here (with an empty icon, so the browser asks
  // the server for nothing).
  const blank = new URL("seed-storage", server.url).href;
  await page.route(blank, (r) => r.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }));
  await page.goto(blank);
  await page.unroute(blank);
  await page.evaluate(async (records) => {
    // Written where an earlier Peercircle kept them: the app moves them into its database
    // at start, as it does on a returning facilitator's device.
    await new Promise((done) => {
      const r = indexedDB.deleteDatabase("peercircle");
      r.onsuccess = r.onerror = r.onblocked = () => done();
    });
    localStorage.clear();
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
  }, records);
  await page.goto(server.url + hash);
  await ready(page);
  return { context, page, seen };
}

/**
 * Every record the app keeps on disk (the browser's database), as { key: text }. Read in
 * the page, the way the browser would hand them to the app at the next start.
 */
export async function stored(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open("peercircle");
    open.onupgradeneeded = () => open.result.createObjectStore("records");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction("records");
      const keys = tx.objectStore("records").getAllKeys();
      const values = tx.objectStore("records").getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/** One stored record's text, or null. */
export async function storedItem(page, key) {
  return (await stored(page))[key] ?? null;
}

/** One stored record's `data`, parsed. */
export async function storedData(page, key) {
  const text = await storedItem(page, key);
  return text === null ? null : JSON.parse(text).data;
}

/**
 * Makes the device's storage refuse every write as full (as the browser does when the disk
 * or the site's quota is used up), or take them again. `atStart` keeps it full across
 * reloads, from before the app runs, until `storageFull(page, false)` in the page.
 */
export async function storageFull(page, full = true, { atStart = false } = {}) {
  const script = () => {
    if (sessionStorage.getItem("e2e-room-made")) return;
    window.__put ??= IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  };
  if (atStart) await page.addInitScript(script);
  if (full && !atStart) {
    await page.evaluate(() => sessionStorage.removeItem("e2e-room-made"));
    await page.evaluate(script);
  } else if (!full) {
    await page.evaluate(() => {
      sessionStorage.setItem("e2e-room-made", "1");
      if (window.__put) IDBObjectStore.prototype.put = window.__put;
    });
  }
}

export function watch(page, seen) {
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => {
    const t = m.text();
    if (m.type() === "error" || /Content Security Policy|Refused to/.test(t)) seen.errors.push(t);
  });
}

/** Waits for the app to be mounted (fails fast if the wasm is broken). */
export async function ready(page) {
  await page.getByRole("navigation", { name: "Main" }).waitFor({ timeout: 15000 });
}

export async function serviceWorkerReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
}

/** Waits until the save indicator says everything is stored. */
export async function saved(page) {
  await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 5000 });
}

export async function createProgramme(page, name) {
  await page.getByRole("heading", { level: 2, name: "Start a programme" }).waitFor();
  await page.getByLabel("Programme name").fill(name);
  await page.getByRole("button", { name: "Create programme" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

export async function addGroup(page, name, kind) {
  await page.getByLabel("New group name").fill(name);
  if (kind) await page.getByLabel("Kind of new group").selectOption({ label: kind });
  await page.getByRole("button", { name: "Add group" }).click();
  await page.getByRole("textbox", { name: "Group name", exact: true }).last().waitFor();
}

/** What sticks out past the right edge of the screen: the page itself, or any table matched. */
export async function overflowing(page, selector = "table") {
  return page.evaluate((selector) => {
    const out = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    for (const t of document.querySelectorAll(selector)) {
      const r = t.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 1 || t.scrollWidth > t.clientWidth + 1)) {
        out.push(`${t.querySelector("caption")?.textContent ?? selector} ends at ${Math.round(r.right)} px`);
      }
    }
    return out;
  }, selector);
}
