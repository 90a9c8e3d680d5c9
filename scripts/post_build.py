#!/usr/bin/env python3
"""Trunk post_build hook. In the staging folder, where every file is final:
1. hashes Trunk's inline loader script and writes a strict Content-Security-Policy meta tag
   into index.html (the policy allows only this build's own files);
2. fills the service worker's list of files to keep offline and a version made from their
   contents (Trunk's file names do not change when only wasm-opt's output does).
Fails the build, loudly, if anything it expects is missing."""
import base64
import hashlib
import json
import os
import re
import sys
from pathlib import Path

MARKER = "<!-- peercircle:csp (scripts/post_build.py writes the Content-Security-Policy here) -->"


def fail(message):
    print(f"post_build: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        fail("TRUNK_STAGING_DIR is not set; run this through trunk build")
    root = Path(staging)
    index = root / "index.html"
    html = index.read_text(encoding="utf-8")

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
