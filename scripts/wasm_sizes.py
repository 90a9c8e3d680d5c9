#!/usr/bin/env python3
"""Where the wasm's bytes go: code size per function, grouped by crate and by app module.

Reads a module that still has its name section. After `trunk build --release` that is
target/wasm-bindgen/release/peercircle_bg.wasm (before wasm-opt); for the shipped figures,
run `wasm-opt -Oz -g` on it first (-g keeps the names) and pass the result. Prints the
sections, the largest functions and the code per group. Sizes are each function's own body
(no callees): generic framework code (tachys, reactive_graph) carries the app's closures
inlined into it, so an app screen costs more than its own group shows.

    python3 scripts/wasm_sizes.py [FILE.wasm] [--top N]
"""
import collections
import re
import sys

FRAMEWORK = {
    "leptos", "tachys", "reactive_graph", "reactive_stores", "any_spawner", "or_poisoned",
    "throw_error", "next_tuple", "oco_ref", "slotmap", "send_wrapper", "guardian",
    "futures_util", "futures_channel", "futures_executor", "rustc_hash", "either_of",
    "html_escape", "wasm_bindgen_futures", "server_fn",
}
CRYPTO = {
    "argon2", "blake2", "chacha20", "poly1305", "chacha20poly1305", "aead", "zeroize",
    "universal_hash", "cipher", "base64", "digest", "password_hash", "base64ct", "subtle",
    "inout", "crypto_common", "generic_array", "hybrid_array", "cmov",
}
SECTION_NAMES = {1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
                 6: "global", 7: "export", 8: "start", 9: "element", 10: "code",
                 11: "data", 12: "datacount", 13: "tag"}


def leb(buf, i):
    result = shift = 0
    while True:
        byte = buf[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(buf):
    i, out = 8, []
    while i < len(buf):
        sid = buf[i]
        n, i = leb(buf, i + 1)
        if sid == 0:
            length, j = leb(buf, i)
            out.append(("custom:" + buf[j:j + length].decode(), i, i + n))
        else:
            out.append((SECTION_NAMES.get(sid, str(sid)), i, i + n))
        i += n
    return out


def imported_functions(buf, start):
    count, i = leb(buf, start)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, i = leb(buf, i)
            i += length
        kind = buf[i]
        i += 1
        if kind == 0:  # function: type index
            _, i = leb(buf, i)
            funcs += 1
        elif kind in (1, 2):  # table (reftype first) or memory: limits
            if kind == 1:
                i += 1
            flags, i = leb(buf, i)
            _, i = leb(buf, i)
            if flags & 1:
                _, i = leb(buf, i)
        elif kind == 3:  # global: valtype, mutability
            i += 2
        elif kind == 4:  # tag
            i += 1
            _, i = leb(buf, i)
    return funcs


def functions(buf):
    secs = {name: (s, e) for name, s, e in sections(buf)}
    first = imported_functions(buf, secs["import"][0]) if "import" in secs else 0
    count, i = leb(buf, secs["code"][0])
    sizes = []
    for _ in range(count):
        n, i = leb(buf, i)
        sizes.append(n)
        i += n
    names = {}
    if "custom:name" in secs:
        i, end = secs["custom:name"]
        i = leb(buf, i)[1] + len("name")
        while i < end:
            sub = buf[i]
            n, i = leb(buf, i + 1)
            next_sub = i + n
            if sub == 1:
                entries, i = leb(buf, i)
                for _ in range(entries):
                    idx, i = leb(buf, i)
                    length, i = leb(buf, i)
                    names[idx] = buf[i:i + length].decode("utf8", "replace")
                    i += length
            i = next_sub
    if not names:
        sys.exit("this module has no name section: use the wasm-bindgen output, or wasm-opt -g")
    return [(size, names.get(k + first, f"func{k + first}")) for k, size in enumerate(sizes)]


def group(name):
    clean = re.sub(r"\[[0-9a-f]+\]", "", name)
    m = re.search(r"([a-z_][a-z0-9_]*)::", clean)
    crate = m.group(1) if m else ""
    if "serde_json" in clean:
        return "serde_json"
    if crate == "peercircle":
        if re.search(r"serde_core::(de|ser)::|Visitor", clean):
            return "peercircle: serde derive impls"
        m = re.match(r"<?peercircle::(ui::[a-z_]+|[a-z_]+)", clean)
        module = m.group(1) if m else "?"
        if module.startswith("ui::__") or module.startswith("ui::_"):
            module = "ui (top)"
        return "peercircle::" + module
    if crate in ("serde", "serde_core"):
        return "serde (generic)"
    if crate in FRAMEWORK:
        return "leptos/tachys/reactive_graph and runtime"
    if crate in CRYPTO:
        return "crypto"
    if crate in ("core", "alloc", "std", "dlmalloc") or clean.startswith("<str>"):
        if "::slice::sort::" in clean:
            return "core: slice sorts"
        return "core/alloc/std (closure shims, drops, collections, fmt)"
    if crate in ("wasm_bindgen", "js_sys", "web_sys"):
        return "wasm_bindgen/js_sys/web_sys"
    return crate or "(unnamed: glue, memcpy, ...)"


def main():
    args = sys.argv[1:]
    top = 30
    if "--top" in args:
        k = args.index("--top")
        top = int(args[k + 1])
        del args[k:k + 2]
    path = args[0] if args else "target/wasm-bindgen/release/peercircle_bg.wasm"
    buf = open(path, "rb").read()
    print(f"{path}: {len(buf) / 1024:.1f} KB")
    for name, s, e in sections(buf):
        if e - s >= 1024:
            print(f"  section {name:<24} {(e - s) / 1024:9.1f} KB")
    funcs = functions(buf)
    total = sum(size for size, _ in funcs)
    print(f"\nLargest {top} functions (own body)")
    for size, name in sorted(funcs, reverse=True)[:top]:
        print(f"  {size / 1024:7.1f} KB  {re.sub(r'::h[0-9a-f]{16}$', '', name)[:140]}")
    groups = collections.Counter()
    for size, name in funcs:
        groups[group(name)] += size
    print(f"\nCode by group ({total / 1024:.1f} KB in {len(funcs)} functions)")
    for name, size in groups.most_common():
        if size >= 1024:
            print(f"  {size / 1024:7.1f} KB {100 * size / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
