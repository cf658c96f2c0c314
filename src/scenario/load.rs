//! Reading scenario and rule-pack text into the raw file types, with `file:line:col`,
//! the field path and a hint for every syntax or shape error. Every message is a catalogue
//! sentence (assets/i18n/*/check-files.ftl), so `check` says it in the reader's language.

use std::path::Path;

use ron::Error as RonError;
use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::{Diagnostic, LineCol, suggestion_said};
use super::file::{FORMAT_VERSION, RulePackFile, ScenarioFile};
use crate::sim::said::{Fact, Said};
use crate::sim::terms::Text;

/// Files larger than this are refused before parsing (a scenario is a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`] and anything that is
/// not a regular file (a device, a FIFO, a folder).
///
/// # Errors
/// A diagnostic naming the file when it cannot be read, is too large or is not UTF-8.
pub fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    let bytes = read_bounded(path, MAX_FILE_BYTES).map_err(|e| {
        let d = Diagnostic::say(label, "", e.said());
        match e {
            BoundedReadError::TooLarge { .. } => d.with_hint_said(Said::new("check-file-too-large-hint")),
            _ => d,
        }
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).to_string();
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let mut d = Diagnostic::say(label, "", Said::new("check-file-not-utf8"))
            .with_hint_said(Said::new("check-file-not-utf8-hint"));
        d.at = Some(LineCol { line, col });
        d
    })
}

/// Why [`read_bounded`] read nothing (its English as `Display`; [`BoundedReadError::said`]
/// in any language).
#[derive(Debug, thiserror::Error)]
pub enum BoundedReadError {
    #[error("{}", crate::i18n::english().say(.0))]
    Io(Said),
    #[error("not a regular file (a folder, device or pipe is never read)")]
    NotRegular,
    #[error("file is {} bytes, over the limit of {limit} bytes", size.map_or("more than that".to_string(), |s| s.to_string()))]
    TooLarge { limit: u64, size: Option<u64> },
}

impl BoundedReadError {
    /// What went wrong, as a catalogue sentence.
    pub fn said(&self) -> Said {
        match self {
            BoundedReadError::Io(said) => said.clone(),
            BoundedReadError::NotRegular => Said::new("check-file-not-regular"),
            BoundedReadError::TooLarge {
                limit,
                size: Some(size),
            } => Said::new("check-file-too-large")
                .with("size", *size)
                .with("limit", *limit),
            BoundedReadError::TooLarge { limit, size: None } => {
                Said::new("check-file-too-large-unknown").with("limit", *limit)
            }
        }
    }
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
    let file = options.open(path).map_err(|e| BoundedReadError::Io(io_said(&e)))?;
    let meta = file.metadata().map_err(|e| BoundedReadError::Io(io_said(&e)))?;
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
        .map_err(|e| BoundedReadError::Io(io_said(&e)))?;
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
    String::from_utf8(bytes).map_err(|_| crate::i18n::english().say(&Said::new("check-file-not-utf8")))
}

/// A platform-neutral sentence for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    crate::i18n::english().say(&io_said(e))
}

/// [`io_reason`] as a catalogue sentence.
pub fn io_said(e: &std::io::Error) -> Said {
    match e.kind() {
        std::io::ErrorKind::NotFound => Said::new("check-file-not-found"),
        std::io::ErrorKind::PermissionDenied => Said::new("check-file-permission-denied"),
        _ => Said::new("check-file-cannot-read").with("error", e.to_string()),
    }
}

