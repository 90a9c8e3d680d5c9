// The size a long-running programme reaches (issue 16, item 15): 2,000 people, 300 meetings
// and 12,000 flip-chart items, in headless Chromium against the release build. Prints how
// much the records take, sealed under the lock, against what the browser lets the site keep,
// and how long it takes to reach a usable programme screen. Figures only: never fails on them.
import { serve, launch, open, createProgramme, addGroup, saved, stored, ready } from "../tests/e2e/harness.mjs";

const PEOPLE = 2000;
const MEETINGS = 300;
const ITEMS_PER_MEETING = 40;
const PASSPHRASE = "a long passphrase for the capacity check";

const server = await serve();
const browser = await launch();
const { context, page } = await open(browser, server.url);
await createProgramme(page, "Capacity check");
await addGroup(page, "Big group");
await page.getByRole("button", { name: "Start the session" }).click();
await page.getByRole("heading", { level: 1, name: /Big group/ }).waitFor();
await saved(page);

// The records as a long-running programme has them, built from the app's own.
const records = await stored(page);
const programmeKey = Object.keys(records).find((k) => k.startsWith("peercircle:programme:"));
const sessionKey = Object.keys(records).find((k) => k.startsWith("peercircle:session:"));
const programme = JSON.parse(records[programmeKey]);
const session = JSON.parse(records[sessionKey]);
const settings = JSON.parse(records["peercircle:settings"]);
const group = programme.data.groups[0].id;
programme.data.participants = Array.from({ length: PEOPLE }, (_, i) => ({
  id: 100_000 + i, display_name: `Participant ${i + 1} Surname`, roles: ["peer"], groups: [group],
}));
const seeded = { [programmeKey]: JSON.stringify(programme) };
for (let m = 0; m < MEETINGS; m++) {
  const s = structuredClone(session);
  s.data.id = 200_000 + m;
  s.data.date = new Date(Date.UTC(2025, 0, 1) + m * 86_400_000).toISOString().slice(0, 10);
  s.data.present = Array.from({ length: 30 }, (_, i) => 100_000 + ((m * 7 + i) % PEOPLE));
  s.data.flip_chart = Array.from({ length: ITEMS_PER_MEETING }, (_, i) => ({
    number: i + 1, text: `Item ${i + 1} of meeting ${m + 1}: what we learned about listening first`,
    minority: i % 9 === 0, raised_by: [1 + (i % 10)], agree: i % 30,
  }));
  s.data.next_item = ITEMS_PER_MEETING + 1;
  seeded[`peercircle:session:${s.data.id}`] = JSON.stringify(s);
}
settings.data.last_id = 300_000;
seeded["peercircle:settings"] = JSON.stringify(settings);
const characters = Object.entries(seeded).reduce((n, [k, v]) => n + k.length + v.length, 0);
await page.close();

// Written straight into the browser's database from a blank page of the same origin.
const seeder = await context.newPage();
const blank = new URL("seed-storage", server.url).href;
await seeder.route(blank, (r) => r.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }));
await seeder.goto(blank);
await seeder.evaluate((entries) => new Promise((done, fail) => {
  const request = indexedDB.open("peercircle", 1);
  request.onupgradeneeded = () => request.result.createObjectStore("records");
  request.onerror = () => fail(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const tx = db.transaction("records", "readwrite");
    for (const [k, v] of Object.entries(entries)) tx.objectStore("records").put(v, k);
    tx.oncomplete = () => { db.close(); done(); };
    tx.onerror = () => fail(tx.error);
  };
}), seeded);
await seeder.close();

const app = await context.newPage();
const programmeUrl = `${server.url}#/programme/${programme.data.id}`;
let start = Date.now();
await app.goto(programmeUrl);
await app.getByRole("heading", { level: 1, name: "Capacity check" }).waitFor({ timeout: 60000 });
const openPlain = Date.now() - start;

await app.getByRole("link", { name: "Settings", exact: true }).click();
await app.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
await app.getByLabel("Type the passphrase again", { exact: true }).fill(PASSPHRASE);
await app.getByLabel(/I understand that if I forget this passphrase/).check();
start = Date.now();
await app.getByRole("button", { name: "Turn on the lock" }).click();
await app.getByRole("status").filter({ hasText: "The lock is on" }).waitFor({ timeout: 120000 });
const lockOn = Date.now() - start;

const sealed = await stored(app);
const sealedCharacters = Object.entries(sealed).reduce((n, [k, v]) => n + k.length + v.length, 0);
const [usage, quota] = await app.evaluate(async () => {
  const e = await navigator.storage.estimate();
  return [e.usage, e.quota];
});
const shown = await app.getByRole("status").filter({ hasText: "Your records take about" }).innerText();

start = Date.now();
await app.goto(programmeUrl);
await app.reload();
await app.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor({ timeout: 60000 });
const lockScreen = Date.now() - start;
await app.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
start = Date.now();
await app.getByRole("button", { name: "Unlock" }).click();
await ready(app);
await app.getByRole("heading", { level: 1, name: "Capacity check" }).waitFor({ timeout: 60000 });
const unlocked = Date.now() - start;

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`Capacity: ${PEOPLE} people, ${MEETINGS} meetings, ${MEETINGS * ITEMS_PER_MEETING} flip-chart items, ${Object.keys(seeded).length} records`);
console.log(`  records as text: ${mb(characters * 2)} (UTF-16); sealed under the lock: ${mb(sealedCharacters * 2)}`);
console.log(`  browser's estimate: ${mb(usage)} used of ${mb(quota)} allowed, ${(100 * (1 - usage / quota)).toFixed(1)}% free`);
console.log(`  Settings says: ${shown}`);
console.log(`  programme screen usable after opening (no lock): ${openPlain} ms`);
console.log(`  turning the lock on, until it is on disk and shown on: ${lockOn} ms`);
console.log(`  reload to the lock screen: ${lockScreen} ms; unlock to a usable programme screen: ${unlocked} ms`);
await browser.close();
await server.close();
