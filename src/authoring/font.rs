//! The interface font and which characters it draws.
//!
//! The full font, `assets/fonts/NotoSansSC-Tradeport.otf` (GB 18030 level 1, Traditional
//! characters and rare name characters; 11.7 MB), is read from the installation's `assets/`
//! folder at start; when it is not there, the program's own GB2312 cut
//! (`NotoSansSC-Subset.otf`, compiled in) stands in. Which characters it draws comes from the
//! font's own character map (`cmap`, format 12 or 4), read once. A text with other characters
//! shows boxes on screen.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The compiled-in GB2312 cut: the fallback.
const SMALL_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");
/// The full font's file name under `assets/fonts/`.
pub const FULL_FONT_FILE: &str = "NotoSansSC-Tradeport.otf";
/// Larger than any font the program ships: a file past this is not read.
const MAX_FONT_BYTES: u64 = 40 * 1024 * 1024;

/// The interface font: its bytes and where they came from.
#[derive(Debug)]
pub struct InterfaceFont {
    pub bytes: &'static [u8],
    /// The full font's path, or `None` for the compiled-in GB2312 cut.
    pub path: Option<PathBuf>,
    ranges: Vec<(u32, u32)>,
}

/// The installation's `assets/` folder: `$TRADEPORT_ASSETS`, next to the executable (or up to
/// three levels up, for `target/debug`), or the source tree it was built from.
pub fn assets_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADEPORT_ASSETS") {
        return Some(PathBuf::from(dir));
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe()
        && let Some(exe_dir) = exe.parent()
    {
        candidates.extend(exe_dir.ancestors().take(4).map(|a| a.join("assets")));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets"));
    candidates
        .into_iter()
        .find(|c| c.join("fonts").join(FULL_FONT_FILE).is_file())
}

/// Reads the full font, if it is a regular file of a sane size that looks like an OpenType
/// font with a character map.
fn read_full_font(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FONT_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let known = matches!(bytes.get(..4), Some(b"OTTO" | [0, 1, 0, 0]));
    (known && !segments(&bytes).unwrap_or_default().is_empty()).then_some(bytes)
}

static FONT: OnceLock<InterfaceFont> = OnceLock::new();

/// The interface font, found and read on first use.
pub fn interface_font() -> &'static InterfaceFont {
    FONT.get_or_init(|| {
        let full = assets_dir()
            .map(|dir| dir.join("fonts").join(FULL_FONT_FILE))
            .and_then(|path| read_full_font(&path).map(|bytes| (path, bytes)));
        match full {
            Some((path, bytes)) => {
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                InterfaceFont {
                    ranges: segments(bytes).unwrap_or_default(),
                    bytes,
                    path: Some(path),
                }
            }
            None => InterfaceFont {
                bytes: SMALL_FONT,
                path: None,
                ranges: segments(SMALL_FONT).unwrap_or_default(),
            },
        }
    })
}

/// Whether the interface font has a glyph for `c` (controls such as a line break are never
/// drawn, so they count as drawable).
pub fn can_draw(c: char) -> bool {
    c.is_control() || EGUI_SYMBOLS.contains(&c) || interface_font().draws(c)
}

