#!/usr/bin/env python3
"""Draws public/icon-192.png and icon-512.png to match public/icon.svg, with the standard
library only (no image tools needed). Run once after changing the icon."""
import struct
import zlib
from pathlib import Path

TEAL = (15, 82, 87)
CREAM = (247, 245, 241)
GOLD = (242, 184, 75)


def colour_at(x, y):
    """Colour of the 64x64 design at a point, or None outside the rounded square."""
    r = 14
    cx = min(max(x, r), 64 - r)
    cy = min(max(y, r), 64 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    for (px, py, c) in ((32, 15, GOLD), (17.3, 40.5, CREAM), (46.7, 40.5, CREAM)):
        if (x - px) ** 2 + (y - py) ** 2 <= 36:
            return c
    d = ((x - 32) ** 2 + (y - 32) ** 2) ** 0.5
    if 15 <= d <= 19:
        return CREAM
    return TEAL


def draw(size, path):
    samples = 4
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    x = (i + (si + 0.5) / samples) * 64 / size
                    y = (j + (sj + 0.5) / samples) * 64 / size
                    c = colour_at(x, y)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            alpha = acc[3] // n
            if alpha:
                row += bytes([acc[0] * 255 // acc[3], acc[1] * 255 // acc[3], acc[2] * 255 // acc[3], alpha])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    for size in (192, 512):
        draw(size, root / "public" / f"icon-{size}.png")
