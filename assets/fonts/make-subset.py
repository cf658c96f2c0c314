#!/usr/bin/env python3
"""Regenerate NotoSansSC-Subset.otf, the Chinese-capable UI font for egui.

Source: Debian's fonts-noto-cjk package (Noto Sans CJK, Regular weight),
face "Noto Sans CJK SC" of the .ttc collection.

Coverage: printable ASCII, Latin-1 Supplement, General Punctuation
(U+2000-206F), Currency Symbols (U+20A0-20CF), Arrows (U+2190-21FF),
CJK Symbols and Punctuation (U+3000-303F), Halfwidth and Fullwidth Forms
(U+FF00-FFEF), and every character of GB2312.

Usage (needs `apt-get install fonts-noto-cjk` and `pip install fonttools`):

    python3 assets/fonts/make-subset.py [SOURCE_TTC] [OUTPUT_OTF]

Defaults: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc and
NotoSansSC-Subset.otf next to this script. Licence: see
NotoSansSC-Subset.LICENSE.txt (SIL Open Font License 1.1).
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "NotoSansSC-Subset.otf")

RANGES = [
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (€, ₩, ...)
    (0x2190, 0x21FF),  # Arrows
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def gb2312_chars():
    """Every character encodable as a 2-byte GB2312 sequence."""
    chars = set()
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def sc_font_number(path):
    """Index of the face whose family name contains 'SC' (not the Mono one)."""
    coll = TTCollection(path)
    for i, font in enumerate(coll.fonts):
        name = font["name"].getDebugName(1) or ""
        if "SC" in name.split() and "Mono" not in name:
            return i
    raise SystemExit(f"no SC face in {path}")


def main():
    codepoints = set()
    for lo, hi in RANGES:
        codepoints.update(range(lo, hi + 1))
    gb = gb2312_chars()
    codepoints.update(ord(c) for c in gb)
    number = sc_font_number(SRC)
    print(f"source {SRC} face #{number}; {len(gb)} GB2312 chars, {len(codepoints)} code points requested")

    unicodes = ",".join(f"U+{cp:04X}" for cp in sorted(codepoints))
    subset.main([
        SRC,
        f"--font-number={number}",
        f"--unicodes={unicodes}",
        "--no-hinting",
        f"--output-file={OUT}",
    ])

    font = TTFont(OUT)
    print(f"wrote {OUT}: {os.path.getsize(OUT)} bytes, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main()
