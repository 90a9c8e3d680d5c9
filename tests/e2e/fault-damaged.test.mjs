// Fault classes 12 and 10: any stored data whatsoever lets the app start. A record of each
// kind claiming absurd sizes is set aside within two seconds and the app opens; a record
// under an alias key (`programme:01`) never overwrites the real one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, open, ready, createProgramme, saved, stored, storedItem } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/stored");
const fixture = (kind) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${kind}-v1.json`), "utf8"));

// One absurd size per kind of record, in the field a reader would size something by.
const damaged = {
  "peercircle:session:9": (() => { const r = fixture("session"); r.data.guests = 100000000; return r; })(),
  "peercircle:programme:1": (() => { const r = fixture("programme");
    r.data.groups[0].id = 1e300; return r; })(),
  "peercircle:settings": (() => { const r = fixture("settings"); r.data.last_id = 18446744073709551615n;
    return r; })(),
  "peercircle:questions": (() => { const r = fixture("questions");
    r.data.questions[0].id = 18446744073709551615n; return r; })(),
  "peercircle:testimonies": (() => { const r = fixture("testimonies");
    r.data[0].source.session = 4294967296000n; r.data[0].id = 9007199254740993n; return r; })(),
};
const text = (r) => JSON.stringify(r, (_, v) => typeof v === "bigint" ? `__${v}__` : v)
  .replace(/"__(\d+)__"/g, "$1");

for (const [key, record] of Object.entries(damaged)) {
  test(`a damaged ${key.split(":")[1]} record is set aside and the app starts`, async () => {
    const { context, page, seen } = await open(browser, server.url);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, text(record)]);
    const started = Date.now();
    await page.reload();
    await ready(page);
    const alert = page.getByRole("alert").filter({ hasText: "Some saved data could not be read" });
    // Within two seconds on a quiet machine; a loaded test machine gets some slack (the
    // fault took 6 s, or never started at all).
    await alert.waitFor({ timeout: 4000 });
    assert.ok(Date.now() - started < 4000, `started in ${Date.now() - started} ms`);
    const kept = Object.keys(await stored(page));
    assert.ok(kept.some((k) => k.startsWith("peercircle:quarantine:")), "set aside");
    assert.ok(!kept.includes(key), "no longer read as a record");
    // The app works: a programme can be created and saved.
    await page.goto(server.url + "#/");
    await createProgramme(page, "Still works");
    await saved(page);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test("a programme stored under an alias key never overwrites the real one", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "The real one");
  await saved(page);
  const real = JSON.parse(await storedItem(page, "peercircle:programme:1"));
  real.data.name = "Impostor";
  await page.evaluate((t) => localStorage.setItem("peercircle:programme:01", t), JSON.stringify(real));
  await page.reload();
  await ready(page);
  await page.goto(server.url + "#/");
  await page.getByRole("link", { name: "The real one" }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Impostor" }).count(), 0);
  const after = JSON.parse(await storedItem(page, "peercircle:programme:1"));
  assert.equal(after.data.name, "The real one");
  await context.close();
});
