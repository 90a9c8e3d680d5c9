// Prints the release bundle's size (wasm, js, css; raw, gzip -9, brotli -11) next to the
// budget: four times a bare Leptos counter app built the same way (about 50 KB brotli).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(import.meta.dirname, "../dist");
const COUNTER_BROTLI = 45 * 1024 + 5.4 * 1024; // measured in TOOLCHAIN.md: wasm + js glue
const kinds = { wasm: /\.wasm$/, js: /^peercircle-.*\.js$/, css: /\.css$/ };
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log("Release bundle      raw        gzip      brotli");
for (const [kind, pattern] of Object.entries(kinds)) {
  const files = fs.readdirSync(dist).filter((f) => pattern.test(f));
  const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(dist, f))));
  const sizes = {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  console.log(`${kind.padEnd(8)} ${kb(sizes.raw)} ${kb(sizes.gzip)} ${kb(sizes.brotli)}`);
}
console.log(`${"total".padEnd(8)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
console.log(`brotli total is ${(total.brotli / COUNTER_BROTLI).toFixed(2)}x a bare Leptos counter app (budget: 4x)`);
