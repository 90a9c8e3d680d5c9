// Offline, installable, and private: the app opens with the server gone, works from a
// sub-folder, offers new versions without mixing files, and never talks to anyone else.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch, open, saved, createProgramme, ready, serviceWorkerReady, DIST } from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("with the server stopped, a reload still opens the app with the data", async () => {
  const server = await serve();
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Works offline");
  await saved(page);
  await serviceWorkerReady(page);
  await server.close();
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Works offline" }).waitFor();
  await page.getByLabel("Organisation").fill("Typed with no network");
  await saved(page);
  await page.goto(server.url + "#/settings");
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  for (const url of seen.requests) assert.ok(url.startsWith(server.origin + "/"), `request left the origin: ${url}`);
  assert.deepEqual(seen.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
  await context.close();
});

test("served from a sub-folder, it works, reloads and goes offline there too", async () => {
  const server = await serve({ prefix: "/tools/peercircle/" });
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Intranet copy");
  await saved(page);
  await serviceWorkerReady(page);
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  assert.equal(scope, server.url);
  await server.close();
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Intranet copy" }).waitFor();
  for (const url of seen.requests) assert.ok(url.startsWith(server.url), `request outside the folder: ${url}`);
  await context.close();
});

test("every request goes to the app's own origin and the CSP is strict and unbroken", async () => {
  const server = await serve();
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Privacy check");
  await page.getByLabel("Purpose").fill("Nothing leaves");
  await saved(page);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.waitForTimeout(300);
  assert.ok(seen.requests.length > 5);
  for (const url of seen.requests) assert.ok(url.startsWith(server.origin + "/"), `request left the origin: ${url}`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|report-uri|report-to/);
  assert.deepEqual(seen.errors, [], "no CSP refusals or page errors");
  const manifest = await page.evaluate(() => fetch("./manifest.webmanifest").then((r) => r.json()));
  assert.equal(manifest.start_url, "./");
  assert.ok(manifest.icons.some((i) => i.sizes === "512x512"));
  await server.close();
  await context.close();
});

test("a new deployment is offered as 'Reload to update' and only then swapped in", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "peercircle-deploy-"));
  fs.cpSync(DIST, root, { recursive: true });
  const server = await serve({ root });
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Before the update");
  await saved(page);
  await serviceWorkerReady(page);
  await page.reload();
  await ready(page);
  const oldVersion = await page.evaluate(() => caches.keys());
  // Deploy a new build: same files, new service worker version.
  const sw = path.join(root, "sw.js");
  fs.writeFileSync(sw, fs.readFileSync(sw, "utf8").replace(/const VERSION = "[^"]+"/, 'const VERSION = "new-build"'));
  await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
  await page.getByRole("button", { name: "Reload to update" }).waitFor({ timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => caches.keys()).then((k) => k.filter((x) => oldVersion.includes(x))), oldVersion,
    "the old files stay in use until the person chooses to update");
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload to update" }).click()]);
  await ready(page);
  await page.waitForFunction(() => caches.keys().then((k) => k.length === 1 && k[0] === "peercircle-app-new-build"));
  await page.getByRole("link", { name: "Before the update" }).or(page.getByRole("heading", { name: "Before the update" })).first().waitFor();
  await server.close();
  await context.close();
  fs.rmSync(root, { recursive: true, force: true });
});
