// Every address either opens its screen or the one "not found" screen, which says what is
// missing in plain words and offers the way back; a reload keeps the screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, createProgramme, ready } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("addresses that name nothing, or something deleted, get one not-found screen with a way back", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Routes check");
  const programme = new URL(page.url()).hash; // #/programme/N
  const cases = [
    ["#/nowhere/at/all", "Page not found", "Go to your programmes", "Programmes"],
    ["#/programme/999999", "Programme not found", "Go to your programmes", "Programmes"],
    ["#/session/999999", "Session not found", "Go to your programmes", "Programmes"],
    [`${programme}/plan/999999`, "Not found", "Back to the programme", "Routes check"],
    [`${programme}/group/999999`, "Not found", "Back to the programme", "Routes check"],
    [`${programme}/pair/999999`, "Not found", "Back to pairing", "Pairing"],
  ];
  for (const [hash, heading, back, lands] of cases) {
    await page.goto(server.url + hash);
    await ready(page);
    await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
    await page.reload();
    await ready(page);
    await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
    await page.getByRole("link", { name: back }).click();
    await page.getByRole("heading", { level: 1, name: lands }).first().waitFor();
  }
  // Every screen under the programme's address still opens (one table makes them all).
  for (const [suffix, name] of [["/roster", "Roster"], ["/share", "Share results"], ["/follow-up", "After the meetings"], ["/skills", "Skills inventory"], ["/pairing", "Pairing"]]) {
    await page.goto(server.url + programme + suffix);
    await ready(page);
    await page.getByRole("heading", { level: 1, name }).first().waitFor();
    assert.equal(await page.getByRole("heading", { level: 1, name: /not found/i }).count(), 0, suffix);
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});
