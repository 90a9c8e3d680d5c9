// Keeping data safe: the passphrase lock (encrypted at rest, unlock screen, auto-lock), the
// encrypted backup file, wiping the device and restoring, and the backup reminder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { serve, launch, open, saved, createProgramme, addGroup, ready, serviceWorkerReady, stored as storedOnDisk } from "./harness.mjs";

const LOCK_PASSPHRASE = "tea and biscuits at four";
const BACKUP_PASSPHRASE = "a backup for the cupboard";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every Peercircle record as stored in this browser: its database, and local storage
 * (where records were kept before; nothing may be left there). */
async function stored(page) {
  const local = await page.evaluate(() => Object.entries(localStorage));
  const all = [...Object.entries(await storedOnDisk(page)), ...local.map(([k, v]) => [`local:${k}`, v])];
  return Object.fromEntries(all.filter(([k]) => k.replace(/^local:/, "").startsWith("peercircle:")).sort());
}

async function settings(page) {
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
}

async function turnLockOn(page, passphrase) {
  await settings(page);
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(passphrase);
  await page.getByLabel(/I understand that if I forget this passphrase/).check();
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("status").filter({ hasText: "The lock is on" }).waitFor({ timeout: 10000 });
}

async function unlock(page, passphrase) {
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  const started = Date.now();
  await page.getByRole("button", { name: "Unlock" }).click();
  await ready(page);
  return Date.now() - started;
}

test("with the lock on, nothing readable is stored and a reload asks for the passphrase", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await serviceWorkerReady(page);
  await createProgramme(page, "Night shift circle");
  await page.getByLabel("Purpose").fill("Confidential: who is struggling this month");
  await saved(page);

  // Refusals come before any slow work, in plain words.
  await settings(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("short");
  await page.getByLabel("Type the passphrase again", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("alert").filter({ hasText: /at least/i }).waitFor();
  await page.getByLabel("Passphrase", { exact: true }).fill(LOCK_PASSPHRASE);
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(LOCK_PASSPHRASE + "!");
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("alert").filter({ hasText: "The two passphrases are not the same" }).waitFor();
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(LOCK_PASSPHRASE);
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("alert").filter({ hasText: "Please tick the box" }).waitFor();

  await turnLockOn(page, LOCK_PASSPHRASE);
  const records = await stored(page);
  const text = JSON.stringify(records);
  assert.ok(!text.includes("Night shift") && !text.includes("struggling"), "no plaintext at rest");
  assert.ok(records["peercircle:lock"], "the lock record is there");

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0, "no app behind the lock");
  assert.equal(await page.getByText("Night shift circle").count(), 0);
  assert.equal(await page.title(), "Locked · Peercircle");

  await page.getByLabel("Passphrase", { exact: true }).fill("tea and biscuits at five");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("alert")
    .filter({ hasText: "That passphrase does not unlock this device's data. Check it and try again." })
    .waitFor({ timeout: 10000 });
  const took = await unlock(page, LOCK_PASSPHRASE);
  console.log(`unlock in headless Chromium (Argon2id 19 MiB, 2 passes, whole app): ${took} ms`);
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByRole("link", { name: "Programmes", exact: true }).click();

  // Edits while unlocked are stored sealed too.
  await page.getByRole("link", { name: "Night shift circle" }).click();
  await page.getByLabel("Purpose").fill("Edited after unlocking, still secret");
  await saved(page);
  assert.ok(!JSON.stringify(await stored(page)).includes("still secret"));

  // "Lock" in the top bar drops everything from the screen; offline, it still opens.
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  await unlock(page, LOCK_PASSPHRASE);
  await page.getByRole("heading", { level: 1, name: "Night shift circle" }).waitFor();
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Edited after unlocking, still secret");
  await context.setOffline(false);

  // Turning it off needs the passphrase, then the records are plain again.
  await settings(page);
  await page.getByText("Turn the lock off", { exact: true }).click();
  await page.getByLabel("Passphrase to turn the lock off").fill("wrong one entirely");
  await page.getByRole("button", { name: "Turn off the lock" }).click();
  await page.getByRole("alert").filter({ hasText: "does not unlock" }).waitFor({ timeout: 10000 });
  await page.getByLabel("Passphrase to turn the lock off").fill(LOCK_PASSPHRASE);
  await page.getByRole("button", { name: "Turn off the lock" }).click();
  await page.getByRole("button", { name: "Turn on the lock" }).waitFor({ timeout: 10000 });
  const plain = await stored(page);
  assert.equal(plain["peercircle:lock"], undefined);
  assert.ok(JSON.stringify(plain).includes("still secret"));
  assert.deepEqual(seen.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  await context.close();
});

test("the lock closes by itself after the chosen idle time", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(server.url);
  await ready(page);
  await createProgramme(page, "Idle test");
  await saved(page);
  await turnLockOn(page, LOCK_PASSPHRASE);
  await page.getByLabel("Lock by itself after").selectOption({ label: "1 minute" });
  await saved(page);
  await page.clock.fastForward("00:40");
  assert.equal(await page.getByRole("heading", { name: "Peercircle is locked" }).count(), 0,
    "not before the minute is up");
  await page.clock.fastForward("00:30");
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  assert.equal(await page.getByText("Idle test").count(), 0);
  await context.close();
});

