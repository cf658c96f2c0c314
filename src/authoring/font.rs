//! Which characters the bundled interface font can draw: the character map (`cmap`, format 4)
//! of `assets/fonts/NotoSansSC-Subset.otf` (Latin, punctuation and every GB2312 character),
//! read once. A text with other characters shows boxes on screen.

use std::sync::OnceLock;

const FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// Whether the bundled font has a glyph for `c` (controls such as a line break are never
/// drawn, so they count as drawable).
pub fn can_draw(c: char) -> bool {
    if c.is_control() || EGUI_SYMBOLS.contains(&c) {
        return true;
    }
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return false;
    };
    let ranges = RANGES.get_or_init(|| segments(FONT).unwrap_or_default());
    ranges
        .binary_search_by(|(start, end)| {
            if code < *start {
                std::cmp::Ordering::Greater
            } else if code > *end {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Symbols the interface draws with egui's own fonts (its emoji and symbol fallbacks), not the
/// bundled one: seen on screen (the stars of a rating, the ticks of the dashboard, warnings).
const EGUI_SYMBOLS: [char; 8] = ['−', '✔', '✓', '✗', '⚠', '★', '☆', '✘'];

static RANGES: OnceLock<Vec<(u16, u16)>> = OnceLock::new();

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *data.get(at)?,
        *data.get(at + 1)?,
        *data.get(at + 2)?,
        *data.get(at + 3)?,
    ]))
}

/// The code ranges of the font's Unicode BMP map that lead to a glyph, sorted. Ranges whose
/// glyphs come out as glyph 0 (".notdef") are left out character by character.
fn segments(font: &[u8]) -> Option<Vec<(u16, u16)>> {
    let tables = usize::from(u16_at(font, 4)?);
    let cmap = (0..tables).find_map(|i| {
        let record = 12 + 16 * i;
        (font.get(record..record + 4)? == b"cmap").then(|| u32_at(font, record + 8))?
    })? as usize;
    let subtables = usize::from(u16_at(font, cmap + 2)?);
    let format4 = (0..subtables).find_map(|i| {
        let record = cmap + 4 + 8 * i;
        let (platform, encoding) = (u16_at(font, record)?, u16_at(font, record + 2)?);
        let at = cmap + u32_at(font, record + 4)? as usize;
        (matches!((platform, encoding), (3, 1) | (0, 3)) && u16_at(font, at)? == 4).then_some(at)
    })?;
    let count = usize::from(u16_at(font, format4 + 6)? / 2);
    let ends = format4 + 14;
    let starts = ends + 2 * count + 2;
    let deltas = starts + 2 * count;
    let offsets = deltas + 2 * count;
    let mut out: Vec<(u16, u16)> = Vec::new();
    for s in 0..count {
        let (end, start) = (u16_at(font, ends + 2 * s)?, u16_at(font, starts + 2 * s)?);
        let delta = u16_at(font, deltas + 2 * s)?;
        let range_offset = u16_at(font, offsets + 2 * s)?;
        if start == 0xFFFF || start > end {
            continue;
        }
        for code in start..=end {
            let glyph = if range_offset == 0 {
                code.wrapping_add(delta)
            } else {
                let at = offsets + 2 * s + usize::from(range_offset) + 2 * usize::from(code - start);
                match u16_at(font, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            if glyph == 0 {
                continue;
            }
            match out.last_mut() {
                Some((_, last)) if u32::from(*last) + 1 == u32::from(code) => *last = code,
                _ => out.push((code, code)),
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_gb2312_are_drawn_and_rare_characters_are_not() {
        for c in ['A', 'z', '€', '，', '汉', '堡', '丝', '绸', '\n'] {
            assert!(can_draw(c), "{c}");
        }
        // U+4DB5 (CJK extension A) and U+9FA6 are outside GB2312; emoji are past the BMP.
        for c in ['\u{4DB5}', '\u{9FA6}', '😀', '𠀀'] {
            assert!(!can_draw(c), "{c}");
        }
    }
}
