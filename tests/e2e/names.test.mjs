// Every name this device knows is looked for in what is shared: "Also known as" names typed on
// the roster (kept exactly as typed, across a reload), names disguised with dots or glued into
// a hashtag, and the names of people taken off the roster.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, addGroup, ready } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function addPoint(page, label, text) {
  await page.getByLabel(`Add to ${label}`, { exact: true }).fill(text);
  await page.getByLabel(`Add to ${label}`, { exact: true }).press("Enter");
  await page.getByRole("list", { name: label, exact: true }).getByRole("listitem").filter({ hasText: text }).waitFor();
}

test("also-known-as names, disguises and removed people block a shared file", async () => {
  const { page, seen } = await open(browser, server.url);
  await createProgramme(page, "Names check");
  await addGroup(page, "Circle", "Mentor peer support group");
  await saved(page);
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByLabel("Names, one per line").fill("Robert Jones\nMaria Lopez");
  await page.getByRole("button", { name: "Add these names" }).click();
  await page.getByText("Added 2 people.").waitFor();

  await page.getByRole("button", { name: "Edit Robert Jones" }).click();
  const aka = page.getByLabel("Also known as");
  await aka.fill("Bobby, Rob\nРоберт");
  await saved(page);
  if (process.env.SHOTS) await page.screenshot({ path: "shots/roster-also-known-as.png", fullPage: true });
  await page.reload();
  await ready(page);
  await page.getByRole("button", { name: "Edit Robert Jones" }).click();
  assert.equal(await page.getByLabel("Also known as").inputValue(), "Bobby, Rob\nРоберт", "kept as typed");

  // Taking Maria off the roster keeps her name on the list of names still looked for.
  await page.getByRole("button", { name: "Edit Maria Lopez" }).click();
  await page.getByRole("button", { name: "Remove Maria Lopez" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.getByText("People taken off the roster (1)").click();
  await page.getByRole("button", { name: "Forget Maria Lopez" }).waitFor();
  await saved(page);
  if (process.env.SHOTS) await page.screenshot({ path: "shots/roster-removed.png", fullPage: true });

  await page.getByRole("link", { name: "Names check" }).first().click();
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByLabel("Guests (people here who are not on the roster)").fill("8");
  await page.getByLabel("Guests (people here who are not on the roster)").press("Tab");
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("button", { name: "Next: Tables" }).click();
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  await addPoint(page, "Table A's shared answer", "B.o.b.b.y had a good rota idea");
  await addPoint(page, "Table A's shared answer", "Thanks to #teamMaria for the cover");
  await page.getByRole("button", { name: "Next: Report out" }).click();
  await page.getByRole("button", { name: "Bring every table's answers to the flip chart" }).click();
  await page.getByRole("button", { name: "Next: Agreement" }).click();
  for (const n of [1, 2]) {
    await page.getByRole("spinbutton", { name: `People agreeing with item ${n}` }).fill("6");
    await page.getByRole("spinbutton", { name: `People agreeing with item ${n}` }).press("Tab");
  }
  await page.getByRole("button", { name: "Next: Consent" }).click();
  for (const n of [1, 2]) await page.getByRole("group", { name: new RegExp(`^Item ${n}:`) }).getByRole("radio", { name: "May be shared" }).check();
  await saved(page);

  await page.getByRole("link", { name: "Names check" }).first().click();
  await page.getByRole("link", { name: "Share results" }).click();
  const blocked = page.getByRole("alert").filter({ hasText: "This file cannot be made yet" });
  await blocked.waitFor();
  const why = await blocked.innerText();
  assert.match(why, /B\.o\.b\.b\.y/, "an alias spelled out with dots");
  assert.match(why, /'Maria'/, "a removed person's name glued into a hashtag");
  assert.equal(await page.getByRole("button", { name: /Save the file/ }).count(), 0);
  assert.deepEqual(seen.errors, []);
});
