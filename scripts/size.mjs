// Prints the release bundle's size (raw, gzip -9, brotli -11): what the first screen needs
// (the first load) and what arrives when a screen loaded on first use is opened, next to the
// budget: four times a bare Leptos counter app built the same way (about 50 KB brotli).
// Figures only: nothing here fails on a size.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(import.meta.dirname, "../dist");
const COUNTER_BROTLI = 45 * 1024 + 5.4 * 1024; // measured in TOOLCHAIN.md: wasm + js glue
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const sizes = (files) => {
  const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(dist, f))));
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    // Each file is compressed on its own when served: sum them one by one.
    brotli: files
      .map((f) => fs.readFileSync(path.join(dist, f)))
      .reduce(
        (sum, b) =>
          sum +
          zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
            .length,
        0,
      ),
  };
};
const files = fs.readdirSync(dist);
const later = (f) => /^(split|chunk)_.*\.wasm$/.test(f);
const rows = [
  ["wasm", files.filter((f) => f.endsWith(".wasm") && !later(f))],
  ["js", files.filter((f) => /^(peercircle-|__wasm_split-|sw-register).*\.js$/.test(f))],
  ["css", files.filter((f) => f.endsWith(".css"))],
  ["html", files.filter((f) => f === "index.html")],
];
console.log("First load          raw        gzip      brotli");
const total = { raw: 0, gzip: 0, brotli: 0 };
let code = 0;
for (const [kind, list] of rows) {
  const s = sizes(list);
  for (const k of Object.keys(total)) total[k] += s[k];
  if (kind === "wasm" || kind === "js") code += s.brotli;
  console.log(`${kind.padEnd(8)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
}
console.log(`${"total".padEnd(8)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
const pieces = files.filter(later).sort();
if (pieces.length > 0) {
  const s = sizes(pieces);
  console.log(
    `Loaded on first use (${pieces.length} files, kept offline from the first visit): ` +
      `${kb(s.raw).trim()} raw, ${kb(s.brotli).trim()} brotli`,
  );
  for (const f of pieces) console.log(`  ${f.padEnd(48)} ${kb(sizes([f]).brotli)}`);
}
console.log(
  `first-load code (wasm + js, brotli) is ${(code / COUNTER_BROTLI).toFixed(2)}x a bare ` +
    `Leptos counter app (aim: 4x); first load in all ${kb(total.brotli).trim()} (aim: 330 KB)`,
);
