// The disclosure model in the running app: an ordinary group's report shows what was counted
// ("8 of 9 agreed", real attendance), a second file whose figures could be subtracted from the
// first hides one more figure and says why, and the list of figures already shared survives a
// reload. Data is seeded in the documented stored format.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { serve, launch, ready, saved, openSeeded as openWith } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const day = (offset) => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + offset);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-10`;
};

// Six one-to-one relationships: four under way, one ended as planned, one early.
function pairs() {
  const pair = (id, members, closure) => ({
    id, members, confirmed: day(-6), score: 0, explanation: "", ended: closure ? closure.on : null,
    contract: { commitments: "", equity_check: "", goals: [], meetings: "", review: null },
    life: { before_tracking: true, agreed: [], declined: null, first_meeting: null, signed: null, closing: null,
      closure: closure ? { rematch: [], talked: [], words: "Private words that stay here", reason: "schedule", ...closure } : null },
  });
  return [
    pair(60, [10, 11]), pair(61, [12, 13]), pair(62, [14, 15]), pair(63, [16, 17]),
    pair(64, [18, 19], { ending: "planned", on: day(-1) }),
    pair(65, [30, 31], { ending: "early", on: day(-2) }),
  ];
}

function seed(withPairs = false) {
  const env = (kind, data) => JSON.stringify({ kind, version: 1, data });
  const people = [];
  for (let i = 0; i < 10; i++) people.push({ id: 10 + i, display_name: `Mentor${i} Zyx`, groups: [2] });
  for (let i = 0; i < 3; i++) people.push({ id: 30 + i, display_name: `Protege${i} Qwv`, groups: [3] });
  const meeting = (id, group, present, text, agree) => env("session", {
    id, group, date: day(-1), phase: "Closed", guests: 0, present, next_item: 2,
    question: { question_id: null, text: "What helped this term?" },
    consent_question: "May we share these?", seating_forgotten: true,
    pairs: [{ number: 1, points: [], size: 2 }, { number: 2, points: [], size: present.length - 2 }],
    tables: [{ number: 1, pairs: [1, 2], consensus: [], minority: [] }],
    flip_chart: [{ number: 1, text, agree, minority: false, raised_by: [],
      consent: { decision: "Shareable", decided_on: day(-1), objection: false } }],
  });
  return {
    "peercircle:settings": env("settings", { last_id: 90, programme_order: [1], k: 5 }),
    "peercircle:programme:1": env("programme", {
      id: 1, name: "Riverside mentoring", organisation: "", purpose: "", archived: false,
      groups: [
        { id: 2, name: "Mentor circle", kind: "mentor_support", archived: false },
        { id: 3, name: "Protege circle", kind: "protege_support", archived: false },
      ],
      participants: people,
      ...(withPairs ? { mentoring: { pairs: pairs() } } : {}),
    }),
    "peercircle:session:40": meeting(40, 2, [10, 11, 12, 13, 14, 15, 16, 17, 18], "Having a regular slot", 8),
    "peercircle:session:41": meeting(41, 3, [30, 31, 32], "Mixing across years", 3),
  };
}

async function openSeeded(withPairs = false) {
  return openWith(browser, server, seed(withPairs), { acceptDownloads: true });
}

async function toShare(page) {
  await page.getByRole("link", { name: "Riverside mentoring", exact: true }).click();
  await page.getByRole("link", { name: "Share results" }).click();
  await page.getByRole("heading", { level: 1, name: "Share results" }).waitFor();
}

async function saveFile(page) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Save the file/ }).click()]);
  return fs.readFileSync(await d.path(), "utf8");
}

