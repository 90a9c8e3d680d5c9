// Fault class 1: the browser's storage is cleared while the app is open (the browser's
// "clear site data", a cleaning tool, another window). The app notices, says so in plain
// words, and writes everything it holds back, so a reload loses nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, addGroup, ready, stored } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ours = async (page) => Object.keys(await stored(page)).filter((k) => k.startsWith("peercircle:")).sort();

/** The browser's own "clear site data" (what its settings and cleaning tools do). */
async function clearSiteData(context, page, origin) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "indexeddb,local_storage" });
  await cdp.detach();
}

async function writtenBack(page, keys) {
  for (let i = 0; i < 100; i++) {
    const now = await ours(page);
    if (keys.every((k) => now.includes(k))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`not written back: ${keys}`);
}

test("cleared under the app, the next edit writes everything back, not only what it touched", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Kept through a clear");
  await addGroup(page, "Mentor circle");
  await page.getByLabel("Organisation").fill("St Anne's");
  await saved(page);
  const before = await ours(page);
  assert.ok(before.length >= 2, `records were stored: ${before}`);
  await clearSiteData(context, page, server.origin);
  await page.getByLabel("Purpose").fill("Typed after the clear");
  const notice = page.getByRole("alert").filter({ hasText: "saved data was cleared from this browser" });
  await notice.waitFor();
  await saved(page);
  assert.match(await notice.innerText(), /has been saved again/);
  const after = await ours(page);
  for (const key of before) assert.ok(after.includes(key), `${key} written back`);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Kept through a clear" }).waitFor();
  assert.equal(await page.getByLabel("Organisation").inputValue(), "St Anne's");
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Typed after the clear");
  await page.getByRole("textbox", { name: "Group name", exact: true }).first().waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("cleared with no edit at all, the app still writes everything back within seconds", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Idle while cleared");
  await saved(page);
  const before = await ours(page);
  await clearSiteData(context, page, server.origin);
  await page.getByRole("alert").filter({ hasText: "saved data was cleared from this browser" })
    .waitFor({ timeout: 5000 });
  await writtenBack(page, before);
  await context.close();
});

test("cleared while the app's tab is in the background, it notices on return and writes back", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Cleared elsewhere");
  await saved(page);
  const before = await ours(page);
  // Another tab is in front (a page of the same site that is not Peercircle) when the
  // browser's data for the site is cleared.
  const other = await context.newPage();
  const blank = server.origin + "/elsewhere";
  await other.route(blank, (r) => r.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }));
  await other.goto(blank);
  await other.bringToFront();
  await clearSiteData(context, other, server.origin);
  await page.bringToFront();
  await page.getByRole("alert").filter({ hasText: "saved data was cleared from this browser" })
    .waitFor({ timeout: 5000 });
  await writtenBack(page, before);
  await context.close();
});

test("emptied by a script in another window, while a second window opens, the tab in charge still notices", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Emptied by a script");
  await saved(page);
  const before = await ours(page);
  // Another window of the site (the app's offline copy answers it, so a second Peercircle
  // starts there, not in charge) empties the database's records directly.
  const other = await context.newPage();
  await other.goto(server.origin + "/another-window");
  await other.evaluate(() => new Promise((done, fail) => {
    const r = indexedDB.open("peercircle");
    r.onerror = () => fail(r.error);
    r.onsuccess = () => {
      const tx = r.result.transaction("records", "readwrite");
      tx.objectStore("records").clear();
      tx.oncomplete = () => { r.result.close(); done(); };
      tx.onerror = () => fail(tx.error);
    };
  }));
  await page.bringToFront();
  await page.getByRole("alert").filter({ hasText: "saved data was cleared from this browser" })
    .waitFor({ timeout: 6000 });
  await writtenBack(page, before);
  await context.close();
});
