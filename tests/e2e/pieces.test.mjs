// The release build is cut into the part the first screen needs and pieces loaded on first
// use (src/ui/later.rs, scripts/post_build.py). The first screen must not wait for any piece;
// a screen's piece arrives when it is opened, the keyboard focus lands on its heading, the
// service worker keeps every piece for offline use, and a piece that cannot arrive gets a
// plain sentence, never a dead page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { serve as serveDist, launch, open, createProgramme, ready, saved, serviceWorkerReady, DIST } from "./harness.mjs";

const PIECE = /\/(split|chunk)_[^/]*\.wasm$/;
const pieces = fs.readdirSync(DIST).filter((f) => PIECE.test("/" + f));

let browser;
const servers = [];
// Every server is closed at the end even when a test fails, so a failure never leaves the
// test process waiting for ever.
const serve = async (options) => { const s = await serveDist(options); servers.push(s); return s; };
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close().catch(() => {});
});

// A first visit with the service worker kept out (so every piece is fetched from the
// server, and can be made to fail): the pieces fetched and any page error are recorded.
async function visit() {
  const server = await serve();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const fetched = [];
  context.on("request", (r) => { if (PIECE.test(new URL(r.url()).pathname)) fetched.push(new URL(r.url()).pathname); });
  const errors = [];
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url);
  await ready(page);
  return { server, context, page, fetched, errors };
}

test("the release build is cut into pieces, each named by its contents", () => {
  assert.ok(pieces.length > 3, `expected the release wasm cut into pieces, found ${pieces.length}`);
  for (const f of pieces) assert.match(f, /-[0-9a-f]{16}\.wasm$/, `${f} is not named by its contents`);
  const loaders = fs.readdirSync(DIST).filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(loaders.length, 1, "one loader for the pieces, named by its contents");
  const sw = fs.readFileSync(`${DIST}/sw.js`, "utf8");
  for (const f of [...pieces, ...loaders]) assert.ok(sw.includes(`"./${f}"`), `the service worker does not keep ${f}`);
});

test("the first paint waits for one stylesheet, and the piece loader is fetched beside the glue", () => {
  const html = fs.readFileSync(`${DIST}/index.html`, "utf8");
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]);
  assert.equal(sheets.length, 1, `expected one stylesheet, found ${sheets.join(", ")}`);
  assert.deepEqual(fs.readdirSync(DIST).filter((f) => f.endsWith(".css")), sheets, "a stylesheet nobody links was left in the build");
  const css = fs.readFileSync(`${DIST}/${sheets[0]}`, "utf8");
  // Every source sheet is in it, in the order index.html lists them (the cascade depends on it).
  const sources = [...fs.readFileSync("index.html", "utf8").matchAll(/href="style\/([a-z]+)\.css"/g)].map((m) => m[1]);
  const at = sources.map((name) => css.search(new RegExp(`/\\* ${name}-[0-9a-f]+\\.css \\*/`)));
  assert.ok(at.every((i) => i >= 0), `a source stylesheet is missing: ${sources.filter((_, i) => at[i] < 0)}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, "the stylesheets were joined out of order");
  assert.match(html, /<link rel="modulepreload" href="\.\/__wasm_split-[0-9a-f]{16}\.js"[^>]*integrity="sha384-/);
});

test("the first screen opens without any piece; a screen's piece arrives when it is opened", async () => {
  const { server, context, page, fetched } = await visit();
  await page.getByRole("heading", { level: 1, name: "Programmes" }).waitFor();
  assert.deepEqual(fetched, [], "the programmes screen fetched pieces it does not need");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const heading = page.getByRole("heading", { level: 1, name: "Settings" });
  await heading.waitFor();
  assert.ok(fetched.length > 0, "opening Settings fetched no piece");
  // The keyboard focus follows the navigation to the new screen's heading.
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Settings");
  await context.close();
  await server.close();
});

test("a returning visit reads its records with the reader piece; if it cannot arrive, nothing is shown that could be saved over them", async () => {
  const { server, context, page, fetched, errors } = await visit();
  await createProgramme(page, "Read back by the reader");
  await saved(page);
  await page.goto(server.url);
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Programmes" }).waitFor();
  await page.getByText("Read back by the reader").waitFor();
  assert.ok(fetched.some((p) => /\/split_reader-/.test(p)), `the reader piece was not fetched: ${fetched}`);
  // Now the reader cannot arrive (a newer version replaced the files, say).
  await context.route(PIECE, (route) => route.abort());
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Peercircle could not open" }).waitFor();
  await page.getByText("Your saved work is untouched on this device").waitFor();
  assert.equal(await page.getByRole("heading", { level: 1, name: "Programmes" }).count(), 0,
    "an empty programmes screen was shown over records that could not be read");
  assert.equal(await page.getByRole("button", { name: "Create programme" }).count(), 0);
  await context.unroute(PIECE);
  await page.getByRole("button", { name: "Reload Peercircle" }).click();
  await page.getByText("Read back by the reader").waitFor();
  assert.deepEqual(errors, [], "no page error");
  await context.close();
  await server.close();
});

test("a piece that cannot arrive gets a plain sentence, the app keeps working, and opening it again tries again", async () => {
  const { server, context, page, errors } = await visit();
  await createProgramme(page, "Kept while pieces fail");
  await saved(page);
  // From now on every piece fails, as when a newer version replaced the files under an open
  // page or the connection dropped.
  await context.route(PIECE, (route) => route.abort());
  await page.getByRole("link", { name: "Questions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "This screen could not be opened" }).waitFor();
  await page.getByText("Nothing you entered is affected").waitFor();
  await page.getByRole("button", { name: "Reload Peercircle" }).waitFor();
  // The rest of the app still answers: the top bar's links work.
  await page.getByRole("link", { name: "Programmes", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Programmes" }).waitFor();
  await page.getByText("Kept while pieces fail").waitFor();
  // Back online, opening the screen again tries again and brings it.
  await context.unroute(PIECE);
  await page.getByRole("link", { name: "Questions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Questions" }).waitFor();
  assert.deepEqual(errors, [], "no page error");
  await context.close();
  await server.close();
});

test("after the first visit every piece is kept: with the server gone, every screen still opens", async () => {
  const server = await serve();
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Offline pieces");
  await saved(page);
  const programme = new URL(page.url()).hash;
  await serviceWorkerReady(page);
  // The worker takes this page under its care as it activates (no reload needed).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await server.close();
  for (const [hash, heading] of [
    ["#/settings", "Settings"],
    ["#/questions", "Questions"],
    [`${programme}/roster`, "Roster"],
    [`${programme}/skills`, "Skills inventory"],
    [`${programme}/follow-up`, "After the meetings"],
  ]) {
    await page.goto(server.url + hash);
    await ready(page);
    await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
  }
  await context.close();
});