/// Refuses sizes over [`MAX_FILE_BYTES`].
///
/// # Errors
/// A diagnostic when `size` is over the limit.
pub fn check_size(label: &str, size: u64) -> Result<(), Diagnostic> {
    if size > MAX_FILE_BYTES {
        let too_large = BoundedReadError::TooLarge {
            limit: MAX_FILE_BYTES,
            size: Some(size),
        };
        return Err(Diagnostic::say(label, "", too_large.said()).with_hint_said(Said::new("check-file-too-large-hint")));
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
        return Err(vec![
            Diagnostic::say(label, "", Said::new("check-file-empty"))
                .with_hint_said(Said::new("check-file-empty-hint")),
        ]);
    }
    if let Ok(FormatProbe { format: Some(version) }) = ron_options().from_str::<FormatProbe>(text)
        && version != FORMAT_VERSION
    {
        let hint = if version > FORMAT_VERSION {
            Said::new("check-file-format-newer")
        } else {
            Said::new("check-file-format-older").with("supported", FORMAT_VERSION)
        };
        return Err(vec![
            Diagnostic::say(
                label,
                "format",
                Said::new("check-file-format-version")
                    .with("version", version)
                    .with("supported", FORMAT_VERSION),
            )
            .with_hint_said(hint),
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
            message = Said::new("check-ron-number-not-string").with("number", token.as_str());
            hint = Some(Said::new("check-ron-number-not-string-hint").with("number", token));
        }
    }
    if let Some(named) = full_width_near(line_text, e.span.start.col) {
        hint = Some(named);
    }
    let mut d = Diagnostic::say(label, path, message);
    if let Some(hint) = hint {
        d = d.with_hint_said(hint);
    }
    d.at = Some(LineCol {
        line: e.span.start.line,
        col,
    });
    d
}

/// Full-width (Chinese) punctuation RON does not read, with the ASCII mark it stands for and
/// the catalogue term naming it.
const FULL_WIDTH: [(char, &str, &str); 9] = [
    ('，', ",", "check-ron-mark-comma"),
    ('：', ":", "check-ron-mark-colon"),
    ('“', "\"", "check-ron-mark-opening-quote"),
    ('”', "\"", "check-ron-mark-closing-quote"),
    ('（', "(", "check-ron-mark-opening-parenthesis"),
    ('）', ")", "check-ron-mark-closing-parenthesis"),
    ('；', ";", "check-ron-mark-semicolon"),
    ('【', "[", "check-ron-mark-opening-bracket"),
    ('】', "]", "check-ron-mark-closing-bracket"),
];

/// A hint naming the full-width punctuation mark at or just before column `col` (1-based,
/// in characters) of `line`, outside double-quoted text, if there is one: the usual cause of
/// a syntax error in a file typed with a Chinese input method.
fn full_width_near(line: &str, col: usize) -> Option<Said> {
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
            return Some(
                Said::new("check-ron-full-width")
                    .with("mark", mark.to_string())
                    .term("name", name)
                    .with("ascii", *ascii),
            );
        }
    }
    None
}

/// "did you mean `a`?" when a name is close to `found`, else every name `expected` allows.
fn close_or_one_of(found: &str, expected: &[&str]) -> Said {
    suggestion_said(found, expected.iter().copied()).unwrap_or_else(|| {
        let names: Vec<String> = expected.iter().map(|n| format!("`{n}`")).collect();
        Said::new("check-ron-one-of").with("names", names.join(", "))
    })
}

/// ron's own messages start with a capital ("Expected comma"); ours do not.
fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            first.to_ascii_lowercase().to_string() + &message[1..]
        }
        _ => message.to_string(),
    }
}

/// ron's text quoted in a sentence: as written in English; in Chinese with its backticks made
/// plain quotes, so the backticks around the quotation pair up.
fn ron_text(text: String) -> Fact {
    Fact::Written(Text {
        zh: text.replace('`', "'"),
        en: text,
    })
}

/// The part of ron's message `code` after `before`, up to `until` (the end when empty): a
/// name as ron quotes it (`` `Name` ``, `` `r#name` ``).
fn ron_part(code: &RonError, before: &str, until: &str) -> Option<String> {
    let text = code.to_string();
    let (_, after) = text.split_once(before)?;
    Some(if until.is_empty() {
        after.to_string()
    } else {
        after.split_once(until)?.0.to_string()
    })
}

