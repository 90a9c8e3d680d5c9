// From match to closure (issue 14): confirm two pairs, each person agrees, first meeting and
// signed agreement, two coordinator contacts (one overdue shows on This week), a safety
// concern shows the programme's card and the flag until what was done is recorded, an early
// ending with its reason, and the people back in the pairing pool only after their
// new-partner date. Undo works on a step and on a confirmation. Reload and offline keep it all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, saved, ready, serviceWorkerReady, openSeeded } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const START = new Date("2027-03-01T09:00:00");
const on = (offset) => {
  const d = new Date(START);
  d.setDate(d.getDate() + offset);
  return d;
};
const iso = (offset) => {
  const d = on(offset);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

function seed() {
  const person = (id, display_name) => ({ id, display_name, groups: [2] });
  const env = (kind, data) => JSON.stringify({ kind, version: 1, data });
  const pair = (members, explanation) => ({ members, score: 5, explanation, locked: false });
  return {
    "peercircle:settings": env("settings", { last_id: 50, programme_order: [1], k: 3 }),
    "peercircle:programme:1": env("programme", {
      id: 1, name: "Nursing mentors 2027", organisation: "", purpose: "", archived: false,
      groups: [{ id: 2, name: "New starters", kind: "peer", archived: false }],
      participants: [person(4, "Ana Costa"), person(5, "Ben Okoro"), person(6, "Cleo Park"), person(7, "Dev Shah")],
      mentoring: { draft: { pairs: [pair([4, 5], "both free on Tuesdays"), pair([6, 7], "both on nights")], unpaired: [], broken: [] } },
    }),
  };
}

async function at(page, offset) {
  await page.clock.setFixedTime(on(offset));
  await page.reload();
  await ready(page);
}

async function toPairing(page) {
  await page.goto(server.url + "#/programme/1/pairing");
  await ready(page);
  await page.getByRole("heading", { level: 2, name: "Confirmed pairs" }).waitFor();
}

test("a relationship from the match to an early ending, with contacts and a safety concern", async () => {
  const { context, page, seen } = await openSeeded(browser, server, seed(), {
    hash: "#/programme/1/pairing",
    before: (page) => page.clock.setFixedTime(on(0)),
  });
  await toPairing(page);
  await page.getByRole("button", { name: "Confirm these pairs" }).click();
  const confirmed = page.getByRole("region", { name: "Confirmed pairs" });
  await confirmed.getByText(`Confirmed ${iso(0)}. Waiting for each person to agree`).first().waitFor();

  // A confirmation made by mistake is undone: Cleo and Dev go back to the pool.
  await confirmed.getByRole("link", { name: "Cleo Park and Dev Shah" }).click();
  await page.getByRole("button", { name: "Undo this confirmation" }).click();
  await page.getByRole("button", { name: "Yes, undo the confirmation" }).click();
  await page.getByRole("heading", { level: 1, name: /Pairing/ }).waitFor();
  assert.equal(await confirmed.getByRole("link").count(), 1);

  // Each person agrees; an agreement recorded by mistake is undone and recorded again.
  await confirmed.getByRole("link", { name: "Ana Costa and Ben Okoro" }).click();
  await page.getByRole("heading", { level: 1, name: "Ana Costa and Ben Okoro" }).waitFor();
  const life = page.getByRole("region", { name: "Where this pair is" });
  await life.getByText("Next: Tell Ana Costa about the match").waitFor();
  // Nothing can be skipped: there is no first-meeting button before both agreed.
  assert.equal(await life.getByRole("button", { name: "First meeting held" }).count(), 0);
  await life.getByRole("button", { name: "Ana Costa agreed" }).click();
  await life.getByText(`Ana Costa agreed on ${iso(0)}`).waitFor();
  await life.getByRole("button", { name: "Undo the last step" }).click();
  await life.getByText("Undone: the agreement.").waitFor();
  await life.getByText("Ana Costa has not agreed yet").waitFor();
  await life.getByRole("button", { name: "Ana Costa agreed" }).click();
  await life.getByRole("button", { name: "Ben Okoro agreed" }).click();
  await life.getByText("Both agreed: first meeting next").waitFor();
  // A date before the last step is refused in plain words.
  await life.getByLabel("Date of the step").fill(iso(-3));
  await life.getByRole("button", { name: "First meeting held" }).click();
  await life.getByRole("alert").getByText(/cannot be before the step recorded last/).waitFor();
  await life.getByLabel("Date of the step").fill(iso(1));
  await life.getByRole("button", { name: "First meeting held" }).click();
  await life.getByText(`First meeting held on ${iso(1)}`).waitFor();
  await life.getByRole("button", { name: "Agreement signed" }).click();
  await life.getByText(`Agreement signed on ${iso(1)}`).waitFor();
  await life.getByText("Active", { exact: true }).waitFor();

  // Two contacts: both on day 2; then Ana alone on day 16, with a safety concern.
  const contacts = page.getByRole("region", { name: "Coordinator contacts" });
  await contacts.getByText(`Next contact with Ana Costa due on ${iso(3)}.`).waitFor();
  await contacts.getByLabel("Date", { exact: true }).fill(iso(2));
  await contacts.getByLabel("How", { exact: true }).selectOption({ label: "Phone" });
  await contacts.getByLabel("Private notes (optional)").fill("Ben mentioned a house move");
  await contacts.getByRole("button", { name: "Save contact" }).click();
  await contacts.getByText("The contact is saved.").waitFor();
  await contacts.getByText(`Next contact with Ben Okoro due on ${iso(17)}.`).waitFor();
  await contacts.getByLabel("Date", { exact: true }).fill(iso(16));
  await contacts.getByRole("checkbox", { name: "Ben Okoro" }).uncheck();
  await contacts.getByRole("checkbox", { name: "There is a concern about safety or wellbeing" }).check();
  // Ticking the concern shows the card at once: the starter text until Settings has one.
  await contacts.getByRole("region", { name: "What to do and who to tell" }).getByText("Write your programme's own plan here").waitFor();
  await contacts.getByLabel("Private notes (optional)").fill("Ana is worried about a colleague");
  await contacts.getByRole("button", { name: "Save contact" }).click();
  await contacts.getByText("The contact is saved.").waitFor();
  await contacts.getByText("Needs attention: safety").first().waitFor();
  await saved(page);

  // Settings: the programme writes its own card.
  await page.goto(server.url + "#/settings");
  await page.getByLabel("Safety card for Nursing mentors 2027").fill("Call Dana Whitfield (safeguarding) on 0123 456 789 the same day.");
  await saved(page);

  // Day 25: Ben's contact is overdue on This week; the pair is flagged for safety first.
  await page.goto(server.url + "#/");
  await at(page, 25);
  const week = page.getByRole("region", { name: "This week" });
  const lines = await week.getByRole("listitem").allInnerTexts();
  assert.match(lines[0], /needs attention: safety, Ana Costa with Ben Okoro/);
  assert.ok(lines.some((l) => l.includes(`contact with Ben Okoro overdue since ${iso(17)}`)), lines.join("\n"));
  assert.ok(!lines.some((l) => l.includes("contact with Ana Costa")), "Ana's contact is not due yet");
  assert.ok(!lines.join(" ").includes("colleague"), "no private words on This week");

  // The health view: the reason and the programme's card, never the words.
  await page.goto(server.url + "#/programme/1/follow-up");
  const card = page.getByRole("article", { name: "Ana Costa with Ben Okoro" });
  const text = await card.innerText();
  assert.match(text, /Needs attention: safety/);
  assert.match(text, /Contact overdue/);
  assert.match(text, /Call Dana Whitfield/);
  assert.ok(!text.includes("colleague") && !text.includes("house move"), "no private words on the health view");
  await card.getByLabel("What was done about the concern").fill("Told Dana; she called Ana back");
  await card.getByRole("button", { name: "Save what was done" }).click();
  await page.getByRole("article", { name: "Ana Costa with Ben Okoro" }).getByText("Needs attention: safety").waitFor({ state: "detached" });

  // Edit a past contact: the first one was with Ben only, in person.
  await page.goto(server.url + "#/programme/1/pair/51");
  await page.getByRole("heading", { level: 1, name: "Ana Costa and Ben Okoro" }).waitFor();
  await contacts.getByRole("button", { name: `Edit contact of ${iso(2)}` }).click();
  await contacts.getByRole("checkbox", { name: "Ana Costa" }).uncheck();
  await contacts.getByRole("button", { name: "Save the changes" }).click();
  await contacts.getByText("The contact is changed.").waitFor();
  await contacts.getByText(`Next contact with Ana Costa due on ${iso(31)}.`).waitFor();

  // Close early with a reason; the new-partner date defaults to two weeks later.
  await page.getByText("End this relationship", { exact: true }).first().click();
  await page.getByRole("radio", { name: "Early: it ended before its end date" }).check();
  await page.getByRole("radio", { name: "It was not a good match" }).check();
  await page.getByRole("checkbox", { name: "A thank-you to each other" }).check();
  assert.equal(await page.getByLabel("Earliest date for Ana Costa").inputValue(), iso(39));
  await page.getByLabel("Private notes (optional)").last().fill("Personality clash, both relieved");
  await page.getByRole("button", { name: "End this relationship" }).click();
  const ended = page.getByRole("region", { name: "How it ended" });
  await ended.getByText(`Ended on ${iso(25)}. Early: it ended before its end date.`).waitFor();
  await ended.getByText("Main reason: It was not a good match.").waitFor();
  assert.equal(await ended.getByRole("heading", { name: "Celebrate it" }).count(), 0, "no celebration for an early ending");
  await saved(page);

  // Before the new-partner date they are left out of pairing; Cleo and Dev are proposed.
  await toPairing(page);
  await confirmed.getByText(/Closed/).waitFor();
  await page.getByRole("button", { name: "Propose pairs" }).click();
  const proposed = page.getByRole("table", { name: /Proposed pairs/ });
  await proposed.waitFor();
  let rows = await proposed.innerText();
  assert.ok(rows.includes("Cleo Park") && !rows.includes("Ana Costa"), rows);
  await page.getByRole("button", { name: "Discard this proposal" }).click();
  await page.getByRole("button", { name: "Yes, discard it" }).click();
  await saved(page);

  // On the new-partner date they are back in the pool.
  await at(page, 39);
  await page.getByRole("button", { name: "Propose pairs" }).click();
  await proposed.waitFor();
  rows = await proposed.innerText();
  assert.ok(rows.includes("Ana Costa") && rows.includes("Ben Okoro"), rows);

  // Reload and offline: the closed pair keeps its history.
  await saved(page);
  await serviceWorkerReady(page);
  await context.setOffline(true);
  await page.goto(server.url + "#/programme/1/pair/51");
  await page.reload();
  await ready(page);
  await page.getByRole("region", { name: "How it ended" }).getByText("Main reason: It was not a good match.").waitFor();
  await page.getByRole("region", { name: "Where this pair is" }).getByText(`Agreement signed on ${iso(1)}`).waitFor();
  assert.equal(await page.getByRole("region", { name: "Coordinator contacts" }).getByRole("listitem").filter({ hasText: "Safety or wellbeing concern" }).count(), 1);
  await context.setOffline(false);
  assert.deepEqual(seen.errors, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), "no request leaves the page");
  await context.close();
});
