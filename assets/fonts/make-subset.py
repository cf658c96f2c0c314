#!/usr/bin/env python3
"""Regenerate the Chinese-capable UI fonts for egui from Noto Sans CJK SC.

NotoSansSC-Subset.otf (compiled into the program, the fallback when the full font is not found)
covers GB2312; NotoSansSC-Tradeport.otf (loaded from assets/fonts at start) covers GB 18030
implementation level 1 (every 2-byte character but the private-use ones, and CJK Extension A),
all of Noto's CJK Unified Ideographs (Traditional characters among them) and its characters of
Extensions B to F (rare name characters such as those of the Table of General Standard Chinese
Characters).

Source: Debian's fonts-noto-cjk package (Noto Sans CJK, Regular weight),
face "Noto Sans CJK SC" of the .ttc collection.

Coverage: printable ASCII, Latin-1 Supplement, General Punctuation
(U+2000-206F), Currency Symbols (U+20A0-20CF), Arrows (U+2190-21FF),
CJK Symbols and Punctuation (U+3000-303F), Halfwidth and Fullwidth Forms
(U+FF00-FFEF), and every character of GB2312.

Usage (needs `apt-get install fonts-noto-cjk` and `pip install fonttools`):

    python3 assets/fonts/make-subset.py [SOURCE_TTC]

Default source: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc; both fonts are
written next to this script. Licence: see
NotoSansSC-Subset.LICENSE.txt (SIL Open Font License 1.1).
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SMALL = os.path.join(HERE, "NotoSansSC-Subset.otf")
FULL = os.path.join(HERE, "NotoSansSC-Tradeport.otf")

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


def gb18030_level1_chars():
    """GB 18030 implementation level 1: every 2-byte character (private-use ones left out:
    they are no one's writing) and CJK Unified Ideographs Extension A."""
    chars = set()
    for b1 in range(0x81, 0xFF):
        for b2 in list(range(0x40, 0x7F)) + list(range(0x80, 0xFF)):
            try:
                c = bytes([b1, b2]).decode("gb18030")
            except UnicodeDecodeError:
                continue
            if not 0xE000 <= ord(c) <= 0xF8FF:
                chars.add(c)
    chars.update(chr(cp) for cp in range(0x3400, 0x4DC0))
    return chars


def sc_font_number(path):
    """Index of the face whose family name contains 'SC' (not the Mono one)."""
    coll = TTCollection(path)
    for i, font in enumerate(coll.fonts):
        name = font["name"].getDebugName(1) or ""
        if "SC" in name.split() and "Mono" not in name:
            return i
    raise SystemExit(f"no SC face in {path}")


def subset_to(number, codepoints, out):
    unicodes = ",".join(f"U+{cp:04X}" for cp in sorted(codepoints))
    subset.main([
        SRC,
        f"--font-number={number}",
        f"--unicodes={unicodes}",
        "--no-hinting",
        f"--output-file={out}",
    ])
    font = TTFont(out)
    print(f"wrote {out}: {os.path.getsize(out)} bytes, {len(font.getGlyphOrder())} glyphs")


def main():
    base = set()
    for lo, hi in RANGES:
        base.update(range(lo, hi + 1))
    number = sc_font_number(SRC)
    gb = gb2312_chars()
    subset_to(number, base | {ord(c) for c in gb}, SMALL)

    face = TTCollection(SRC).fonts[number]
    drawn = set(face.getBestCmap())
    ideographs = {cp for cp in drawn if 0x4E00 <= cp <= 0x9FFF or 0x20000 <= cp <= 0x2FA1F or 0xF900 <= cp <= 0xFAFF}
    level1 = {ord(c) for c in gb18030_level1_chars()}
    wanted = base | level1 | ideographs
    print(f"source {SRC} face #{number}; GB 18030 level 1: {len(level1)} characters, "
          f"{len(level1 - drawn)} of them not in the font")
    subset_to(number, wanted & drawn, FULL)


if __name__ == "__main__":
    main()