test("an ordinary group's report is worth sending, and a second file cannot be subtracted from the first", async () => {
  const { context, page, seen } = await openSeeded();
  await toShare(page);
  // The report for the mentor group alone: counted as counted.
  await page.getByRole("checkbox", { name: "Protege circle" }).uncheck();
  const readable = page.getByRole("region", { name: "What the file will hold" });
  await readable.getByText("8 of 9 agreed").waitFor();
  await readable.getByRole("row", { name: /Attendance/ }).getByText("90%").waitFor();
  await readable.getByRole("row", { name: /Different people who came/ }).getByText("9").waitFor();
  assert.equal(await readable.getByText(/Hidden in this file/).count(), 0, "nothing hidden in an ordinary report");
  if (process.env.SHOTS) await page.screenshot({ path: "shots/disclosure-report.png", fullPage: true });
  const first = await saveFile(page);
  assert.match(first, /8 of 9|>8</);
  const bytes = await page.getByLabel("The exact bytes of the file").textContent();
  assert.equal(first, bytes, "the saved file is the exact bytes shown");

  // Both groups now: 12 people against 9 would count the protege group's three.
  await page.getByRole("checkbox", { name: "Protege circle" }).check();
  const reasons = readable.getByRole("list").filter({ hasText: "is not shown" });
  await reasons.getByText(/The number of different people is not shown/).waitFor();
  assert.match(await reasons.innerText(), /fewer than 5/);
  await readable.getByRole("row", { name: /Different people who came/ }).getByText("not shown").waitFor();
  // The small group's own meeting shows only that it is small.
  await readable.locator(".meeting-preview").getByText(/People present: fewer than 5/).waitFor();
  if (process.env.SHOTS) await page.screenshot({ path: "shots/disclosure-second.png", fullPage: true });
  const second = await saveFile(page);
  assert.doesNotMatch(second, /"people":\{"shown":12\}|>12</);

  // The ledger lists both files and the threshold is now fixed; both survive a reload.
  const ledger = page.getByRole("region", { name: "Figures already shared from this device" });
  assert.equal(await ledger.getByRole("listitem").filter({ hasText: "Evaluation report" }).count(), 2);
  await page.getByText(/stays fixed for this programme/).waitFor();
  assert.equal(await page.getByLabel("Hide figures about fewer people than").count(), 0);
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Share results" }).waitFor();
  assert.equal(await page.getByRole("region", { name: "Figures already shared from this device" })
    .getByRole("listitem").filter({ hasText: "Evaluation report" }).count(), 2);
  for (const url of seen.requests) assert.ok(url.startsWith(server.origin + "/"), `request left the origin: ${url}`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a spreadsheet shows the file as a table; strict hides the small answer; the threshold refuses 2", async () => {
  const { context, page } = await openSeeded();
  await toShare(page);
  await page.getByRole("radio", { name: /Agreement counts/ }).check();
  const table = page.getByRole("table", { name: "The spreadsheet, one row per shared item" });
  await table.getByRole("row", { name: /Having a regular slot/ }).getByRole("cell", { name: "8", exact: true }).waitFor();
  await page.getByRole("checkbox", { name: /Strict/ }).check();
  await table.getByRole("row", { name: /Having a regular slot/ }).getByRole("cell", { name: "not shown" }).waitFor();
  await page.getByRole("checkbox", { name: /Strict/ }).uncheck();
  const k = page.getByLabel("Hide figures about fewer people than");
  await k.fill("2");
  await k.press("Tab");
  await page.getByText(/must be at least 3/).waitFor();
  assert.equal(await k.inputValue(), "2", "what was typed stays on screen");
  await context.close();
});

test("the report counts one-to-one relationships as a population, and their private words stay", async () => {
  const { context, page, seen } = await openSeeded(true);
  await toShare(page);
  const readable = page.getByRole("region", { name: "What the file will hold" });
  const table = readable.getByRole("table", { name: "One-to-one relationships since the programme began" });
  await table.getByRole("row", { name: /Relationships that began/ }).getByText("6", { exact: true }).waitFor();
  await table.getByRole("row", { name: /Under way now/ }).getByText("4", { exact: true }).waitFor();
  await table.getByRole("row", { name: /Ended early/ }).getByText("1", { exact: true }).waitFor();
  // Two ended: too few for a typical length.
  await table.getByRole("row", { name: /Typical length/ }).getByText(/fewer than 5 relationships/).waitFor();
  if (process.env.SHOTS) await page.screenshot({ path: "shots/disclosure-relationships.png", fullPage: true });
  const report = await saveFile(page);
  assert.match(report, /One-to-one relationships/);
  assert.doesNotMatch(report, /Private words/);
  await page.getByRole("radio", { name: /Programme file, for combining/ }).check();
  const json = JSON.parse(await page.getByLabel("The exact bytes of the file").textContent());
  assert.deepEqual(json.relationships.started, { shown: 6 });
  assert.doesNotMatch(JSON.stringify(json), /Private words/);
  for (const url of seen.requests) assert.ok(url.startsWith(server.origin + "/"), `request left the origin: ${url}`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
