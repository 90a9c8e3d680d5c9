// Lighthouse's mobile audit of the release build (dist/), the way a tablet on a slow
// connection meets Peercircle for the first time: served from loopback by a static server
// that compresses (brotli, as most hosting does), and again by one that does not (common on
// intranets). Prints figures only; nothing here passes or fails.
//
// Lighthouse lives in its own folder (benches/lighthouse) so the test command never installs
// it; scripts/bench does. It drives the machine's Debian Chromium.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const dist = path.resolve(import.meta.dirname, "../../dist");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain",
};
const compressible = new Set([".html", ".js", ".wasm", ".css", ".json", ".webmanifest", ".svg", ".txt"]);
const brotli = new Map();

// Compressed once, before the server starts, as a host that keeps compressed copies does
// (compressing a 1 MB file at the best setting takes a second or two, and doing it on the
// first request held up every other file behind it).
function precompress() {
  for (const entry of fs.readdirSync(dist, { recursive: true })) {
    const file = path.join(dist, entry);
    if (!fs.statSync(file).isFile() || !compressible.has(path.extname(file))) continue;
    brotli.set(file, zlib.brotliCompressSync(fs.readFileSync(file), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }));
  }
}

function serve(compress) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    const headers = { "Content-Type": types[ext] ?? "application/octet-stream", "Cache-Control": "no-cache" };
    let body = fs.readFileSync(file);
    if (compress && compressible.has(ext) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = brotli.get(file) ?? body;
      if (brotli.has(file)) headers["Content-Encoding"] = "br";
      headers["Vary"] = "Accept-Encoding";
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

precompress();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
try {
  for (const [label, compress] of [
    ["a static server that compresses (brotli)", true],
    ["a plain static server (no compression)", false],
  ]) {
    const server = await serve(compress);
    const url = `http://127.0.0.1:${server.address().port}/`;
    const audit = () =>
      lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
      });
    // A freshly started browser sometimes reports no paint on its first page; one retry.
    let result = await audit();
    if (result.lhr.runtimeError) result = await audit();
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      console.log(`== Lighthouse could not measure ${label}: ${lhr.runtimeError.message}`);
      server.close();
      continue;
    }
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const value = (a) => lhr.audits[a]?.numericValue ?? NaN;
    console.log(`== Lighthouse ${lhr.lighthouseVersion}, mobile (simulated slow 4G, 4x slower CPU), ${label}`);
    console.log(`performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}`);
    console.log(
      `first contentful paint ${fmt(value("first-contentful-paint"))}, largest contentful paint ` +
        `${fmt(value("largest-contentful-paint"))}, interactive ${fmt(value("interactive"))}, ` +
        `total blocking time ${Math.round(value("total-blocking-time"))} ms`,
    );
    console.log(`bytes transferred on first load: ${(value("total-byte-weight") / 1024).toFixed(0)} KB`);
    // What the largest paint was, and where its time went (Lighthouse's own breakdown).
    for (const item of lhr.audits["largest-contentful-paint-element"]?.details?.items ?? []) {
      for (const row of item.items ?? []) {
        if (row.node) console.log(`  largest paint: ${row.node.nodeLabel ?? row.node.snippet}`);
        if (row.phase) console.log(`  ${row.phase}: ${Math.round(row.timing)} ms`);
      }
    }
    // Where the largest paint's time goes, by Lighthouse's own model: once with the CPU not
    // slowed, once with the network not limited. (Measured 2026-12-03: the CPU changed
    // nothing and the network took 1.2 s off, so only fewer first-load bytes move it.)
    if (compress) {
      for (const [what, throttling] of [
        ["CPU not slowed", { rttMs: 150, throughputKbps: 1638.4, cpuSlowdownMultiplier: 1 }],
        ["network not limited", { rttMs: 150, throughputKbps: 1e6, cpuSlowdownMultiplier: 4 }],
      ]) {
        const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] }, {
          extends: "lighthouse:default",
          settings: { formFactor: "mobile", throttlingMethod: "simulate", throttling: { ...throttling, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } },
        });
        const lcp = r.lhr.audits["largest-contentful-paint"]?.numericValue;
        console.log(`  largest contentful paint with the ${what}: ${lcp === undefined ? "not measured" : fmt(lcp)}`);
      }
    }
    server.close();
    if (process.env.LIGHTHOUSE_REPORT_DIR) {
      const file = path.join(process.env.LIGHTHOUSE_REPORT_DIR, `lighthouse-${compress ? "compressing" : "plain"}.json`);
      fs.writeFileSync(file, JSON.stringify(lhr));
      console.log(`  full report: ${file}`);
    }
    for (const c of ["accessibility", "best-practices"]) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a && a.score !== null && a.score < 1) console.log(`  ${c}: ${a.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
}
