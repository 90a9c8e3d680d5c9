// Values a newer version of Peercircle wrote (a new kind of group, a new step of a meeting)
// are shown in plain words, never a reason to set the programme aside, and an edit in this
// version keeps them exactly as stored.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, ready, saved, openSeeded, storedItem } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const fixture = (name) => JSON.parse(fs.readFileSync(
  path.resolve(import.meta.dirname, `../fixtures/stored/${name}.json`), "utf8"));

function records() {
  const settings = { kind: "settings", version: 2,
    data: { last_id: 20, programme_order: [1] } };
  const programme = { kind: "programme", version: 2, data: {
    id: 1, name: "Elders' circle", organisation: "", purpose: "",
    groups: [{ id: 2, name: "Elders", kind: "circle_of_elders", archived: false }],
  } };
  const session = fixture("session-v2");
  session.data.phase = "Reflection";
  return {
    "peercircle:settings": JSON.stringify(settings),
    "peercircle:programme:1": JSON.stringify(programme),
    "peercircle:session:9": JSON.stringify(session),
  };
}

test("a newer kind of group and a newer step are shown, read-only, and kept through an edit", async () => {
  const { context, page, seen } = await openSeeded(browser, server, records(), { hash: "#/programme/1" });
  await page.getByRole("heading", { level: 1, name: "Elders' circle" }).waitFor();
  // Nothing was set aside.
  assert.equal(await page.getByText("could not be read").count(), 0);
  // The group's kind is shown as what it is, not as another kind.
  const kind = page.getByRole("combobox", { name: "Kind of group", exact: true });
  assert.equal(await kind.evaluate((s) => s.selectedOptions[0]?.textContent),
    "A kind of group this version does not know");
  assert.equal(await kind.getByRole("option", { name: "A kind of group this version does not know" })
    .evaluate((o) => o.disabled), true, "it cannot be chosen");

  // The meeting opens read-only, with the sentence.
  await page.goto(server.url + "#/session/9");
  await ready(page);
  await page.getByText("This meeting is at a step this version of Peercircle does not know. Open it in the newest version to carry on.").waitFor();
  assert.equal(await page.getByRole("button", { name: /Next|Back/ }).count(), 0, "no stepping");
  assert.equal(await page.getByRole("navigation", { name: /steps/i }).count(), 0);

  // An edit elsewhere in the programme saves, and keeps what the newer version wrote.
  await page.goto(server.url + "#/programme/1");
  await ready(page);
  await page.getByLabel("Programme name").fill("Elders' circle, renamed");
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Elders' circle, renamed" }).waitFor();
  const stored = [
    JSON.parse(await storedItem(page, "peercircle:programme:1")),
    JSON.parse(await storedItem(page, "peercircle:session:9")),
  ];
  assert.equal(stored[0].data.name, "Elders' circle, renamed");
  assert.equal(stored[0].data.groups[0].kind, "circle_of_elders");
  assert.equal(stored[1].data.phase, "Reflection");
  assert.ok(!JSON.stringify(stored).includes("unknown_to_this_version"), "the marker is never stored");
  assert.deepEqual(seen.errors, []);
  await context.close();
});
