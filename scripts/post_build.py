#!/usr/bin/env python3
"""Trunk post_build hook. In the staging folder:
0. cuts the wasm into the first-load part and the screens loaded on first use (src/ui/later.rs),
   when the build marked any (scripts/build does, for release): wasm-split-cli on cargo's
   output, wasm-bindgen and wasm-opt on each piece, the pieces named by their contents so an
   old page never runs a new piece, and Trunk's files and their integrity hashes replaced;
1. hashes Trunk's inline loader script and writes a strict Content-Security-Policy meta tag
   into index.html (the policy allows only this build's own files);
2. joins Trunk's stylesheets into one file (one request that holds up the first paint instead
   of twelve) and asks the browser to fetch the split loader alongside the glue;
3. fills the service worker's list of files to keep offline and a version made from their
   contents (Trunk's file names do not change when only wasm-opt's output does).
Fails the build, loudly, if anything it expects is missing."""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MARKER = "<!-- peercircle:csp (scripts/post_build.py writes the Content-Security-Policy here) -->"


def fail(message):
    print(f"post_build: {message}", file=sys.stderr)
    sys.exit(1)

PLACEHOLDER = b"__wasm_split_placeholder__"
LOADER = "__wasm_split.js"


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"{args[0]} failed:\n{done.stdout}\n{done.stderr}")


def content_name(path, stem, ext):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"{stem}-{digest}{ext}"


def cargo_wasm(root):
    """The wasm cargo built for this Trunk run, before wasm-bindgen."""
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        capture_output=True, text=True, cwd=os.environ.get("TRUNK_SOURCE_DIR", "."),
    )
    if meta.returncode != 0:
        fail(f"cargo metadata failed: {meta.stderr}")
    target = Path(json.loads(meta.stdout)["target_directory"])
    profile = os.environ.get("TRUNK_PROFILE", "debug")
    path = target / "wasm32-unknown-unknown" / profile / "peercircle.wasm"
    if not path.is_file():
        fail(f"cargo's wasm is not at {path}")
    return path


def split(root):
    """Returns the names of the pieces loaded on first use (empty when nothing was split)."""
    raw_path = cargo_wasm(root)
    raw = raw_path.read_bytes()
    if PLACEHOLDER not in raw:
        return []
    if b"reloc.CODE" not in raw:
        fail("this wasm marks screens to load on first use but was linked without "
             "--emit-relocs; build it with scripts/build")
    bg = [p for p in root.glob("*_bg.wasm")]
    if len(bg) != 1:
        fail(f"expected one *_bg.wasm in the staging folder, found {len(bg)}")
    stem = bg[0].name[: -len("_bg.wasm")]
    js = root / f"{stem}.js"
    if not js.is_file():
        fail(f"no {js.name} next to {bg[0].name}")
    release = os.environ.get("TRUNK_PROFILE") == "release"

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cut = tmp / "cut"
        run("wasm-split-cli", str(raw_path), str(cut), "--target", "web", "--out-name", stem)
        glue = tmp / "glue"
        run("wasm-bindgen", "--target=web", "--keep-lld-exports", "--no-typescript",
            f"--out-dir={glue}", f"--out-name={stem}", str(cut / f"{stem}.wasm"))
        pieces = sorted(p for p in cut.glob("*.wasm") if p.name != f"{stem}.wasm")
        if not pieces:
            fail("wasm-split-cli cut out no piece")
        main = glue / f"{stem}_bg.wasm"
        if release:
            run("wasm-opt", "-Oz", str(main), "-o", str(main))
            run("node", "scripts/wasm_opt_all.mjs", *map(str, pieces))

        # Name every piece by its contents, then the loader that lists them.
        loader = (cut / LOADER).read_text(encoding="utf-8")
        names = []
        for piece in pieces:
            name = content_name(piece, piece.stem, ".wasm")
            quoted = f'"./{piece.name}"'
            if loader.count(quoted) != 1:
                fail(f"the split loader names {piece.name} {loader.count(quoted)} times, not once")
            loader = loader.replace(quoted, f'"./{name}"')
            shutil.copyfile(piece, root / name)
            names.append(name)
        (cut / LOADER).write_text(loader, encoding="utf-8")
        loader_name = content_name(cut / LOADER, "__wasm_split", ".js")
        shutil.copyfile(cut / LOADER, root / loader_name)
        names.append(loader_name)

        # The glue imports the loader by its plain name: point that import at the named copy.
        glue_js = (glue / f"{stem}.js").read_text(encoding="utf-8")
        glue_js, n = re.subn(r"""(from\s+)(['"])\./__wasm_split\.js\2""",
                             lambda m: f"{m.group(1)}{m.group(2)}./{loader_name}{m.group(2)}",
                             glue_js)
        if n == 0:
            fail("the wasm-bindgen glue does not import the split loader")
        js.write_text(glue_js, encoding="utf-8")
        shutil.copyfile(main, bg[0])

    # Trunk's index.html pins both files with integrity hashes: renew them.
    index = root / "index.html"
    html = index.read_text(encoding="utf-8")
    for path in (js, bg[0]):
        hashed = sri(path)
        html, n = re.subn(
            r'(<link[^>]*href="\./' + re.escape(path.name) + r'"[^>]*integrity=")[^"]*(")',
            lambda m: m.group(1) + hashed + m.group(2), html)
        html, k = re.subn(
            r'(<link[^>]*integrity=")[^"]*("[^>]*href="\./' + re.escape(path.name) + r'")',
            lambda m: m.group(1) + hashed + m.group(2), html)
        if n + k == 0 and "integrity" in html:
            fail(f"index.html has integrity hashes but none for {path.name}")
    index.write_text(html, encoding="utf-8")
    return names


