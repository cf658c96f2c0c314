//! Reading scenario and rule-pack text into the raw file types, with `file:line:col`,
//! the field path and a hint for every syntax or shape error.

use std::path::Path;

use ron::Error as RonError;
use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::{Diagnostic, LineCol, suggestion};
use super::file::{FORMAT_VERSION, RulePackFile, ScenarioFile};

/// Files larger than this are refused before parsing (a scenario is a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`] and anything that is
/// not a regular file (a device, a FIFO, a folder).
///
/// # Errors
/// A diagnostic naming the file when it cannot be read, is too large or is not UTF-8.
pub fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    let bytes = read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
        too_large @ BoundedReadError::TooLarge { .. } => Diagnostic::at_path(label, "", too_large.to_string())
            .with_hint("a scenario is a few kilobytes; move images and long texts into assets/"),
        other => Diagnostic::at_path(label, "", other.to_string()),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).to_string();
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let mut d = Diagnostic::at_path(label, "", "file is not valid UTF-8")
            .with_hint("save the file as UTF-8; files saved as GBK/GB18030 or UTF-16 show this error");
        d.at = Some(LineCol { line, col });
        d
    })
}

/// Why [`read_bounded`] read nothing.
#[derive(Debug, thiserror::Error)]
pub enum BoundedReadError {
    #[error("{0}")]
    Io(String),
    #[error("not a regular file (a folder, device or pipe is never read)")]
    NotRegular,
    #[error("file is {} bytes, over the limit of {limit} bytes", size.map_or("more than that".to_string(), |s| s.to_string()))]
    TooLarge { limit: u64, size: Option<u64> },
}

/// Reads at most `limit` bytes of a regular file. The file is opened without blocking (a FIFO
/// put where a file was expected cannot hang the game), checked to be a regular file on the
/// open handle (no race with a swap), and read up to `limit + 1` bytes, so neither a growing
/// file nor `/dev/zero` is read without bound.
///
/// # Errors
/// [`BoundedReadError`]: the I/O problem, not a regular file, or over `limit`.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedReadError> {
    use std::io::Read as _;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Opening a FIFO for reading would otherwise wait for a writer.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| BoundedReadError::Io(io_reason(&e)))?;
    let meta = file.metadata().map_err(|e| BoundedReadError::Io(io_reason(&e)))?;
    if !meta.is_file() {
        return Err(BoundedReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(BoundedReadError::TooLarge {
            limit,
            size: Some(meta.len()),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| BoundedReadError::Io(io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(BoundedReadError::TooLarge { limit, size: None });
    }
    Ok(bytes)
}

/// Reads a regular UTF-8 text file of at most `limit` bytes (saves, reports, settings).
///
/// # Errors
/// A sentence saying what is wrong.
pub fn read_bounded_text(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = read_bounded(path, limit).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "file is not valid UTF-8".to_string())
}

/// A platform-neutral sentence for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read file: {e}"),
    }
}

/// Refuses sizes over [`MAX_FILE_BYTES`].
///
/// # Errors
/// A diagnostic when `size` is over the limit.
pub fn check_size(label: &str, size: u64) -> Result<(), Diagnostic> {
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::at_path(
            label,
            "",
            format!("file is {size} bytes, over the limit of {MAX_FILE_BYTES} bytes"),
        )
        .with_hint("a scenario is a few kilobytes; move images and long texts into assets/"));
    }
    Ok(())
}

/// Parses scenario text.
///
/// # Errors
/// Every problem found, each with position, field path and hint.
pub fn parse_scenario(label: &str, text: &str) -> Result<ScenarioFile, Vec<Diagnostic>> {
    parse_versioned(label, text)
}

/// Parses rule-pack text.
///
/// # Errors
/// As [`parse_scenario`].
pub fn parse_rule_pack(label: &str, text: &str) -> Result<RulePackFile, Vec<Diagnostic>> {
    parse_versioned(label, text)
}