test("a backup file restores everything after a wipe; a damaged one changes nothing", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Backup circle ✿");
  await addGroup(page, "Tuesday group");
  await page.getByLabel("Purpose").fill("Peer support for new <b>managers</b>");
  await saved(page);
  const before = await stored(page);

  await settings(page);
  await page.getByText("No backup has been saved from this device yet.").waitFor();
  await page.getByLabel("Passphrase for the backup", { exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByLabel("Type the backup passphrase again", { exact: true }).fill(BACKUP_PASSPHRASE);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save a backup" }).click();
  const download = await downloading;
  assert.match(download.suggestedFilename(), /^peercircle-backup-\d{4}-\d{2}-\d{2}\.peercircle-backup$/);
  const file = fs.readFileSync(await download.path(), "utf8");
  assert.equal(JSON.parse(file).kind, "peercircle-backup");
  assert.ok(!file.includes("Backup circle") && !file.includes("managers"), "the file is encrypted");
  await page.getByText(/The last backup from this device was saved on \d{4}-/).waitFor();

  // A damaged file and a file that is not a backup are refused; nothing changes.
  const damaged = JSON.parse(file);
  const sealed = damaged.sealed;
  const at = Math.floor(sealed.length / 2);
  damaged.sealed = sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1);
  const pick = (name, text) => page.getByLabel("Backup file").setInputFiles(
    { name, mimeType: "application/octet-stream", buffer: Buffer.from(text) });
  await saved(page);
  const afterBackup = await stored(page);
  await pick("damaged.peercircle-backup", JSON.stringify(damaged));
  await page.getByLabel("The backup's passphrase").fill(BACKUP_PASSPHRASE);
  await page.getByRole("button", { name: "Check the backup" }).click();
  await page.getByRole("alert").filter({ hasText: /changed since it was saved|damaged/ }).waitFor({ timeout: 10000 });
  await pick("cut.peercircle-backup", file.slice(0, file.length / 2));
  await page.getByRole("button", { name: "Check the backup" }).click();
  await page.getByRole("alert").filter({ hasText: /incomplete|damaged/ }).waitFor({ timeout: 10000 });
  await pick("notes.peercircle-backup", "<script>alert(1)</script> just some notes");
  await page.getByRole("button", { name: "Check the backup" }).click();
  await page.getByRole("alert").filter({ hasText: "This is not a Peercircle backup file." }).waitFor();
  assert.deepEqual(await stored(page), afterBackup, "refused files change nothing");

  // Wipe: the typed word is required, then nothing of Peercircle is left.
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await page.getByRole("button", { name: "Wipe all Peercircle data from this browser" }).click();
  await page.getByRole("alert").filter({ hasText: "type DELETE in capital letters" }).waitFor();
  assert.deepEqual(await stored(page), afterBackup);
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Wipe all Peercircle data from this browser" }).click();
  await page.getByRole("heading", { level: 2, name: "Start a programme" }).waitFor({ timeout: 15000 });
  assert.deepEqual(await stored(page), {}, "nothing of Peercircle is left");

  // Restore: wrong passphrase first, then the summary, then replace.
  await settings(page);
  await pick("backup.peercircle-backup", file);
  await page.getByLabel("The backup's passphrase").fill("not the backup passphrase");
  await page.getByRole("button", { name: "Check the backup" }).click();
  await page.getByRole("alert").filter({ hasText: "That passphrase does not open this backup" }).waitFor({ timeout: 10000 });
  assert.deepEqual(await stored(page), {});
  await page.getByLabel("The backup's passphrase").fill(BACKUP_PASSPHRASE);
  await page.getByRole("button", { name: "Check the backup" }).click();
  await page.getByRole("heading", { name: "This backup is good" }).waitFor({ timeout: 10000 });
  await page.getByRole("listitem").filter({ hasText: "Backup circle ✿" }).waitFor();
  await page.getByText("1 programme, 1 group, 0 people, 0 sessions and 0 quotes.").waitFor();
  await page.getByRole("button", { name: "Replace everything on this device" }).click();
  await page.getByRole("button", { name: "Yes, replace it" }).click();
  await page.getByRole("link", { name: "Backup circle ✿" }).waitFor({ timeout: 15000 });
  assert.deepEqual(await stored(page), before, "the data is exactly as it was when backed up");
  await page.getByRole("link", { name: "Backup circle ✿" }).click();
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Peer support for new <b>managers</b>");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a gentle reminder to save a backup appears when changes are a week old", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date("2026-11-02T09:00:00") });
  await page.goto(server.url);
  await ready(page);
  await createProgramme(page, "Reminder circle");
  await saved(page);
  const reminder = page.getByRole("region", { name: "Backup reminder" });
  assert.equal(await reminder.count(), 0, "not on the first day");
  await page.clock.setSystemTime(new Date("2026-11-09T09:30:00"));
  await page.reload();
  await ready(page);
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /Safari, delete a website's data after a week/);
  await reminder.getByRole("button", { name: "Not now" }).click();
  await reminder.waitFor({ state: "detached" });
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await reminder.count(), 0, "not now lasts past a reload");
  await context.close();
});