def sri(path):
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def join_stylesheets(root, html):
    """One stylesheet in place of Trunk's several, in the same order (so the cascade is the
    same): each is a request that holds up the first paint on a slow connection."""
    links = list(re.finditer(r'<link rel="stylesheet" href="\./([^"/]+\.css)"[^>]*>\s*', html))
    if len(links) < 2:
        return html
    parts = []
    for m in links:
        path = root / m.group(1)
        if not path.is_file():
            fail(f"index.html names {m.group(1)}, which is not in the staging folder")
        parts.append(f"/* {m.group(1)} */\n" + path.read_text(encoding="utf-8").rstrip() + "\n")
    joined = root / "peercircle.css"
    joined.write_text("".join(parts), encoding="utf-8")
    name = content_name(joined, "peercircle", ".css")
    joined.rename(root / name)
    for m in links:
        (root / m.group(1)).unlink()
    link = f'<link rel="stylesheet" href="./{name}" integrity="{sri(root / name)}"/>\n  '
    start, end = links[0].start(), links[-1].end()
    between = html[start:end]
    for m in links:
        between = between.replace(m.group(0), "", 1)
    return html[:start] + link + between + html[end:]


def preload_split_loader(root, html, pieces):
    """The glue imports the split loader as soon as it runs: fetch both at once."""
    loaders = [p for p in pieces if p.startswith("__wasm_split-")]
    if len(loaders) != 1:
        return html
    tag = (f'<link rel="modulepreload" href="./{loaders[0]}" crossorigin="anonymous" '
           f'integrity="{sri(root / loaders[0])}">')
    html, n = re.subn(r"(<link rel=\"modulepreload\"[^>]*>)", lambda m: m.group(1) + tag, html, count=1)
    if n != 1:
        fail("index.html has no modulepreload of the glue to put the split loader beside")
    return html


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        fail("TRUNK_STAGING_DIR is not set; run this through trunk build")
    root = Path(staging)
    pieces = split(root)
    if pieces:
        print(f"post_build: wasm cut into the first-load part and {len(pieces) - 1} pieces")
    index = root / "index.html"
    html = index.read_text(encoding="utf-8")
    html = join_stylesheets(root, html)
    html = preload_split_loader(root, html, pieces)

    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    if not inline:
        fail("no inline loader script found in index.html")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in inline
    )
    policy = "; ".join([
        "default-src 'none'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}",
        "connect-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "manifest-src 'self'",
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if MARKER in html:
        html = html.replace(MARKER, meta)
    else:
        # Trunk's release minifier drops comments: put the policy first thing in <head>.
        html, n = re.subn(r"<head>", "<head>" + meta, html, count=1)
        if n != 1:
            fail("no <head> in index.html")
    index.write_text(html, encoding="utf-8")

    sw = root / "sw.js"
    files = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name != "sw.js"
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    text = sw.read_text(encoding="utf-8")
    if "__PEERCIRCLE_FILES__" not in text:
        fail("sw.js has no __PEERCIRCLE_FILES__ placeholder")
    text = text.replace("__PEERCIRCLE_VERSION__", digest.hexdigest()[:16])
    text = text.replace("__PEERCIRCLE_FILES__", json.dumps(["./" + f for f in files]))
    sw.write_text(text, encoding="utf-8")
    print(f"post_build: CSP written, {len(files)} files listed for offline use")


if __name__ == "__main__":
    main()
