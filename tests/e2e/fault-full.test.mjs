// Fault classes 7 and 11: storage nearly full at start opens the real data read-only with
// a plain message (never an empty app whose typing and backups would be lost); and closing
// the tab while anything is unsaved is warned about.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, ready, storageFull } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("storage full at start shows the real data read-only, and saves again once there is room", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Opened while full");
  await page.getByLabel("Purpose").fill("Saved before the disk filled");
  await saved(page);
  // The disk fills while the app is closed; it opens on a full disk.
  await storageFull(page, true, { atStart: true });
  await page.reload();
  await ready(page);
  await page.getByRole("alert").filter({ hasText: "opened your saved data to read but cannot save" }).waitFor();
  await page.goto(server.url + "#/");
  await page.getByRole("link", { name: "Opened while full" }).click();
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Saved before the disk filled");
  // A change is refused in plain words; what was typed stays on screen.
  await page.getByLabel("Purpose").fill("Typed while full");
  await page.locator("#programme-purpose-error").filter({ hasText: "cannot save changes to it" }).waitFor();
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Typed while full");
  // Room is made (a backup saved, something deleted): the app notices within seconds.
  await storageFull(page, false);
  await page.getByRole("alert").filter({ hasText: "opened your saved data to read but cannot save" })
    .waitFor({ state: "detached", timeout: 5000 });
  await page.getByLabel("Purpose").fill("Typed once there was room");
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Typed once there was room");
  assert.deepEqual(seen.errors.filter((e) => !/Quota|quota/.test(e)), []);
  await context.close();
});

test("closing the tab while a save is failing asks first; with everything saved it does not", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Closing with unsaved work");
  await saved(page);
  const asked = [];
  page.on("dialog", async (d) => { asked.push(d.type()); await d.dismiss(); });
  await storageFull(page);
  await page.getByLabel("Purpose").fill("Not yet saved: the disk is full");
  await page.getByRole("status").filter({ hasText: "Not saved" }).first().waitFor();
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(asked, ["beforeunload"], "the browser asked before leaving");
  assert.equal(page.isClosed(), false, "the tab stayed open");
  await storageFull(page, false);
  await page.getByRole("button", { name: "Try saving again" }).click();
  await saved(page);
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(asked, ["beforeunload"], "no question once everything is saved");
  assert.equal(page.isClosed(), true);
  await context.close();
});