impl InterfaceFont {
    /// Whether this font has a glyph for `c`.
    pub fn draws(&self, c: char) -> bool {
        let code = u32::from(c);
        self.ranges
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
}

/// Symbols the interface draws with egui's own fonts (its emoji and symbol fallbacks), not the
/// bundled one: seen on screen (the stars of a rating, the ticks of the dashboard, warnings).
const EGUI_SYMBOLS: [char; 8] = ['−', '✔', '✓', '✗', '⚠', '★', '☆', '✘'];

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

/// The code ranges of the font's Unicode map that lead to a glyph, sorted: from its full map
/// (format 12) when it has one, else its BMP map (format 4).
fn segments(font: &[u8]) -> Option<Vec<(u32, u32)>> {
    let cmap = cmap_offset(font)?;
    full_map(font, cmap).or_else(|| bmp_map(font, cmap))
}

fn cmap_offset(font: &[u8]) -> Option<usize> {
    let tables = usize::from(u16_at(font, 4)?);
    (0..tables)
        .find_map(|i| {
            let record = 12 + 16 * i;
            (font.get(record..record + 4)? == b"cmap").then(|| u32_at(font, record + 8))?
        })
        .map(|at| at as usize)
}

/// A format 12 map: groups of (first code, last code, first glyph), every glyph above 0.
fn full_map(font: &[u8], cmap: usize) -> Option<Vec<(u32, u32)>> {
    let subtables = usize::from(u16_at(font, cmap + 2)?);
    let format12 = (0..subtables).find_map(|i| {
        let record = cmap + 4 + 8 * i;
        let (platform, encoding) = (u16_at(font, record)?, u16_at(font, record + 2)?);
        let at = cmap + u32_at(font, record + 4)? as usize;
        (matches!((platform, encoding), (3, 10) | (0, 4)) && u16_at(font, at)? == 12).then_some(at)
    })?;
    let groups = u32_at(font, format12 + 12)? as usize;
    let mut out: Vec<(u32, u32)> = Vec::new();
    for g in 0..groups.min(font.len() / 12) {
        let at = format12 + 16 + 12 * g;
        let (start, end, glyph) = (u32_at(font, at)?, u32_at(font, at + 4)?, u32_at(font, at + 8)?);
        // A group starting at glyph 0 maps its first code to ".notdef".
        let start = if glyph == 0 { start.saturating_add(1) } else { start };
        if start > end || end > 0x10FFFF {
            continue;
        }
        match out.last_mut() {
            Some((_, last)) if *last + 1 == start => *last = end,
            _ => out.push((start, end)),
        }
    }
    out.sort_unstable();
    Some(out)
}

/// A format 4 map (the BMP). Codes whose glyphs come out as glyph 0 (".notdef") are left out
/// character by character.
fn bmp_map(font: &[u8], cmap: usize) -> Option<Vec<(u32, u32)>> {
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
    let mut out: Vec<(u32, u32)> = Vec::new();
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
                Some((_, last)) if *last + 1 == u32::from(code) => *last = u32::from(code),
                _ => out.push((u32::from(code), u32::from(code))),
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_cut_draws_latin_and_gb2312_only() {
        let ranges = segments(SMALL_FONT).unwrap_or_default();
        let small = InterfaceFont {
            bytes: SMALL_FONT,
            path: None,
            ranges,
        };
        for c in ['A', 'z', '€', '，', '汉', '堡', '丝', '绸'] {
            assert!(small.draws(c), "{c}");
        }
        // U+4DB5 (CJK extension A), 喆 and 堃 (name characters) are outside GB2312.
        for c in ['\u{4DB5}', '\u{9FA6}', '喆', '堃', '😀', '𠀀'] {
            assert!(!small.draws(c), "{c}");
        }
    }

    #[test]
    fn the_full_font_is_found_and_draws_gb18030_level_1_names_and_traditional_characters() {
        let font = interface_font();
        assert!(font.path.is_some(), "assets/fonts/{FULL_FONT_FILE} was not found");
        // GB 18030 level 1's ideographs: the unified block up to U+9FA5 and extension A.
        let missing: Vec<char> = ('\u{4E00}'..='\u{9FA5}')
            .chain('\u{3400}'..='\u{4DB5}')
            .filter(|c| !font.draws(*c))
            .collect();
        assert!(
            missing.is_empty(),
            "{} not drawn: {:?}",
            missing.len(),
            &missing[..missing.len().min(20)]
        );
        // Name characters, Traditional trade words, and an extension-B name character (𠮷).
        for c in "喆堃昇淼玥琪赟犇貿易與報關單據運費開證銀行龍\u{20BB7}".chars() {
            assert!(font.draws(c), "{c}");
        }
        assert!(!font.draws('\u{E000}'), "private-use characters are nobody's writing");
    }
}
