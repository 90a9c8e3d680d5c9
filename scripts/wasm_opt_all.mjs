// Optimises many wasm files for size in one process, like `wasm-opt -Oz` on each (binaryen's
// own library, the same version as node_modules/.bin/wasm-opt). The release wasm is cut into
// a few hundred small pieces (scripts/post_build.py): starting wasm-opt once for each took
// minutes; here it is seconds. Usage: node scripts/wasm_opt_all.mjs FILE...
import fs from "node:fs";
import binaryen from "binaryen";

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(fs.readFileSync(file));
  // The pieces carry no list of the features they use: allow exactly what rustc's wasm32
  // target emits by default, so nothing newer than the browsers it targets can appear.
  const f = binaryen.Features;
  module.setFeatures(
    f.MVP | f.MutableGlobals | f.SignExt | f.NontrappingFPToInt | f.BulkMemory | f.BulkMemoryOpt |
      f.Multivalue | f.ReferenceTypes | f.CallIndirectOverlong,
  );
  if (!module.validate()) {
    console.error(`wasm_opt_all: ${file} is not valid wasm`);
    process.exit(1);
  }
  module.optimize();
  // As the command does when it is not asked to keep debug information: no names section.
  module.runPasses(["strip-debug", "strip-producers"]);
  fs.writeFileSync(file, module.emitBinary());
  module.dispose();
}
