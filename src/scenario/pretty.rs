//! Terminal rendering of diagnostics with a source snippet, miette-style.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use super::error::{Diagnostic, render_plain_in};

/// A diagnostic with its source, in the shape miette draws.
#[derive(Debug)]
struct Drawable {
    /// The headline with the field path, in the reader's language.
    headline: String,
    /// The label under the snippet's position.
    here: String,
    /// The hint, when miette draws it (its "help:" label is English).
    help: Option<String>,
    source: Option<NamedSource<String>>,
    span: Option<SourceSpan>,
}

impl fmt::Display for Drawable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline)
    }
}

impl std::error::Error for Drawable {}

impl miette::Diagnostic for Drawable {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.here.clone()),
            span,
        ))))
    }
}

/// Byte offset of a 1-based line and (char) column in `text`.
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l.chars().take(col.saturating_sub(1)).map(char::len_utf8).sum();
            return Some(offset + within.min(l.len()));
        }
        offset += l.len();
    }
    (line > 0).then_some(text.len())
}

/// Longest source line shown in a snippet: the snippet renderer pads to the column, and a
/// minified or hostile file can put the problem past column 65,535 of one line.
pub const MAX_SNIPPET_LINE_CHARS: usize = 400;

/// The source with every control character but line breaks and tabs shown as U+FFFD (one
/// character for one, so columns stay true): a file's own escapes never reach the terminal.
fn safe_source(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let keep = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => crate::escape::printable(&c.to_string(), 1) == c.to_string(),
        };
        out.push(if keep { c } else { '\u{fffd}' });
    }
    out
}

/// Whether the lines around `line` (the snippet's context) are short enough to draw.
fn lines_fit(text: &str, line: usize) -> bool {
    text.lines()
        .enumerate()
        .skip(line.saturating_sub(3))
        .take(5)
        .all(|(_, l)| l.len() <= MAX_SNIPPET_LINE_CHARS)
}

/// Renders one diagnostic, with a source excerpt when `source` is its file's text and the
/// diagnostic has a position. `color` picks ANSI colours (for terminals).
pub fn render(diagnostic: &Diagnostic, source: Option<&str>, color: bool) -> String {
    render_in(diagnostic, source, color, crate::i18n::english())
}

/// As [`render`], in `cat`'s language.
pub fn render_in(diagnostic: &Diagnostic, source: Option<&str>, color: bool, cat: &crate::i18n::Catalogue) -> String {
    let diagnostic = &diagnostic.localized(cat).clipped();
    let english = cat.language() == crate::i18n::Language::English;
    let headline = if diagnostic.path.is_empty() {
        diagnostic.message.clone()
    } else {
        cat.tr_args(
            "diagnostic-headline",
            &[
                ("message", diagnostic.message.clone().into()),
                ("path", diagnostic.path.clone().into()),
            ],
        )
    };
    let (named, span) = match (source, &diagnostic.at) {
        (Some(text), Some(at)) if lines_fit(text, at.line) => {
            let span = offset_of(text, at.line, at.col).map(|o| SourceSpan::from((o, 0)));
            (Some(NamedSource::new(diagnostic.file.clone(), safe_source(text))), span)
        }
        _ => (None, None),
    };
    let drawable = Drawable {
        headline,
        here: cat.tr("diagnostic-here"),
        help: english.then(|| diagnostic.hint.clone()).flatten(),
        source: named,
        span,
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .without_cause_chain();
    let mut out = String::new();
    if handler.render_report(&mut out, &drawable).is_err() {
        return render_plain_in(std::slice::from_ref(diagnostic), cat)
            .trim_end()
            .to_string();
    }
    if drawable.span.is_none() {
        // Without a snippet miette does not print the location; say where.
        out = format!("{}\n{out}", diagnostic.location());
    }
    if let Some(hint) = diagnostic.hint.as_ref().filter(|_| !english) {
        out = format!(
            "{}\n  {}\n",
            out.trim_end(),
            cat.tr_args("diagnostic-hint", &[("hint", hint.clone().into())])
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::error::LineCol;

    #[test]
    fn snippet_points_at_the_position() {
        let d = Diagnostic {
            file: "x.ron".into(),
            at: Some(LineCol { line: 2, col: 3 }),
            path: "a.b".into(),
            message: "unknown field `colour`".into(),
            hint: Some("did you mean `color`?".into()),
            said: None,
        };
        let out = render(&d, Some("(\n  colour: 1,\n)"), false);
        assert!(out.contains("unknown field `colour`"), "{out}");
        assert!(out.contains("x.ron:2:3"), "{out}");
        assert!(out.contains("colour: 1"), "{out}");
        assert!(out.contains("did you mean `color`?"), "{out}");
        assert_eq!(offset_of("ab\ncd", 2, 2), Some(4));
    }

    #[test]
    fn a_position_past_column_65535_is_reported_without_a_snippet() {
        let text = format!("({}colour: 1)", " ".repeat(70_000));
        let d = Diagnostic {
            file: "wide.ron".into(),
            at: Some(LineCol { line: 1, col: 70_002 }),
            path: String::new(),
            message: "unknown field `colour`".into(),
            hint: None,
            said: None,
        };
        let out = render(&d, Some(&text), false);
        assert!(out.contains("wide.ron:1:70002"), "{out}");
        assert!(out.contains("unknown field `colour`"), "{out}");
        assert!(out.len() < 2_000, "no 70,000-column snippet: {} bytes", out.len());
    }

    #[test]
    fn a_huge_message_is_cut() {
        let d = Diagnostic::at_path("p.rules.ron", "id", format!("rule pack id `{}`", "a".repeat(70_000)));
        let out = render(&d, None, true);
        assert!(out.len() < 4_000 && out.contains('…'), "{} bytes", out.len());
    }
}
