// Measures, in headless Chromium against the release build, how long the session runner
// takes to respond with 60 people present and 200 flip-chart items: typing a character,
// tapping "+1 agrees", and re-rendering after an edit. Prints figures; never fails on them.
import { serve, launch, open, createProgramme, addGroup, saved, stored } from "../tests/e2e/harness.mjs";

const server = await serve();
const browser = await launch();
const { page } = await open(browser, server.url);
await createProgramme(page, "Latency check");
await addGroup(page, "Big group");
await page.getByRole("button", { name: "Start the session" }).click();
await page.getByRole("heading", { level: 1, name: /Big group/ }).waitFor();
await saved(page);
// Build a large session directly in storage, as a long-running programme would have.
{
  const records = await stored(page);
  const key = Object.keys(records).find((k) => k.startsWith("peercircle:session:"));
  const record = JSON.parse(records[key]);
  const s = record.data;
  s.guests = 60;
  s.phase = "Agreement";
  s.pairs = Array.from({ length: 30 }, (_, i) => ({ number: i + 1, size: 2, points: ["An answer"] }));
  s.seating_forgotten = true;
  s.tables = Array.from({ length: 10 }, (_, i) => ({ number: i + 1, pairs: [3 * i + 1, 3 * i + 2, 3 * i + 3].filter((p) => p <= 30), consensus: [], minority: [] }));
  s.flip_chart = Array.from({ length: 200 }, (_, i) => ({ number: i + 1, text: `Flip-chart item number ${i + 1} about learning from peers`, minority: false, raised_by: [1 + (i % 10)], agree: i % 60 }));
  s.next_item = 201;
  // Written where an older Peercircle kept records: the reload moves it in.
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, JSON.stringify(record)]);
}
await page.reload();
await page.getByRole("heading", { level: 2, name: /Step 5/ }).waitFor();

async function timed(label, action, runs = 20) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = await page.evaluate(action);
    times.push(t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(52)} median ${median.toFixed(1)} ms, worst ${times[times.length - 1].toFixed(1)} ms`);
}

// Time from the event to the next painted frame.
const untilPainted = `new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))`;
await timed("tap +1 on item 100 (200 items, 60 present)", `(async () => {
  const b = [...document.querySelectorAll("button")].find((x) => x.getAttribute("aria-label") === "One more agrees with item 100");
  const t0 = performance.now(); b.click(); await ${untilPainted}; return performance.now() - t0; })()`);
await timed("tap -1 on item 100", `(async () => {
  const b = [...document.querySelectorAll("button")].find((x) => x.getAttribute("aria-label") === "One fewer agrees with item 100");
  const t0 = performance.now(); b.click(); await ${untilPainted}; return performance.now() - t0; })()`);
await page.getByRole("button", { name: "Back to Report out" }).click();
await page.getByRole("button", { name: "Edit item 200", exact: true }).waitFor();
await timed("type one character in 'Add an item' (200 items)", `(async () => {
  const input = document.getElementById("new-item");
  const t0 = performance.now(); input.value += "x"; input.dispatchEvent(new Event("input", { bubbles: true }));
  await ${untilPainted}; return performance.now() - t0; })()`);
// An item's wording is edited in place after "Edit", and saved as it is typed.
await page.getByRole("button", { name: "Edit item 150", exact: true }).click();
await page.getByLabel("Item 150", { exact: true }).waitFor();
await timed("edit an item's wording (saved as typed)", `(async () => {
  const input = document.getElementById("item-150");
  const t0 = performance.now(); input.value = "Edited " + performance.now(); input.dispatchEvent(new Event("input", { bubbles: true }));
  await ${untilPainted}; return performance.now() - t0; })()`, 10);
const t0 = Date.now();
await page.reload();
await page.getByRole("button", { name: "Edit item 200", exact: true }).waitFor();
console.log(`${"reload and render report-out with 200 items".padEnd(52)} ${Date.now() - t0} ms`);
await saved(page);
await browser.close();
await server.close();
