// Fault classes 2 and 3: records written by a newer version of Peercircle. A change that
// would overwrite one is refused in plain words (never shown as saved), new ids never collide
// with what is kept, and fields this version does not know survive its load and save.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, ready, storedItem } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const newerSettings = JSON.stringify({ kind: "settings", version: 99,
  data: { last_id: 1, programme_order: [1], future_setting: "kept" } });
const newerProgramme = JSON.stringify({ kind: "programme", version: 99,
  data: { id: 1, name: "From the newer version", groups: [] } });

test("typing next to a newer version's records is refused out loud and nothing is lost", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await page.evaluate(([s, p]) => {
    localStorage.setItem("peercircle:settings", s);
    localStorage.setItem("peercircle:programme:1", p);
  }, [newerSettings, newerProgramme]);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 2, name: "Start a programme" }).waitFor();
  await page.getByLabel("Programme name").fill("Typed in the older version");
  await page.getByRole("button", { name: "Create programme" }).click();
  await page.getByText("a newer version of Peercircle saved on this device").first().waitFor();
  // What was typed stays on screen, and nothing claims to be saved.
  assert.equal(await page.getByLabel("Programme name").inputValue(), "Typed in the older version");
  assert.equal(await page.getByRole("heading", { level: 1, name: "Typed in the older version" }).count(), 0,
    "no programme is shown as created");
  const stored = [await storedItem(page, "peercircle:settings"),
    await storedItem(page, "peercircle:programme:1")];
  assert.deepEqual(stored, [newerSettings, newerProgramme], "the newer records are untouched");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("an older build's stored shape with extra fields keeps them through an edit", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Round trip");
  await saved(page);
  const grown = JSON.parse(await storedItem(page, "peercircle:programme:1"));
  grown.data.colour = "teal";
  grown.data.future = { nested: [1, 2, 3] };
  // As an older build writes it: where it kept records.
  await page.evaluate((t) => localStorage.setItem("peercircle:programme:1", t), JSON.stringify(grown));
  await page.reload();
  await ready(page);
  await page.getByLabel("Purpose").fill("Edited by this version");
  await saved(page);
  const record = JSON.parse(await storedItem(page, "peercircle:programme:1"));
  assert.equal(record.data.colour, "teal");
  assert.deepEqual(record.data.future, { nested: [1, 2, 3] });
  assert.equal(record.data.purpose, "Edited by this version");
  assert.ok(record.version >= 2, "the grown shape has a newer format number");
  await context.close();
});