/// Just the `format` field, read leniently so that a newer file is named as such
/// instead of failing on fields this build does not know.
#[derive(Deserialize)]
struct FormatProbe {
    #[serde(default)]
    format: Option<u32>,
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn parse_versioned<T: DeserializeOwned>(label: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    if let Err(d) = check_size(label, text.len() as u64) {
        return Err(vec![d]);
    }
    // Notepad and WPS save UTF-8 with a byte-order mark; it is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::at_path(label, "", "the file is empty").with_hint(
            "a scenario starts with `(format: 1, meta: (...), setup: (...))`; `tradeport new --mode b2b FILE` writes one to start from",
        )]);
    }
    if let Ok(FormatProbe { format: Some(version) }) = ron_options().from_str::<FormatProbe>(text)
        && version != FORMAT_VERSION
    {
        let hint = if version > FORMAT_VERSION {
            "this file was written for a newer Tradeport; update the game".to_string()
        } else {
            format!("set `format: {FORMAT_VERSION}` and check the file against docs/scenario-format.md")
        };
        return Err(vec![
            Diagnostic::at_path(
                label,
                "format",
                format!("unsupported format version {version}; this build reads version {FORMAT_VERSION}"),
            )
            .with_hint(hint),
        ]);
    }
    parse_ron(label, text).map_err(|d| vec![d])
}

/// Parses RON into `T`, turning the first syntax or shape error into a diagnostic.
///
/// # Errors
/// The first problem ron finds: later ones depend on how this one is fixed.
pub fn parse_ron<T: DeserializeOwned>(label: &str, text: &str) -> Result<T, Diagnostic> {
    let options = ron_options();
    let mut de = match ron::Deserializer::from_str_with_options(text, &options) {
        Ok(de) => de,
        Err(e) => return Err(spanned_to_diagnostic(label, text, "", &e)),
    };
    let value = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => value,
        Err(e) => {
            let path = clean_path(&e.path().to_string());
            let spanned = de.span_error(e.into_inner());
            return Err(spanned_to_diagnostic(label, text, &path, &spanned));
        }
    };
    if let Err(e) = de.end() {
        let spanned = de.span_error(e);
        return Err(spanned_to_diagnostic(label, text, "", &spanned));
    }
    Ok(value)
}

/// serde_path_to_error marks unknown segments with `?`; drop them.
fn clean_path(path: &str) -> String {
    let mut p = path;
    while let Some(rest) = p.strip_suffix(".?") {
        p = rest;
    }
    if p == "." || p == "?" {
        String::new()
    } else {
        p.to_string()
    }
}

fn spanned_to_diagnostic(label: &str, text: &str, path: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let (mut message, mut hint) = describe(&e.code);
    // ron's own messages start with a capital ("Expected comma"); ours do not.
    if let Some(first) = message.chars().next()
        && first.is_ascii_uppercase()
        && message.chars().nth(1).is_some_and(|c| c.is_ascii_lowercase())
    {
        message = first.to_ascii_lowercase().to_string() + &message[1..];
    }
    // ron reports some errors at the whitespace before the value; point at the value itself.
    let line_text = text.lines().nth(e.span.start.line.saturating_sub(1)).unwrap_or("");
    let mut col = e.span.start.col;
    let skipped = line_text
        .chars()
        .skip(col.saturating_sub(1))
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    let rest: String = line_text.chars().skip(col.saturating_sub(1) + skipped).collect();
    if !rest.is_empty() {
        col += skipped;
    }
    if matches!(e.code, RonError::ExpectedString) {
        let token: String = rest
            .chars()
            .take_while(|c| !matches!(c, ',' | ')' | ']' | ' '))
            .collect();
        if token.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            message = format!("expected a string in double quotes, found the number {token}");
            hint = Some(format!(
                "write it in quotes, e.g. \"{token}\"; money, rates and percentages are strings so they stay exact"
            ));
        }
    }
    if let Some(named) = full_width_near(line_text, e.span.start.col) {
        hint = Some(named);
    }
    Diagnostic {
        file: label.to_string(),
        at: Some(LineCol {
            line: e.span.start.line,
            col,
        }),
        path: path.to_string(),
        message,
        hint,
        said: None,
    }
}

/// Full-width (Chinese) punctuation RON does not read, with the ASCII mark it stands for.
const FULL_WIDTH: [(char, &str, &str); 9] = [
    ('，', ",", "comma"),
    ('：', ":", "colon"),
    ('“', "\"", "opening quotation mark"),
    ('”', "\"", "closing quotation mark"),
    ('（', "(", "opening parenthesis"),
    ('）', ")", "closing parenthesis"),
    ('；', ";", "semicolon"),
    ('【', "[", "opening bracket"),
    ('】', "]", "closing bracket"),
];