/// Message and hint for one ron error, worded for an instructor rather than a programmer.
fn describe(code: &RonError) -> (Said, Option<Said>) {
    let said = Said::new;
    let missing_comma = || Some(said("check-ron-missing-comma-hint"));
    let opening = |bracket: &str| said("check-ron-expected-opening").with("bracket", bracket);
    let closing = |bracket: &str| said("check-ron-expected-closing").with("bracket", bracket);
    match code {
        RonError::NoSuchStructField { expected, found, .. } => (
            said("check-ron-unknown-field").with("field", found.as_str()),
            Some(close_or_one_of(found, expected)),
        ),
        RonError::MissingStructField { field, .. } => (
            said("check-ron-missing-field").with("field", *field),
            Some(said("check-ron-missing-field-hint").with("field", *field)),
        ),
        RonError::DuplicateStructField { field, .. } => (
            said("check-ron-duplicate-field").with("field", *field),
            Some(said("check-ron-duplicate-field-hint")),
        ),
        RonError::NoSuchEnumVariant { expected, found, .. } => (
            said("check-ron-unknown-value").with("value", found.as_str()),
            Some(close_or_one_of(found, expected)),
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => (
            said("check-ron-expected-string"),
            Some(said("check-ron-expected-string-hint")),
        ),
        RonError::ExpectedIdentifier => (
            said("check-ron-expected-name"),
            Some(said("check-ron-expected-name-hint")),
        ),
        RonError::ExpectedInteger => (
            said("check-ron-expected-integer"),
            Some(said("check-ron-whole-number-hint")),
        ),
        RonError::IntegerOutOfBounds => (
            said("check-ron-integer-out-of-bounds"),
            Some(said("check-ron-whole-number-hint")),
        ),
        RonError::ExpectedComma => (said("check-ron-expected-comma"), missing_comma()),
        RonError::ExpectedArrayEnd => (closing("]"), missing_comma()),
        RonError::ExpectedStructLikeEnd => (closing(")"), missing_comma()),
        RonError::ExpectedMapEnd => (closing("}"), missing_comma()),
        RonError::TrailingCharacters => (said("check-ron-trailing"), missing_comma()),
        RonError::Eof => (said("check-ron-end-of-file"), missing_comma()),
        RonError::ExpectedStructLike => (opening("("), Some(said("check-ron-struct-hint"))),
        RonError::ExpectedNamedStructLike("") => (
            said("check-ron-expected-struct-unnamed"),
            Some(said("check-ron-struct-hint")),
        ),
        RonError::ExpectedNamedStructLike(_) => match ron_part(code, "for struct ", "") {
            Some(name) => (
                said("check-ron-expected-struct-named").with("name", name),
                Some(said("check-ron-struct-hint")),
            ),
            None => (other(code), Some(said("check-ron-struct-hint"))),
        },
        RonError::ExpectedArray => (opening("["), Some(said("check-ron-list-hint"))),
        RonError::UnclosedBlockComment => (
            said("check-ron-unclosed-comment"),
            Some(said("check-ron-close-comment-hint")),
        ),
        RonError::UnclosedLineComment => (
            said("check-ron-unclosed-line-comment"),
            Some(said("check-ron-close-comment-hint")),
        ),
        // Without a hint: ron's message says it.
        RonError::ExpectedOptionEnd => (closing(")"), None),
        RonError::ExpectedMap => (opening("{"), None),
        RonError::ExpectedMapColon => (said("check-ron-expected-colon"), None),
        RonError::ExpectedBoolean => (said("check-ron-expected-boolean"), None),
        RonError::ExpectedFloat => (said("check-ron-expected-float"), None),
        RonError::ExpectedOption => (said("check-ron-expected-option"), None),
        RonError::ExpectedUnit => (said("check-ron-expected-unit"), None),
        RonError::ExpectedChar => (said("check-ron-expected-char"), None),
        RonError::UnderscoreAtBeginning => (said("check-ron-leading-underscore"), None),
        RonError::FloatUnderscore => (said("check-ron-float-underscore"), None),
        RonError::InvalidIntegerDigit { digit, base } => (
            said("check-ron-integer-digit")
                .with("digit", format!("{digit:?}"))
                .with("base", u32::from(*base)),
            None,
        ),
        RonError::UnexpectedChar(c) => (said("check-ron-unexpected-char").with("char", format!("{c:?}")), None),
        RonError::SuggestRawIdentifier(name) => (
            said("check-ron-raw-identifier")
                .with("found", format!("{name:?}"))
                .with("name", name.as_str()),
            None,
        ),
        RonError::InvalidEscape(what) => (said("check-ron-escape").with("what", lowercase_first(what)), None),
        RonError::ExpectedDifferentStructName { .. } => {
            match (
                ron_part(code, "Expected struct ", " but found "),
                ron_part(code, " but found ", ""),
            ) {
                (Some(expected), Some(found)) => (
                    said("check-ron-struct-name")
                        .with("expected", expected)
                        .with("found", found),
                    None,
                ),
                _ => (other(code), None),
            }
        }
        RonError::NoSuchExtension(_) => match ron_part(code, "No RON extension named ", "") {
            Some(name) => (said("check-ron-no-extension").with("name", name), None),
            None => (other(code), None),
        },
        _ => (other(code), None),
    }
}

/// A ron error no sentence of ours words: a syntax error here, in ron's own words.
fn other(code: &RonError) -> Said {
    Said::new("check-ron-other").with("ron", ron_text(lowercase_first(&code.to_string())))
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

    /// Every ron error's message in English is ron's own text, first letter lowered (as the
    /// golden files hold it), whether a sentence of ours words it or it is quoted (but for the
    /// two worded for an instructor); and in
    /// Chinese it is a sentence of the catalogue, never a key in brackets.
    #[test]
    fn ron_errors_read_as_ron_words_them_in_english_and_are_sentences_in_chinese() {
        let chinese = crate::i18n::Catalogue::new(crate::i18n::Language::Chinese);
        let codes = [
            RonError::Eof,
            RonError::ExpectedArray,
            RonError::ExpectedArrayEnd,
            RonError::ExpectedAttribute,
            RonError::ExpectedBoolean,
            RonError::ExpectedComma,
            RonError::ExpectedChar,
            RonError::ExpectedFloat,
            RonError::FloatUnderscore,
            RonError::ExpectedInteger,
            RonError::ExpectedOption,
            RonError::ExpectedOptionEnd,
            RonError::ExpectedMap,
            RonError::ExpectedMapColon,
            RonError::ExpectedMapEnd,
            RonError::ExpectedDifferentStructName {
                expected: "ProductDef",
                found: "Foo".to_string(),
            },
            RonError::ExpectedStructLike,
            RonError::ExpectedNamedStructLike("Money"),
            RonError::ExpectedNamedStructLike(""),
            RonError::ExpectedStructLikeEnd,
            RonError::ExpectedUnit,
            RonError::InvalidEscape("Unknown escape character"),
            RonError::IntegerOutOfBounds,
            RonError::InvalidIntegerDigit { digit: 'F', base: 10 },
            RonError::NoSuchExtension("colours".to_string()),
            RonError::UnclosedBlockComment,
            RonError::UnclosedLineComment,
            RonError::UnderscoreAtBeginning,
            RonError::UnexpectedChar('；'),
            RonError::TrailingCharacters,
            RonError::SuggestRawIdentifier("5".to_string()),
            RonError::ExpectedDifferentLength {
                expected: "a tuple of size 2".to_string(),
                found: 0,
            },
            RonError::Message("data did not match".to_string()),
        ];
        for code in codes {
            let (message, hint) = describe(&code);
            assert_eq!(
                crate::i18n::english().say(&message),
                lowercase_first(&code.to_string()),
                "{code:?}"
            );
            for said in std::iter::once(&message).chain(hint.as_ref()) {
                let zh = chinese.say(said);
                assert!(chinese.has_own(&said.key) && !zh.starts_with('['), "{code:?}: {zh}");
            }
        }
        // Two are worded for an instructor instead.
        let (message, _) = describe(&RonError::ExpectedString);
        assert_eq!(
            crate::i18n::english().say(&message),
            "expected a string in double quotes"
        );
        let (message, _) = describe(&RonError::ExpectedIdentifier);
        assert_eq!(crate::i18n::english().say(&message), "expected a name here");
    }

    #[test]
    fn a_full_width_mark_is_named_in_both_languages() {
        let hint = full_width_near("  length_days： 20,", 14).unwrap_or_else(|| unreachable!());
        assert_eq!(
            crate::i18n::english().say(&hint),
            "`：` is a full-width (Chinese) colon; outside quoted text RON needs the ASCII `:` (switch the input method to English punctuation)"
        );
        let zh = crate::i18n::Catalogue::new(crate::i18n::Language::Chinese).say(&hint);
        assert!(zh.contains("冒号") && zh.contains("`:`"), "{zh}");
    }
}
