// A facilitator sets up a programme and its groups; it survives a reload; delete asks first
// and can be undone; over-long input is refused without losing what was typed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, addGroup, ready } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("create a programme and groups, edit them, reload, all still there", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Nursing mentors 2027");
  await page.getByLabel("Organisation").fill("St Anne's Hospital");
  await page.getByLabel("Purpose").fill("Support new staff through their first year.");
  await addGroup(page, "Mentor circle", "Mentor peer support group");
  await addGroup(page, "New starters", "Protege peer support group");
  await page.getByRole("textbox", { name: "Group name", exact: true }).first().fill("Mentor circle (Tuesdays)");
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Nursing mentors 2027" }).waitFor();
  assert.equal(await page.getByLabel("Organisation").inputValue(), "St Anne's Hospital");
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Support new staff through their first year.");
  const names = await page.getByRole("textbox", { name: "Group name", exact: true }).evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, ["Mentor circle (Tuesdays)", "New starters"]);
  const kinds = await page.getByRole("combobox", { name: "Kind of group" }).evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(kinds, ["mentor_support", "protege_support"]);
  await page.getByRole("link", { name: "All programmes" }).click();
  await page.getByRole("link", { name: "Nursing mentors 2027" }).waitFor();
  assert.match(await page.getByRole("listitem").filter({ hasText: "Nursing mentors 2027" }).innerText(), /2 groups/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("an empty name is refused with a plain sentence; a huge one keeps what was typed", async () => {
  const { context, page } = await open(browser, server.url);
  await page.getByRole("button", { name: "Create programme" }).click();
  await page.getByText("Please give the programme a name.").waitFor();
  await createProgramme(page, "Long text check");
  const huge = "x".repeat(20001);
  await page.getByLabel("Purpose").fill(huge);
  await page.getByText(/That text is too long \(20001 characters\)/).waitFor();
  assert.equal((await page.getByLabel("Purpose").inputValue()).length, 20001, "typed text stays on screen");
  await page.getByLabel("Purpose").fill("Short again");
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Short again");
  await context.close();
});

test("hostile names are shown as text, never run", async () => {
  const { context, page, seen } = await open(browser, server.url);
  const nasty = `<img src=x onerror="window.pwned=1"> مرحبا 👋🏽 Zoë`;
  await createProgramme(page, nasty);
  await addGroup(page, `<script>window.pwned=2</script>`);
  await page.getByRole("link", { name: "All programmes" }).click();
  await page.getByRole("link", { name: nasty }).waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("deleting a group and a programme asks first and can be undone", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Short-lived");
  await addGroup(page, "Table tennis club");
  await page.getByRole("button", { name: "Delete Table tennis club" }).click();
  await page.getByText("Delete the group “Table tennis club”?").waitFor();
  await page.getByRole("button", { name: "No, keep it" }).click();
  assert.equal(await page.getByRole("textbox", { name: "Group name", exact: true }).count(), 1);
  await page.getByRole("button", { name: "Delete Table tennis club" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.getByText("Deleted the group “Table tennis club”.").waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Group name", exact: true }).count(), 0);
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("textbox", { name: "Group name", exact: true }).waitFor();

  await page.getByRole("button", { name: "Delete this programme" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.getByText("Deleted the programme “Short-lived”.").waitFor();
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("link", { name: "Short-lived" }).count(), 0, "delete was saved");
  await context.close();
});

test("archiving a programme keeps it, listed last", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Old cohort");
  await page.getByRole("button", { name: "Archive this programme" }).click();
  await page.getByText(/Archived: kept for reference/).waitFor();
  await page.getByRole("link", { name: "All programmes" }).click();
  await createProgramme(page, "New cohort");
  await page.getByRole("link", { name: "All programmes" }).click();
  const titles = await page.getByRole("heading", { level: 3 }).allInnerTexts();
  assert.deepEqual(titles, ["New cohort", "Old cohort"]);
  await context.close();
});
