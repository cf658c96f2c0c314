//! Making untrusted text safe to show: names, ids and file content reach the terminal, HTML
//! pages and spreadsheets, and each of those treats some characters as instructions.

/// `text` with every control character (ANSI escapes, carriage returns, backspaces) and every
/// bidirectional override shown as a visible `\u{..}` escape, cut to `max_chars` characters
/// with `…`. What comes out cannot move the cursor, recolour the terminal or reorder what is
/// printed after it, so a name cannot make `verify` appear to print another score.
pub fn printable(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(4)));
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`printable`], but keeps line breaks (for multi-line texts such as messages).
pub fn printable_lines(text: &str, max_chars: usize) -> String {
    text.split('\n')
        .map(|line| printable(line, max_chars))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Control characters, and the Unicode formatting characters that reorder text.
fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Longest name or student number shown in a report, gradebook or terminal line.
pub const MAX_SHOWN_NAME_CHARS: usize = 120;

/// A CSV cell for text that a student or a file chose (a name, a student number, an id): a
/// leading `=`, `+`, `-`, `@`, tab or carriage return is neutralised with a `'` so that a
/// spreadsheet shows it as text rather than running it as a formula (OWASP "CSV injection"),
/// control characters are made visible, and the cell is quoted when it needs to be (RFC 4180).
pub fn csv_text_cell(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    csv_quote(&printable(&neutral, MAX_SHOWN_NAME_CHARS))
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
pub fn csv_quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Text made safe inside HTML elements and attribute values; control characters are shown
/// as escapes.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push('\n'),
            c if is_unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        let name = "Li\u{1b}[2K\rverified: 100 / 100";
        let shown = printable(name, 200);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\r'), "{shown}");
        assert_eq!(shown, "Li\\u{1b}[2K\\u{d}verified: 100 / 100");
        assert_eq!(printable("a\u{202e}b", 10), "a\\u{202e}b");
        assert_eq!(printable("abcdef", 3), "abc…");
        assert_eq!(printable("李娜", 5), "李娜");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(
            csv_text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for lead in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_text_cell(lead).trim_start_matches('"').starts_with('\''), "{lead}");
        }
        assert_eq!(csv_text_cell("Li Na"), "Li Na");
        assert_eq!(csv_text_cell("Wang, Fang"), "\"Wang, Fang\"");
    }

    #[test]
    fn html_escapes_markup_and_controls() {
        assert_eq!(html("<b>\u{7}&'\""), "&lt;b&gt;\\u{7}&amp;&#39;&quot;");
    }
}