/// A hint naming the full-width punctuation mark at or just before column `col` (1-based,
/// in characters) of `line`, outside double-quoted text, if there is one: the usual cause of
/// a syntax error in a file typed with a Chinese input method.
fn full_width_near(line: &str, col: usize) -> Option<String> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.chars().enumerate() {
        if i + 1 > col + 1 {
            break;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c == '"' {
            in_string = true;
            continue;
        }
        if i + 2 >= col
            && let Some((mark, ascii, name)) = FULL_WIDTH.iter().find(|(m, _, _)| *m == c)
        {
            return Some(format!(
                "`{mark}` is a full-width (Chinese) {name}; outside quoted text RON needs the ASCII `{ascii}` (switch the input method to English punctuation)"
            ));
        }
    }
    None
}

fn one_of(expected: &[&str]) -> String {
    let names: Vec<String> = expected.iter().map(|n| format!("`{n}`")).collect();
    format!("expected one of {}", names.join(", "))
}

/// Message and hint for one ron error, worded for an instructor rather than a programmer.
fn describe(code: &RonError) -> (String, Option<String>) {
    match code {
        RonError::NoSuchStructField { expected, found, .. } => (
            format!("unknown field `{found}`"),
            Some(suggestion(found, expected.iter().copied()).unwrap_or_else(|| one_of(expected))),
        ),
        RonError::MissingStructField { field, .. } => (
            format!("missing field `{field}`"),
            Some(format!("add `{field}: ...`; docs/scenario-format.md describes every field")),
        ),
        RonError::DuplicateStructField { field, .. } => (
            format!("field `{field}` is given twice"),
            Some("keep one of them".to_string()),
        ),
        RonError::NoSuchEnumVariant { expected, found, .. } => (
            format!("unknown value `{found}`"),
            Some(suggestion(found, expected.iter().copied()).unwrap_or_else(|| one_of(expected))),
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => (
            "expected a string in double quotes".to_string(),
            Some("money, rates, percentages and dates are strings, e.g. \"5000.00\", \"19%\", \"2026-09-01\"; if a `]` or `)` is missing just before this point, add it".to_string()),
        ),
        RonError::ExpectedIdentifier => (
            "expected a name here".to_string(),
            Some("choices such as `B2C` or `Buyer` are written without quotes; also check for a missing `)` or `]` just before this point".to_string()),
        ),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => (
            code.to_string(),
            Some("write a whole number without quotes, e.g. 30".to_string()),
        ),
        RonError::ExpectedComma
        | RonError::ExpectedArrayEnd
        | RonError::ExpectedStructLikeEnd
        | RonError::ExpectedMapEnd
        | RonError::TrailingCharacters
        | RonError::Eof => (
            code.to_string(),
            Some("look for a missing comma or an unbalanced bracket just before this point".to_string()),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => (
            code.to_string(),
            Some("write a structure as `(field: value, ...)`".to_string()),
        ),
        RonError::ExpectedArray => (
            code.to_string(),
            Some("write a list as `[item, item]`".to_string()),
        ),
        RonError::UnclosedBlockComment | RonError::UnclosedLineComment => {
            (code.to_string(), Some("close the comment with `*/`".to_string()))
        }
        other => (other.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        hs_code: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
    }

    #[test]
    fn unknown_field_has_position_path_and_suggestion() {
        let text = "(\n  items: [\n    (hs_code: \"610443\"),\n    (hs_cod: \"1\"),\n  ],\n)";
        let d = parse_ron::<Outer>("x.ron", text).unwrap_err();
        assert_eq!(d.at, Some(LineCol { line: 4, col: 6 }));
        assert_eq!(d.path, "items[1].hs_cod");
        assert_eq!(d.message, "unknown field `hs_cod`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `hs_code`?"));
    }

    #[test]
    fn newer_format_is_named_not_parsed() {
        let d = parse_scenario("s.ron", "(format: 2, meta: (whatever: 1))").unwrap_err();
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("unsupported format version 2"), "{}", d[0]);
    }
}
